/**
 * runs(options): the tracked runs in the store (`%runs`): a table of them, a chart of one
 * metric across them, and with `compare: [a, b]` the params, metrics and data of two runs
 * side by side. It reads the store and writes nothing.
 */
import { createResult, type Result } from "../../result.js";
import { runsChart } from "./chart.js";
import { computeRuns } from "./compute.js";
import { RUNS_OPTIONS } from "./options.js";
import type { RunsData, RunsOptions } from "./types.js";
import { runsVerdict } from "./verdict.js";

export type { RunsData, RunsOptions, RunRow, RunComparison, Difference } from "./types.js";

const rounded = (x: number | undefined) => (x === undefined ? null : Number(x.toPrecision(4)));
const secs = (x: number | undefined) => (x === undefined ? null : Number(x.toPrecision(3)));

export async function runs(options: RunsOptions = {}): Promise<Result<RunsData>> {
  RUNS_OPTIONS.check(options);
  const data = computeRuns(options);
  const { verdict, notes } = runsVerdict(data);
  const c = data.comparison;
  return createResult({
    kind: "runs",
    version: 1,
    title: c ? `Runs #${c.a} and #${c.b} compared` : "Tracked runs",
    verdict,
    notes,
    table: c
      ? {
          columns: ["", `run #${c.a}`, `run #${c.b}`, "same"],
          rows: [
            ...c.params.map((p) => [p.key, p.a, p.b, p.same ? "yes" : "no"]),
            [c.datasets.key, c.datasets.a, c.datasets.b, c.datasets.same ? "yes" : "no"],
            ...c.metrics.map((m) => [`metric: ${m.name}`, rounded(m.a), rounded(m.b), m.a === m.b ? "yes" : "no"]),
          ],
        }
      : {
          columns: ["run", "when", "kind", "name", "notebook:cell", data.metric ?? "metric", "seed", "seconds"],
          rows: [...data.runs].reverse().map((r) => [
            r.id,
            r.at.replace("T", " ").slice(0, 19),
            r.kind,
            r.name,
            r.notebook === undefined ? null : `${r.notebook}${r.cell === undefined ? "" : `:${r.cell}`}`,
            rounded(r.value),
            r.seed ?? null,
            secs(r.seconds),
          ]),
        },
    chart: runsChart(data),
    data,
  });
}
