/**
 * tune(data, options): search a model's params on the validation engine's folds (grid,
 * random, or successive halving as scikit-learn's HalvingRandomSearchCV), optionally with
 * nested cross-validation, and say whether tuning earned its complexity against the
 * defaults: the gain with a paired interval over the same folds. Every candidate's record
 * (params, fold scores, mean, sd, rank, rows) is in `data.candidates`, for tracking.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { createResult, type Result } from "../../result.js";
import { tuneChart } from "./chart.js";
import { computeTune } from "./compute.js";
import { TUNE_OPTIONS } from "./options.js";
import type { TuneData, TuneOptions } from "./types.js";
import { tuneVerdict } from "./verdict.js";

export type { CandidateRecord, FoldedScore, Gain, HalvingSchedule, NestedEstimate, ParamRange, ParamValue, SearchKind, SearchSpace, TuneData, TuneOptions } from "./types.js";

/** The table shows the best candidates first, at most this many. */
const TABLE_ROWS = 20;

export async function tune(data: DataInput, options: TuneOptions = {}): Promise<Result<TuneData>> {
  const dataset = await resolveData(data);
  TUNE_OPTIONS.check(options, dataset);
  const result = await computeTune(dataset, options);
  const { verdict, notes } = tuneVerdict(result);
  // Halving: the last iteration's candidates first (scored on the most rows), then by score within each iteration.
  const ranked = [...result.candidates].sort((a, b) => b.iteration - a.iteration || a.rank - b.rank).slice(0, TABLE_ROWS);
  return createResult({
    kind: "hyperparameter-search",
    version: 1,
    title: `Hyperparameter search: ${result.model} for ${result.target} (${result.search}${result.nested ? ", nested" : ""})`,
    verdict,
    notes,
    table: {
      columns: ["rank", ...result.searched, result.metric, "sd over folds", ...(result.halving ? ["iteration", "rows"] : [])],
      rows: ranked.map((c) => [c.rank, ...result.searched.map((p) => formatValue(c.params[p])), c.mean, c.sd, ...(result.halving ? [c.iteration, c.resource] : [])]),
    },
    chart: tuneChart(result),
    data: result,
    datasets: [dataset.provenance("DATA")],
    seed: result.seed,
  });
}

function formatValue(v: unknown): string | number {
  return typeof v === "number" ? v : typeof v === "boolean" ? String(v) : (v as string);
}
