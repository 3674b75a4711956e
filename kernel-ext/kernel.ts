/**
 * The litml kernel's core: tslab's executor with magics, rich last values, Jupyter
 * error messages and cancellation. It knows nothing of sockets; `server.ts` carries its
 * results over the wire, and the tests drive it through a real Jupyter client.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "node:util";
import type { Converter } from "tslab/dist/converter.js";
import type { Executor } from "tslab/dist/executor.js";
import { setCancellationSignal, setProgressSink } from "../src/runtime/context.js";
import { LITML_VERSION } from "../src/version.js";
import { type Bundle, displayBundle } from "./display-value.js";
import { type CellError, compileError, errorFromThrown, escapedError } from "./errors.js";
import { completeMagic, type CompletionContext, inspectMagic } from "./magics/complete.js";
import { expandCell, helpText, type KernelCommand, lsmagicText, maskMagics } from "./magics/expand.js";
import { progressBundle } from "./progress.js";
import type { Watchdog } from "./watchdog.js";
import { setCurrentCell } from "./cell.js";

const require = createRequire(import.meta.url);
const converterModule = require("tslab/dist/converter.js") as typeof import("tslab/dist/converter.js");
const executorModule = require("tslab/dist/executor.js") as typeof import("tslab/dist/executor.js");
const inspectModule = require("tslab/dist/inspect.js") as typeof import("tslab/dist/inspect.js");
const jupyterModule = require("tslab/dist/jupyter.js") as { lastWriteDisplayData: unknown };

/** Where a running cell's output goes. */
export interface CellIO {
  stream(name: "stdout" | "stderr", text: string): void;
  display(bundle: Bundle, displayId?: string, update?: boolean): void;
  executeInput(code: string, count: number): void;
  executeResult(bundle: Bundle, count: number): void;
  error(error: CellError): void;
}

export interface ExecuteRequest {
  code: string;
  silent?: boolean;
  store_history?: boolean;
  stop_on_error?: boolean;
}

export type Outcome = { status: "ok"; count: number } | { status: "error"; count: number; error: CellError };

interface Capture {
  last?: { value: unknown };
  thrown?: { value: unknown };
  diagnostics: string[];
}

/** tslab's ConverterSetImpl is not exported; this is litml's, creating each converter on first use. */
class Converters {
  private nodeConverter?: Converter;
  private browserConverter?: Converter;
  get node(): Converter {
    return (this.nodeConverter ??= withAwaitFound(converterModule.createConverter({ isJS: false, isBrowser: false })));
  }
  get browser(): Converter {
    return (this.browserConverter ??= converterModule.createConverter({ isJS: false, isBrowser: true }));
  }
  close(): void {
    this.nodeConverter?.close();
    this.browserConverter?.close();
  }
}

/**
 * tslab runs a cell in an async function only when TypeScript reported a top-level
 * await (diagnostic 1308), which it does not for `await (x)`: the cell then ran in a
 * plain function, where `await (x)` calls a function named await ("await is not
 * defined"). Any `await` in the output now makes the wrapper async; an async wrapper
 * around a cell that never awaits behaves the same (its errors still reach tslab).
 */
function withAwaitFound(converter: Converter): Converter {
  const convert = converter.convert.bind(converter);
  converter.convert = (prevDecl, src) => {
    const converted = convert(prevDecl, src);
    if (converted.output !== undefined && /\bawait\b/.test(converted.output)) converted.hasToplevelAwait = true;
    return converted;
  };
  return converter;
}

/** Errors held for the next cell; more of the same add nothing (the kernel's stderr has them all). */
const MAX_HELD_ERRORS = 10;

/** The notebook's `litml`: the public API with this kernel's framing card (dist/kernel-ext/notebook-api). */
const LITML_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), "notebook-api");

export class LitmlKernel {
  private readonly executor: Executor;
  private readonly converters = new Converters();
  private executionCount = 0;
  private capture: Capture | undefined;
  private io: CellIO | undefined;
  private abort: AbortController | undefined;
  private ready: Promise<void> | undefined;
  /** A cell whose output the user sees is running: errors that escape other code go into it. */
  private running = false;
  private readonly escaped: CellError[] = [];
  private readonly originalWrite = {
    stdout: process.stdout.write.bind(process.stdout),
    stderr: process.stderr.write.bind(process.stderr),
  };

  constructor(
    rootDir: string,
    private readonly watchdog?: Watchdog,
  ) {
    this.converters.node; // Warm the TypeScript service while the sockets bind, as tslab does.
    this.executor = executorModule.createExecutor(rootDir, this.converters, {
      log: (...args: unknown[]) => {
        if (this.capture) this.capture.last = { value: args[0] };
      },
      error: (...args: unknown[]) => {
        if (!this.capture) return this.log(format(...args));
        if (args.length > 1 && typeof args[0] === "string") this.capture.diagnostics.push(format(...args));
        else this.capture.thrown = { value: args[0] };
      },
    });
    setProgressSink((update) => this.io?.display(progressBundle(update), update.id, !update.first));
  }

  /**
   * Loads litml into the notebook scope. The server calls this once the kernel has told
   * its client it is ready, so the ~0.2 s of type-checking litml's declarations is off
   * the start-up path; a cell that arrives first simply waits for it.
   */
  warmUp(): Promise<void> {
    return (this.ready ??= this.runPrelude());
  }

  /** Binds `litml` in the notebook, so magics (which expand to litml.* calls) work from the first cell. */
  private async runPrelude(): Promise<void> {
    this.capture = { diagnostics: [] };
    const ok = await this.protect(() => this.executor.execute(`import * as litml from ${JSON.stringify(LITML_ENTRY)};`));
    const capture = this.capture;
    this.capture = undefined;
    if (!ok) this.log(`litml kernel: could not load litml: ${capture.diagnostics.join("; ")} ${String(capture.thrown?.value ?? "")}`);
  }

  kernelInfo() {
    return {
      status: "ok",
      protocol_version: "5.3",
      implementation: "litml",
      implementation_version: LITML_VERSION,
      language_info: {
        name: "typescript",
        version: "5.0",
        mimetype: "text/typescript",
        file_extension: ".ts",
        codemirror_mode: { mode: "typescript", name: "javascript", typescript: true },
      },
      banner: `litml ${LITML_VERSION}: TypeScript notebooks for building ML systems that work (tslab 1.0.22). %lsmagic lists the magics.`,
      help_links: [{ text: "litml magics: %lsmagic, %help NAME", url: "https://www.npmjs.com/package/litml" }],
    };
  }

  /** SIGINT: stop a blocked synchronous loop (tslab's breakOnSigint), an awaited cell, and any long analysis. */
  interrupt(): void {
    this.abort?.abort();
    this.executor.interrupt();
  }

  /**
   * An error that escaped every cell (see escapedError): shown in the running cell, or
   * else at the top of the next one, because after its cell has ended a front end no
   * longer shows output sent in that cell's name.
   */
  reportEscaped(origin: "callback" | "promise", thrown: unknown): void {
    const error = escapedError(origin, thrown);
    this.log(`litml kernel: ${origin === "callback" ? "uncaught exception" : "unhandled rejection"}: ${error.ename}: ${error.evalue}`);
    if (this.running && this.io) this.io.error(error);
    // A failing setInterval while nothing runs would otherwise pile up without end.
    else if (this.escaped.length < MAX_HELD_ERRORS) this.escaped.push(error);
  }

  async execute(request: ExecuteRequest, io: CellIO): Promise<Outcome> {
    await this.warmUp();
    const silent = request.silent === true;
    if (!silent && request.store_history !== false) this.executionCount++;
    const count = this.executionCount;
    if (!silent) io.executeInput(request.code, count);
    this.io = io;
    this.running = !silent;
    try {
      if (!silent) for (const error of this.escaped.splice(0)) io.error(error);
      return await this.runCell(request, io, count);
    } finally {
      this.running = false;
    }
  }

  private async runCell(request: ExecuteRequest, io: CellIO, count: number): Promise<Outcome> {
    const silent = request.silent === true;
    setCurrentCell(count);
    this.abort = new AbortController();
    setCancellationSignal(this.abort.signal);
    process.stdout.write = this.streamWriter("stdout", io);
    process.stderr.write = this.streamWriter("stderr", io);
    jupyterModule.lastWriteDisplayData = (data: { data: Bundle; transient?: { display_id?: string } }, update: boolean) =>
      io.display(data.data, data.transient?.display_id, update);
    const fail = (error: CellError): Outcome => {
      io.error(error);
      return { status: "error", count, error };
    };
    let code: string;
    try {
      const expanded = expandCell(request.code, { isVariable: (name) => Object.hasOwn(this.executor.locals, name) });
      for (const command of expanded.commands) io.display(commandBundle(command));
      code = expanded.code;
    } catch (error) {
      return fail(errorFromThrown(error));
    }
    if (code.trim() === "") return { status: "ok", count };
    const capture: Capture = { diagnostics: [] };
    this.capture = capture;
    let ok: boolean;
    try {
      // Compiling, and the cell's synchronous part (which vm's own SIGINT handling stops), are protected.
      ok = await this.protect(() => this.executor.execute(code));
    } finally {
      this.capture = undefined;
    }
    if (!ok) return fail(capture.thrown ? errorFromThrown(capture.thrown.value) : compileError(capture.diagnostics));
    if (capture.last && !silent) {
      let value = capture.last.value;
      // A promise as the last value (a forgotten await) shows what it resolves to, as the user meant.
      if (isThenable(value)) {
        try {
          value = await untilInterrupted(value, this.abort.signal);
        } catch (error) {
          return fail(errorFromThrown(error));
        }
      }
      const shown = value;
      io.executeResult(this.protect(() => displayBundle(shown)), count);
    }
    return { status: "ok", count };
  }

  /** Runs kernel code that the interrupt watchdog must not cut short (see watchdog.ts). */
  protect<T>(work: () => T): T {
    return this.watchdog ? this.watchdog.protect(work) : work();
  }

  isComplete(code: string) {
    const result = converterModule.isCompleteCode(maskMagics(code));
    return result.completed ? { status: "complete" } : { status: "incomplete", indent: result.indent ?? "" };
  }

  complete(code: string, cursor: number) {
    void this.warmUp();
    const magic = completeMagic(code, cursor, this.completionContext());
    if (magic) return { status: "ok", matches: [...magic.matches], cursor_start: magic.start, cursor_end: magic.end, metadata: {} };
    const info = this.executor.complete(maskMagics(code), cursor);
    return { status: "ok", matches: info.candidates, cursor_start: info.start, cursor_end: info.end, metadata: {} };
  }

  /** What magic completion offers, read from the notebook's own `litml` and variables (nothing loads for it). */
  private completionContext(): CompletionContext {
    const locals = this.executor.locals as Record<string, unknown>;
    const api = locals.litml as { list?: () => { name: string }[]; models?: () => string[]; metrics?: () => string[] } | undefined;
    return {
      variables: Object.keys(locals).filter((name) => name !== "litml"),
      datasets: api?.list?.().map((entry) => entry.name) ?? [],
      models: api?.models?.() ?? [],
      metrics: api?.metrics?.() ?? [],
      columnsOf: (word) => columnNames(locals[word]),
    };
  }

  inspect(code: string, cursor: number) {
    const help = inspectMagic(code, cursor);
    if (help !== undefined) return { status: "ok", found: true, data: { "text/plain": help }, metadata: {} };
    const info = this.executor.inspect(maskMagics(code), cursor);
    if (!info) return { status: "ok", found: false, data: {}, metadata: {} };
    return { status: "ok", found: true, data: { "text/plain": inspectModule.printQuickInfo(info) }, metadata: {} };
  }

  close(): void {
    this.executor.close();
  }

  /** Messages from the kernel itself go to its own stderr, never into a cell's output. */
  log(text: string): void {
    this.originalWrite.stderr(text.endsWith("\n") ? text : text + "\n");
  }

  private streamWriter(name: "stdout" | "stderr", io: CellIO): typeof process.stdout.write {
    return ((chunk: string | Uint8Array) => {
      io.stream(name, typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return true;
    }) as typeof process.stdout.write;
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && (typeof value === "object" || typeof value === "function") && typeof (value as PromiseLike<unknown>).then === "function";
}

function untilInterrupted<T>(promise: PromiseLike<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error("Interrupted asynchronously"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}

function commandBundle(command: KernelCommand): Bundle {
  return { "text/plain": command.command === "lsmagic" ? lsmagicText() : helpText(command.topic) };
}

/** The column names of a notebook value that DATA accepts (a Dataset, an arquero table, a danfo DataFrame, records), read without work. */
function columnNames(value: unknown): readonly string[] | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const shaped = value as { names?: unknown; columnNames?: unknown; columns?: unknown };
  if (Array.isArray(shaped.names)) return shaped.names as string[];
  if (typeof shaped.columnNames === "function") return (shaped.columnNames as () => string[])();
  if (Array.isArray(shaped.columns)) return shaped.columns as string[];
  if (Array.isArray(value) && value.length > 0 && typeof value[0] === "object" && value[0] !== null) return Object.keys(value[0] as object);
  return undefined;
}
