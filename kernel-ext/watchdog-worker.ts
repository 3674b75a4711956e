/**
 * The watchdog's thread (see watchdog.ts). Node delivers no signals to worker threads,
 * so a tiny shell, started in the kernel's process group, hears each SIGINT that
 * Jupyter sends to the group and prints a line. The shell ends when this pipe closes,
 * so it never outlives the kernel.
 */
import { spawn } from "node:child_process";
import { Session } from "node:inspector";
import { parentPort, workerData } from "node:worker_threads";
import { PONGS, PROTECTED } from "./watchdog.js";

/**
 * How long the main thread has to answer before it counts as stuck. Analyses yield at
 * least once a second (DESIGN.md, "long work") and then stop cleanly through the
 * cancellation signal; a termination drops queued promise jobs, so it is the last resort.
 */
const GRACE_MS = 1000;
/** How often to look again while kernel code that must not be cut short runs. */
const RETRY_MS = 50;

// A background job of a non-interactive shell ignores SIGINT and reads the pipe (as fd 3:
// its stdin would be /dev/null); the shell itself traps SIGINT and waits for that job.
const LISTENER = 'trap "echo interrupt" INT; exec 3<&0; cat <&3 >/dev/null & while :; do wait $! && exit 0; kill -0 $! 2>/dev/null || exit 0; done';

const flags = (workerData as { flags: Int32Array }).flags;
const port = parentPort!;

const listener = spawn("/bin/sh", ["-c", LISTENER], { stdio: ["pipe", "pipe", "ignore"] });
listener.on("error", (error) => port.postMessage({ log: `interrupts reach only cells and timers: no signal listener (${error.message})` }));
listener.stdout.setEncoding("utf8");
listener.stdout.on("data", (chunk: string) => {
  for (let i = chunk.split("\n").length - 1; i > 0; i--) onInterrupt();
});

function onInterrupt(): void {
  const pongs = Atomics.load(flags, PONGS);
  port.postMessage({ ping: true });
  setTimeout(() => check(pongs), GRACE_MS);
}

function check(pongs: number): void {
  // An answer means the main thread was free and its own SIGINT listener has done the work.
  if (Atomics.load(flags, PONGS) !== pongs) return;
  if (Atomics.load(flags, PROTECTED) > 0) {
    setTimeout(() => check(pongs), RETRY_MS);
    return;
  }
  // Connected only for this: while a session is open, V8 keeps every console call for it,
  // which made printing four times slower.
  const session = new Session();
  session.connectToMainThread();
  session.post("Runtime.terminateExecution", () => {
    session.disconnect();
    port.postMessage({ terminated: true });
  });
}
