/**
 * Entry point of the litml Jupyter kernel: `node dist/kernel-ext/main.js CONNECTION_FILE`.
 * (tslab's startKernel is not used: it would jump to any other tslab in a parent folder.)
 */
import { installInterruptibleTimers } from "./interruptible-timers.js";
import { LitmlKernel } from "./kernel.js";
import { LitmlServer } from "./server.js";
import { Watchdog } from "./watchdog.js";
import { resumeSending } from "./wire.js";

const connectionFile = process.argv[2];
if (!connectionFile) {
  process.stderr.write("usage: node dist/kernel-ext/main.js CONNECTION_FILE\n");
  process.exit(2);
}

// The store keys framing cards by notebook; a kernel that Jupyter did not tell its notebook must not fall back to its own script path (shared by every notebook).
process.env.LITML_KERNEL = "1";
const watchdog = new Watchdog((text) => kernel.log(text), resumeSending);
const kernel = new LitmlKernel(process.cwd(), watchdog);
installInterruptibleTimers(watchdog, () => kernel.interrupt());
watchdog.start();
const server = new LitmlServer(kernel, connectionFile);
process.on("SIGINT", () => kernel.interrupt());
process.on("uncaughtException", (error) => kernel.reportEscaped("callback", error));
process.on("unhandledRejection", (reason) => kernel.reportEscaped("promise", reason));
void server.init();
