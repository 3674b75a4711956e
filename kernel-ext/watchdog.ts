/**
 * Interrupts that reach code vm's SIGINT handling cannot: a busy loop that runs after an
 * `await` (a microtask, outside the vm call tslab wraps the cell in). The main thread is
 * then too busy to run its own SIGINT listener, so a worker thread watches instead:
 * told of each SIGINT (see watchdog-worker.ts), it pings the main thread and, if no
 * answer comes, ends the running JavaScript through the main thread's inspector
 * (`Runtime.terminateExecution`). The kernel's variables live on, and the main thread's
 * SIGINT listener then ends the cell as interrupted.
 *
 * A termination also drops every promise job V8 had queued, the kernel's included;
 * `afterTermination` restarts what the kernel cannot lose (the sending of messages).
 */
import { Worker } from "node:worker_threads";

/** Slots of the memory the two threads share. */
export const PONGS = 0;
export const PROTECTED = 1;

export class Watchdog {
  private readonly flags = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));

  constructor(
    private readonly log: (text: string) => void,
    private readonly afterTermination: () => void,
  ) {}

  start(): void {
    const worker = new Worker(new URL("./watchdog-worker.js", import.meta.url), { workerData: { flags: this.flags } });
    // The answer to a ping is the proof that the main thread is free.
    worker.on("message", (message: { log?: string; terminated?: boolean }) => {
      if (message.log) this.log(`litml kernel: ${message.log}`);
      else if (message.terminated) this.afterTermination();
      else Atomics.add(this.flags, PONGS, 1);
    });
    worker.on("error", (error) => this.log(`litml kernel: the interrupt watchdog stopped: ${String(error)}`));
    worker.unref();
  }

  /**
   * Runs kernel code that a termination must never cut short: it would unwind the
   * kernel's own frames too, and the request they serve would never be answered.
   */
  protect<T>(work: () => T): T {
    Atomics.add(this.flags, PROTECTED, 1);
    try {
      return work();
    } finally {
      Atomics.sub(this.flags, PROTECTED, 1);
    }
  }
}
