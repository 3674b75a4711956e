/**
 * `litml run`: execute copies of notebooks and write their reports, with progress per
 * notebook and per cell on stderr (the list of reports goes to stdout).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { message } from "../messages.js";
import type { Notebook } from "../report/notebook.js";
import { findNotebooks, runNotebookAsync, type CellProgress, type NotebookRun } from "../report/run.js";
import { failedChecks } from "../workshop/index.js";
import { flag, stringOption, type Command, type ParsedArguments } from "./command.js";
import { checkPython, choosePython, pythonOption } from "./python.js";
import { readNotebook } from "./report.js";

export const runCommand: Command = {
  name: "run",
  args: "[NOTEBOOK|FOLDER ...]",
  summary: "execute copies of notebooks with the litml kernel and write an HTML report for each",
  details: [
    "The notebooks themselves are only read; the executed copies and reports go to --out.",
    "Without arguments it runs the notebooks in ./notebooks. A cell that raises stops its",
    "notebook and makes the exit status 1, unless --allow-errors is given; so does an",
    "exercise check that fails (a lesson whose own solutions fail its checks is broken).",
  ],
  options: {
    out: { type: "string", value: "DIR", help: "where executed copies and reports go (default: reports)" },
    python: pythonOption,
    timeout: { type: "string", value: "SECONDS", help: "the longest one cell may run (default: 600)" },
    "allow-errors": {
      type: "boolean",
      help: "run every cell even after one raises; report the errors and failed checks and exit 0 unless the run itself broke",
    },
    github: { type: "boolean", help: "also store a PNG beside every chart, for GitHub's notebook preview" },
  },
  positionals: { min: 0, max: Infinity },
  run,
};

async function run(args: ParsedArguments): Promise<number> {
  const timeout = stringOption(args, "timeout") ?? "600";
  const timeoutSeconds = Number(timeout);
  if (!/^\s*\d+(\.\d*)?\s*$/.test(timeout) || !(timeoutSeconds > 0)) {
    throw message.badOption("litml run", "--timeout", timeout, "a number of seconds greater than 0");
  }
  const python = choosePython(stringOption(args, "python"));
  const notebooks = findNotebooks(args.positionals.length ? args.positionals : ["notebooks"]);
  // A file that is not a notebook fails here, before any other notebook has spent minutes running.
  for (const notebook of notebooks) readNotebook(notebook);
  checkPython(python);
  const allowErrors = flag(args, "allow-errors");
  const runs: (NotebookRun & { failedChecks: number })[] = [];
  for (const [i, notebook] of notebooks.entries()) {
    const prefix = `litml: [${i + 1}/${notebooks.length}] ${notebook}`;
    const progress = progressLine(prefix);
    const run = await runNotebookAsync(notebook, {
      outDir: stringOption(args, "out") ?? "reports",
      python,
      timeoutSeconds,
      github: flag(args, "github"),
      allowErrors,
      onCell: progress.cell,
    });
    const failed = run.problem ? [] : failedChecks(JSON.parse(readFileSync(run.executed, "utf8")) as Notebook);
    const judged = { ...run, ok: run.ok && (allowErrors || failed.length === 0), failedChecks: failed.length };
    progress.done(judged, failed);
    runs.push(judged);
    if (run.problem?.code === "interrupted") break;
  }
  const failed = runs.filter((r) => !r.ok);
  const raised = runs.filter((r) => r.errors.length > 0);
  const checked = runs.filter((r) => r.failedChecks > 0);
  const names = (list: readonly NotebookRun[]) => list.map((r) => path.basename(r.notebook)).join(", ");
  let summary = `${runs.length - failed.length} of ${runs.length} notebooks executed without error`;
  if (failed.length > 0) summary = `${failed.length} of ${runs.length} notebooks failed (${names(failed)})`;
  else if (raised.length > 0 || checked.length > 0) {
    const troubles = [raised.length ? `cells raised errors in ${names(raised)}` : "", checked.length ? `checks failed in ${names(checked)}` : ""];
    summary = `${runs.length} of ${runs.length} notebooks ran every cell; ${troubles.filter(Boolean).join("; ")}`;
  }
  console.error(`litml: ${summary}; reports:`);
  for (const run of runs) console.log(path.resolve(run.report));
  if (runs.at(-1)?.problem?.code === "interrupted") return 130;
  return failed.length === 0 ? 0 : 1;
}

/** Progress for one notebook: rewritten in place on a terminal, one line per cell in a log. */
function progressLine(prefix: string) {
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  if (!tty) process.stderr.write(`${prefix}\n`);
  const show = (text: string, final = false) => {
    if (tty) process.stderr.write(`\r\x1b[K${prefix}: ${text}${final ? "\n" : ""}`);
    else process.stderr.write(`  ${text}\n`);
  };
  return {
    cell(p: CellProgress) {
      if (p.cell === 0) {
        if (tty) show(`${p.of} code cells`);
        return;
      }
      const error = p.error ? `, ${p.error.ename}: ${firstLineOf(p.error.evalue)}` : "";
      show(`cell ${p.cell} of ${p.of} (${(p.seconds ?? 0).toFixed(1)} s${error})`);
    },
    done(run: NotebookRun, failedChecks: readonly { exercise: string; line: string }[]) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const troubles: string[] = [];
      if (run.errors.length) troubles.push(`errors in cell${run.errors.length > 1 ? "s" : ""} ${run.errors.map((e) => e.cell).join(", ")}`);
      if (failedChecks.length) {
        const exercises = [...new Set(failedChecks.map((f) => f.exercise))].join(", ");
        troubles.push(`${failedChecks.length} check${failedChecks.length > 1 ? "s" : ""} failed (${exercises})`);
      }
      if (run.problem) show(`STOPPED after ${seconds} s`, true);
      else if (troubles.length) show(`${run.ok ? "done" : "FAILED"} in ${seconds} s, ${troubles.join("; ")}`, true);
      else show(`ok in ${seconds} s`, true);
      for (const f of failedChecks) console.error(`  ${f.line}`);
      if (run.problem) console.error(`litml: ${run.problem.message}`);
    },
  };
}

function firstLineOf(text: string): string {
  const line = text.split("\n")[0] ?? "";
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}
