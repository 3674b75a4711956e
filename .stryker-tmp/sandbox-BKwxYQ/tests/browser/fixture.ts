/**
 * The notebook the browser tests open: six analyses with charts, a framing card, a result
 * whose column names are hostile (`<img src=x onerror=alert(1)>`, `a.b[0]`), executed by
 * the real litml kernel exactly as `npm start` executes lessons. Two outputs are then
 * rewritten as a newer litml and a broken one would write them, to check the fallbacks.
 */
// @ts-nocheck

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runNotebook } from "../../src/report/run.js";
import { RESULT_MIME } from "../../src/result.js";
import type { Notebook } from "../../src/report/notebook.js";

export const HOSTILE_NAME = "<img src=x onerror=alert(1)>";
export const PATH_LIKE_NAME = "a.b[0]";

/** The six charted analyses, in the order of the lessons; each is one cell. */
export const SIX_CHARTS = [
  "%profile penguins",
  "%baseline penguins --target Species --folds 3",
  "%learning_curve penguins --target Species --sizes 40,120,240 --folds 3",
  "%slices penguins --target Species --by Island --folds 3",
  "%simpson kidney-stones --outcome outcome --treatment treatment --by stone_size --count count",
  "%backtest seattle-weather --target weather --time date --folds 3",
];

const FRAMING = `%%frame
problem: tell the penguin species apart from beak and flipper measurements
metric: accuracy
success: 0.9
slices: Island`;

const HOSTILE = `const hostile = Array.from({ length: 30 }, (_, i) => ({
  ${JSON.stringify(HOSTILE_NAME)}: i % 3 === 0 ? null : i,
  ${JSON.stringify(PATH_LIKE_NAME)}: i % 2 ? "x" : "<b>y</b>",
}));
await litml.profile(hostile, { target: ${JSON.stringify(PATH_LIKE_NAME)} })`;

/** A chart with a slider (a bound parameter), drawn live in the lab and in reports. */
const SLIDER = `const sexed = (await litml.load("penguins")).where("Sex", (sex) => sex !== null);
%thresholds sexed --target Sex`;

/** Cell indexes, for the tests. */
export const SLIDER_CELL = 2 + SIX_CHARTS.length;
export const HOSTILE_CELL = SLIDER_CELL + 1;
export const NEWER_VERSION_CELL = HOSTILE_CELL + 1;
export const MALFORMED_CELL = HOSTILE_CELL + 2;

function cell(cellType: "markdown" | "code", source: string): Notebook["cells"][number] & { metadata: object } {
  return cellType === "code"
    ? { cell_type: "code", source, metadata: {}, outputs: [], execution_count: null }
    : { cell_type: "markdown", source, metadata: {} };
}

/** A litml notebook of one heading and one code cell per source. */
export function notebookOf(title: string, sources: readonly string[]): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 4,
    metadata: {
      kernelspec: { name: "litml", display_name: "litml (TypeScript)", language: "typescript" },
      language_info: { name: "typescript" },
    },
    cells: [cell("markdown", title), ...sources.map((source) => cell("code", source))],
  } as Notebook;
}

export function fixtureNotebook(): Notebook {
  return notebookOf("# Browser fixture\n\nEvery litml result kind that draws a chart, plus the awkward cases.", [
    FRAMING,
    ...SIX_CHARTS,
    SLIDER,
    HOSTILE,
    '"placeholder: rewritten as a newer litml result"',
    '"placeholder: rewritten as a malformed litml result"',
  ]);
}

/** Executes `notebook` with the litml kernel as `npm start` does; the executed copy and its report land in `dir`. */
export function executeNotebook(dir: string, name: string, notebook: Notebook): { executed: string; report: string } {
  mkdirSync(path.join(dir, "source"), { recursive: true });
  const source = path.join(dir, "source", `${name}.ipynb`);
  writeFileSync(source, JSON.stringify(notebook, null, 1));
  const run = runNotebook(source, { outDir: dir, python: path.resolve(".venv", "bin", "python"), timeoutSeconds: 300, github: false });
  if (!run.ok) throw new Error(`${name} failed to execute; see ${run.executed}`);
  return run;
}

/** Executes the fixture into `dir` (executed copy and report), then plants the two rewritten outputs. */
export function executeFixture(dir: string): { executed: string; report: string } {
  const run = executeNotebook(dir, "fixture", fixtureNotebook());
  const notebook = JSON.parse(readFileSync(run.executed, "utf8")) as Notebook;
  const profileOutput = notebook.cells[2].outputs!.find((output) => output.data?.[RESULT_MIME]);
  if (!profileOutput?.data) throw new Error("the fixture's profile cell has no litml result");
  const newer = structuredClone(profileOutput);
  (newer.data![RESULT_MIME] as { version: number }).version = 99;
  const malformed = structuredClone(profileOutput);
  malformed.data![RESULT_MIME] = { kind: "profile", version: 1, verdict: "looks fine" };
  notebook.cells[NEWER_VERSION_CELL].outputs = [newer];
  notebook.cells[MALFORMED_CELL].outputs = [malformed];
  writeFileSync(run.executed, JSON.stringify(notebook, null, 1));
  return { executed: run.executed, report: run.report };
}

/** Each cell's litml result (kind and verdict level) as the executed notebook holds it. */
export function resultsByCell(executedPath: string): Map<number, { kind: string; level: string }> {
  const notebook = JSON.parse(readFileSync(executedPath, "utf8")) as Notebook;
  const found = new Map<number, { kind: string; level: string }>();
  notebook.cells.forEach((cell, index) => {
    for (const output of cell.outputs ?? []) {
      const result = output.data?.[RESULT_MIME] as { kind?: string; verdict?: { level?: string } } | undefined;
      if (result?.kind && typeof result.verdict?.level === "string") found.set(index, { kind: result.kind, level: result.verdict.level });
    }
  });
  return found;
}
