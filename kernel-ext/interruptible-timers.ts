/**
 * Timer callbacks that an interrupt can stop. A termination (the watchdog's way to stop
 * a busy microtask) inside a timer or immediate callback corrupts Node's async-hooks
 * stack and kills the process, so these callbacks run the way tslab runs a cell: inside
 * a vm call with `breakOnSigint`, where SIGINT becomes an ordinary exception. Native
 * callbacks (a promise's resolve, as in `await new Promise((r) => setImmediate(r))`)
 * cannot loop, so they skip the vm call and its cost (~70 µs: a watchdog thread per call).
 */
import vm from "node:vm";
import type { Watchdog } from "./watchdog.js";

const CALL = Symbol.for("litml.timerCallback");
const script = new vm.Script(`globalThis[Symbol.for("litml.timerCallback")]()`, { filename: "litml-timer-callback" });

type Callback = (...args: unknown[]) => unknown;

export function installInterruptibleTimers(watchdog: Watchdog, onInterrupted: () => void): void {
  const holder = globalThis as unknown as Record<symbol, (() => unknown) | undefined>;
  const interruptible = (callback: Callback): Callback => {
    if (typeof callback !== "function" || isNative(callback)) return callback;
    return function (this: unknown, ...args: unknown[]) {
      holder[CALL] = () => callback.apply(this, args);
      try {
        return watchdog.protect(() => script.runInThisContext({ breakOnSigint: true }));
      } catch (error) {
        // vm consumed the signal, so the process's SIGINT listener will not hear of it.
        if ((error as { code?: string })?.code === "ERR_SCRIPT_EXECUTION_INTERRUPTED") onInterrupted();
        throw error;
      } finally {
        holder[CALL] = undefined;
      }
    };
  };
  for (const name of ["setTimeout", "setInterval", "setImmediate"] as const) {
    const original = globalThis[name] as unknown as (callback: Callback, ...rest: unknown[]) => unknown;
    const wrapped = (callback: Callback, ...rest: unknown[]) => original(interruptible(callback), ...rest);
    // util.promisify(setTimeout) and friends keep working through the original's custom form.
    Object.defineProperties(wrapped, Object.getOwnPropertyDescriptors(original));
    (globalThis as Record<string, unknown>)[name] = wrapped;
  }
}

/** A promise's resolve or reject: native and nameless (a bound function is native too, but named "bound …"). */
function isNative(fn: Callback): boolean {
  return fn.name === "" && Function.prototype.toString.call(fn).endsWith("{ [native code] }");
}
