/**
 * backtest(DATA, { target, time }): how would the model have done had it been used in
 * the past? Time-ordered folds from the validation engine (an expanding or sliding
 * training window, an optional gap, a test block after it), the model refitted on each and
 * scored on the block that follows, beside a baseline scored on the same rows: the zero
 * rule, the last value (persistence) or the value one season earlier, per series when the
 * table holds several. The verdict looks at stability, the trend and the baseline.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { createResult, type Result } from "../../result.js";
import { backtestChart } from "./chart.js";
import { computeBacktest } from "./compute.js";
import { BACKTEST_OPTIONS } from "./options.js";
import type { BacktestData, BacktestOptions } from "./types.js";
import { backtestVerdict } from "./verdict.js";

export type { BacktestBaseline, BacktestData, BacktestFold, BacktestOptions, BacktestSeries, SeriesFold } from "./types.js";

export async function backtest(data: DataInput, options: BacktestOptions = {}): Promise<Result<BacktestData>> {
  const raw = await resolveData(data);
  BACKTEST_OPTIONS.check(options, raw);
  const d = await computeBacktest(raw, options);
  const series = d.series !== undefined;
  // Each period's model and baseline are scored on the same rows; "rows scored" says how many.
  const rows = series
    ? d.folds.flatMap((f) => [
        [f.fold, "(all)", f.from, f.to, f.trainRows, f.testRows, f.scoredRows, f.model, f.baseline],
        ...d.series!.flatMap((s) => s.folds.filter((x) => x.fold === f.fold).map((x) => [f.fold, s.series, f.from, f.to, f.trainRows, x.rows, x.rows, x.model, x.baseline])),
      ])
    : d.folds.map((f) => [f.fold, f.from, f.to, f.trainRows, f.testRows, f.scoredRows, f.model, f.baseline]);
  return createResult({
    kind: "backtest",
    version: 3,
    title: `Backtest of ${d.model} for ${d.target} over ${d.time}${series ? ` per ${d.seriesColumn}` : ""} (${d.window} window, ${d.folds.length} folds)`,
    verdict: backtestVerdict(d),
    notes: d.notes,
    table: {
      columns: ["period", ...(series ? [d.seriesColumn!] : []), "test from", "test to", "training rows", "test rows", "rows scored", `${d.model} ${d.metric}`, `${d.baseline} ${d.metric}`],
      rows,
    },
    chart: backtestChart(d),
    data: d,
    datasets: [raw.provenance()],
  });
}
