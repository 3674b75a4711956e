/**
 * The main job: execute a copy of each notebook with the litml kernel (the tracked
 * notebook is only read), write the executed copy and its HTML report side by side,
 * and say which notebooks failed and where. `kernel-ext/python/execute.py` drives the
 * kernel through nbclient and reports each cell as a JSON line on file descriptor 3; its
 * own output and the kernel's are kept in a log, written only when the run breaks, so no
 * Python traceback reaches the user.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { svgToPng } from "../display/png.js";
import { svgImages } from "../display/svg-image.js";
import { LitmlError } from "../errors.js";
import { message } from "../messages.js";
import { packageRoot } from "../util/package-root.js";
import { joinSource, type Notebook } from "./notebook.js";
import { renderReport } from "./render.js";

const MAX_LOG = 4 << 20;

export interface RunOptions {
  readonly outDir: string;
  readonly python: string;
  readonly timeoutSeconds: number;
  /** Add a PNG beside every SVG in the executed copies, for GitHub's notebook preview. */
  readonly github: boolean;
  /** Run every cell even after one raises; the errors are reported, not fatal. */
  readonly allowErrors?: boolean;
  /** Called once the cell count is known, then after each code cell. */
  readonly onCell?: (progress: CellProgress) => void;
}

export interface CellProgress {
  readonly cell: number;
  readonly of: number;
  readonly seconds?: number;
  readonly error?: { readonly ename: string; readonly evalue: string };
}

/** Where a code cell raised (cell numbers count code cells from 1, as the progress does). */
export interface CellError {
  readonly cell: number;
  readonly ename: string;
  readonly evalue: string;
}

export interface NotebookRun {
  readonly notebook: string;
  readonly executed: string;
  readonly report: string;
  /** Every cell ran and none raised (with allowErrors: every cell ran). */
  readonly ok: boolean;
  readonly seconds: number;
  readonly errors: readonly CellError[];
  /** Why the run stopped early for a reason other than a cell's own error. */
  readonly problem?: LitmlError;
}

interface EndEvent {
  status: string;
  cell?: number;
  line?: string;
  seconds?: number;
  module?: string;
  reason?: string;
  ename?: string;
  evalue?: string;
}

export function findNotebooks(inputs: readonly string[]): string[] {
  const found: string[] = [];
  for (const input of inputs) {
    if (!existsSync(input)) throw message.noSuchNotebook(input);
    if (statSync(input).isDirectory()) {
      const names = readdirSync(input).filter((f) => f.endsWith(".ipynb") && !f.startsWith(".")).sort();
      if (names.length === 0) throw message.noNotebooksIn(input);
      found.push(...names.map((f) => path.join(input, f)));
    } else {
      found.push(input);
    }
  }
  return found;
}

/** Executes one notebook, reporting each cell to `options.onCell` as it finishes. */
export async function runNotebookAsync(notebook: string, options: RunOptions): Promise<NotebookRun> {
  const job = start(notebook, options);
  let signals = 0;
  let onSigint = () => {};
  const exit = await new Promise<{ status: number | null; spawnError?: Error }>((resolve) => {
    const child = spawn(options.python, job.args, { stdio: ["ignore", "pipe", "pipe", "pipe"] });
    child.stdout!.on("data", (chunk) => job.keep(String(chunk)));
    child.stderr!.on("data", (chunk) => job.keep(String(chunk)));
    createInterface({ input: child.stdio[3] as NodeJS.ReadableStream }).on("line", job.event);
    child.on("error", (error) => resolve({ status: null, spawnError: error }));
    child.on("close", (code) => resolve({ status: code }));
    // Ctrl-C reaches the runner too (one process group): let it shut the kernel down, which
    // dying at once would leave running, and pass the signal on if it came to us alone.
    // A second Ctrl-C ends litml at once.
    onSigint = () => {
      if (++signals > 1) process.exit(130);
      setTimeout(() => {
        if (!job.interrupting() && child.exitCode === null) child.kill("SIGINT");
      }, 1000).unref();
    };
    process.on("SIGINT", onSigint);
  });
  process.off("SIGINT", onSigint);
  return job.finish(exit.status, exit.spawnError);
}

/** The same, blocking: `onCell` hears of every cell only once the notebook is done. */
export function runNotebook(notebook: string, options: RunOptions): NotebookRun {
  const job = start(notebook, options);
  const child = spawnSync(options.python, job.args, { stdio: ["ignore", "pipe", "pipe", "pipe"], encoding: "utf8", maxBuffer: 1 << 30 });
  job.keep(child.stdout ?? "");
  job.keep(child.stderr ?? "");
  for (const line of String(child.output?.[3] ?? "").split("\n")) if (line) job.event(line);
  return job.finish(child.status, child.error);
}

function start(notebook: string, options: RunOptions) {
  const name = path.basename(notebook, ".ipynb");
  mkdirSync(options.outDir, { recursive: true });
  const executed = path.join(options.outDir, `${name}.ipynb`);
  const report = path.join(options.outDir, `${name}.html`);
  const log = path.join(options.outDir, `${name}.log`);
  const script = path.join(packageRoot(), "kernel-ext", "python", "execute.py");
  const args = [script, notebook, executed, path.dirname(path.resolve(notebook)), String(options.timeoutSeconds)];
  if (options.allowErrors) args.push("--allow-errors");
  rmSync(log, { force: true }); // a log left by an earlier run must not be taken for this one's
  const started = Date.now();
  const errors: CellError[] = [];
  const output: string[] = [];
  let kept = 0;
  const keep = (text: string) => {
    // Only for the log of a run that broke: its end matters, and a chatty kernel must not fill memory.
    output.push(text);
    kept += text.length;
    while (kept > MAX_LOG && output.length > 1) kept -= output.shift()!.length;
  };
  let end: EndEvent | undefined;
  let interrupting = false;

  const event = (line: string) => {
    let parsed: { event?: string } & Record<string, unknown>;
    try {
      parsed = JSON.parse(line);
    } catch {
      keep(line + "\n");
      return;
    }
    if (parsed.event === "interrupting") interrupting = true;
    else if (parsed.event === "start") options.onCell?.({ cell: 0, of: parsed.cells as number });
    else if (parsed.event === "cell") {
      const progress = parsed as unknown as CellProgress;
      if (progress.error) errors.push({ cell: progress.cell, ...progress.error });
      options.onCell?.(progress);
    } else if (parsed.event === "end") end = parsed as unknown as EndEvent;
  };

  const finish = (status: number | null, spawnError: Error | undefined): NotebookRun => {
    if (spawnError) throw message.noPython(options.python, spawnError.message);
    const seconds = (Date.now() - started) / 1000;
    const before = fatal(notebook, end, options.python);
    if (before) throw before;
    if (!existsSync(executed) || end === undefined) {
      writeFileSync(log, output.join(""));
      throw message.runnerFailed(notebook, end?.reason ?? `exit ${status}`, log);
    }
    const problem = stoppedEarly(notebook, end, output, log);
    const parsed = JSON.parse(readFileSync(executed, "utf8")) as Notebook;
    if (options.github) writeFileSync(executed, JSON.stringify(withPngs(parsed), null, 1) + "\n");
    writeFileSync(report, renderReport(parsed, path.basename(notebook)));
    const ok = problem === undefined && (options.allowErrors || end.status === "ok");
    return { notebook, executed, report, ok, seconds, errors, problem };
  };

  return { args, keep, event, finish, interrupting: () => interrupting };
}

/** Problems that leave nothing to report: the notebook never ran. */
function fatal(notebook: string, end: EndEvent | undefined, python: string): LitmlError | undefined {
  switch (end?.status) {
    case "no-jupyter":
      return message.noJupyter(python, end.module ?? "nbclient");
    case "not-a-notebook":
      return message.notANotebook(notebook, end.reason ?? "unreadable");
    case "no-kernel":
      return message.noKernelSpec(python);
    case "kernel-start":
      return message.kernelDidNotStart(notebook, end.reason ?? "no reason given");
    case "interrupted":
      if (end.cell === undefined) return message.runInterrupted(notebook);
  }
  return undefined;
}

/** Problems after which the executed copy holds the cells before the one named. */
function stoppedEarly(notebook: string, end: EndEvent, output: readonly string[], log: string): LitmlError | undefined {
  const cell = end.cell ?? 0;
  const line = end.line ?? "";
  switch (end.status) {
    case "kernel-died":
      return message.kernelDied(notebook, cell, line);
    case "timeout":
      return message.cellTimeout(notebook, cell, line, end.seconds ?? 0);
    case "lost-output":
      return message.outputLost(notebook, cell, line, end.seconds ?? 0);
    case "interrupted":
      return message.runInterrupted(notebook, cell, line);
    case "ok":
    case "cell-error":
      return undefined;
  }
  writeFileSync(log, output.join(""));
  return message.runnerFailed(notebook, end.reason ?? end.status, log);
}

/** GitHub's preview runs no script and drops SVG: give every SVG-bearing output a PNG too. */
function withPngs(notebook: Notebook): Notebook {
  for (const cell of notebook.cells) {
    for (const output of cell.outputs ?? []) {
      const data = output.data;
      // nbformat may store any text output as a list of lines.
      const svg = textOf(data?.["image/svg+xml"]) ?? svgInHtml(data?.["text/html"]);
      if (data && typeof svg === "string" && data["image/png"] === undefined) {
        data["image/png"] = svgToPng(svg).toString("base64");
      }
    }
  }
  return notebook;
}

function svgInHtml(html: unknown): string | undefined {
  const text = textOf(html);
  return text === undefined ? undefined : svgImages(text)[0];
}

function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? joinSource(value) : undefined;
}
