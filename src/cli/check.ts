/**
 * `litml check DATA --target COL [--current DATA2]`: the one-command checkup of a data file
 * for CI. It runs the public API's profile, baseline, leakage and slices (and drift, given a
 * second file), prints one line per verdict, writes an HTML report whose cells are the calls
 * that reproduce each result, and exits 0 when all are ok, 1 on a warning, 2 on a failure.
 */
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { looksLikePath } from "../data/loaders/format.js";
import type { Dataset, Result, VerdictLevel } from "../index.js";
import type { Notebook, NotebookCell } from "../report/notebook.js";
import { JUPYTER_DISPLAY } from "../result.js";
import { renderReport } from "../report/render.js";
import { message } from "../messages.js";
import { stringOption, type Command, type ParsedArguments } from "./command.js";

export const checkCommand: Command = {
  name: "check",
  args: "DATA",
  summary: "check a data file: profile, baselines, leakage, slices and (with --current) drift; an HTML report and an exit code for CI",
  details: [
    "DATA is a .csv, .tsv, .json, .arrow or .parquet file, or a registered data set's name.",
    "Exit status: 0 every verdict ok, 1 a warning, 2 a failure, 3 the check could not run",
    "(a missing file, an unknown column, or a mistake on the command line).",
    "Without --by, slices are taken by the first text column with 2 to 12 values.",
  ],
  options: {
    target: { type: "string", value: "COL", help: "the column to predict (required)", required: true },
    current: { type: "string", value: "DATA2", help: "newer data with the same columns, compared with DATA for drift" },
    by: { type: "string", value: "COL", help: "the column whose slices are compared" },
    out: { type: "string", value: "FILE.html", help: "the report to write (default: DATA's name + -check.html, here)" },
  },
  positionals: { min: 1, max: 1 },
  errorStatus: 3,
  usageStatus: 3,
  run,
};

const STATUS: Record<VerdictLevel, number> = { ok: 0, warn: 1, fail: 2 };

interface Step {
  readonly name: string;
  /** The call as a user would write it in a notebook, shown in the report. */
  readonly call: string;
  readonly result?: Result;
  readonly skipped?: string;
  readonly error?: string;
}

async function run(args: ParsedArguments): Promise<number> {
  const target = stringOption(args, "target");
  if (target === undefined) throw message.badArguments("check", "it needs --target COL, the column to predict");
  // Loaded here, not at the top: `litml --help` should not wait for every analysis to load.
  const litml = await import("../index.js");
  const file = args.positionals[0]!;
  const currentFile = stringOption(args, "current");
  const data = await litml.load(dataPath(file));
  data.column(target); // an unknown target fails now, naming the columns, not once per analysis
  const current = currentFile === undefined ? undefined : await litml.load(dataPath(currentFile));
  const by = stringOption(args, "by") ?? sliceColumn(data, target);
  const q = JSON.stringify;
  const options = `{ target: ${q(target)} }`;

  const steps: Step[] = [];
  const step = async (name: string, call: string, compute: () => Promise<Result>) => {
    process.stderr.write(`litml check: ${name}…\n`);
    try {
      steps.push({ name, call, result: await compute() });
    } catch (error) {
      steps.push({ name, call, error: error instanceof Error ? error.message : String(error) });
    }
  };
  await step("profile", `await litml.profile(${q(file)}, ${options})`, () => litml.profile(data, { target }));
  await step("baseline", `await litml.baseline(${q(file)}, ${options})`, () => litml.baseline(data, { target }));
  await step("leakage", `await litml.leakage(${q(file)}, ${options})`, () => litml.leakage(data, { target }));
  if (by === undefined) steps.push({ name: "slices", call: "", skipped: "no text column with 2 to 12 values to slice by; give --by COL" });
  else await step("slices", `await litml.slices(${q(file)}, { target: ${q(target)}, by: ${q(by)} })`, () => litml.slices(data, { target, by }));
  if (current !== undefined) {
    await step("drift", `await litml.drift(${q(file)}, ${q(currentFile)})`, () => litml.drift(data, current));
  }

  const width = Math.max(...steps.map((s) => s.name.length));
  let status = 0;
  for (const s of steps) {
    const level = s.result?.verdict.level ?? (s.error ? "fail" : "ok");
    status = Math.max(status, STATUS[level]);
    const text = s.result?.verdict.text ?? (s.error ? `could not run: ${s.error}` : `skipped: ${s.skipped}`);
    const word = s.skipped ? "skip" : level === "fail" ? "FAIL" : level;
    console.log(`${word.padEnd(4)} ${s.name.padEnd(width)}  ${text}`);
  }
  const out = stringOption(args, "out") ?? `${path.basename(file).replace(/\.[^.]+$/, "")}-check.html`;
  writeFileSync(out, renderReport(asNotebook(file, target, currentFile, steps), path.basename(out)));
  console.log(`litml check: ${["all verdicts ok", "warnings", "failures"][status]}; report: ${path.resolve(out)}`);
  return status;
}

/** `load`'s own "not found" speaks of a notebook's folder; here there is none. */
function dataPath(file: string): string {
  if (looksLikePath(file) && !existsSync(file)) throw message.notDataFile(file, "no such file");
  return file;
}

/** The first text column (not the target) with 2 to 12 values: few enough slices to judge each. */
function sliceColumn(data: Dataset, target: string): string | undefined {
  for (const name of data.names) {
    const column = data.column(name);
    if (name === target || column.type !== "category") continue;
    const used = new Set<number>();
    for (const code of column.codes) if (code >= 0) used.add(code);
    if (used.size >= 2 && used.size <= 12) return name;
  }
  return undefined;
}

/** The checkup as a notebook, so that the report is the same template as any executed lesson. */
function asNotebook(file: string, target: string, current: string | undefined, steps: readonly Step[]): Notebook {
  const heading = `# litml check: ${file}\n\nTarget: \`${target}\`${current ? `; compared with \`${current}\` for drift` : ""}.`;
  const cells: NotebookCell[] = [{ cell_type: "markdown", source: heading }];
  for (const s of steps) {
    if (s.skipped) {
      cells.push({ cell_type: "markdown", source: `**${s.name}** skipped: ${s.skipped}.` });
      continue;
    }
    const outputs = s.result
      ? [{ output_type: "display_data" as const, data: s.result[JUPYTER_DISPLAY]() }]
      : [{ output_type: "error" as const, ename: "LitmlError", evalue: s.error ?? "", traceback: [] }];
    cells.push({ cell_type: "code", source: s.call, outputs, execution_count: null });
  }
  return { cells, metadata: {}, nbformat: 4 };
}
