/**
 * The backtest's numbers: time-ordered folds from the validation engine, the model refitted
 * on each, and a baseline scored on the same test rows. Lagged baselines (persistence, the
 * value one season earlier) look back within each series, and only where the series has
 * that much history before the period; elsewhere they are n/a, never a made-up value.
 */
import type { Dataset } from "../../data/dataset.js";
import { matrix } from "../../data/matrix.js";
import { pipelineFor } from "../../features/default-pipeline.js";
import { targetOf } from "../../features/target.js";
import { framedMetric } from "../../frame/defaults.js";
import { message } from "../../messages.js";
import { defaultMetric, metric, type MetricSpec, type Predictions } from "../../metrics/registry.js";
import type { Target } from "../../models/contract.js";
import { Progress } from "../../runtime/context.js";
import { addPair, emptyMoments, type Moments, slopeOf } from "../../stats/slope.js";
import { chooseModel } from "../../validate/model.js";
import { assemble, assembleTruth, type FoldRun, runFolds, subsetPredictions, subsetTarget } from "../../validate/out-of-fold.js";
import { timeColumn, timeFolds, type TimeFoldPlan } from "../../validate/plan.js";
import { predict } from "../../validate/predictor.js";
import { labelledRows, targetName } from "../../validate/target.js";
import { type CardGoal, cardGoal, gainOver, shortOf } from "../card-goal.js";
import type { BacktestBaseline, BacktestData, BacktestFold, BacktestOptions, BacktestSeries, SeriesFold } from "./types.js";

const ANALYSIS = "backtest";

export async function computeBacktest(raw: Dataset, options: BacktestOptions): Promise<BacktestData> {
  const notes: string[] = [];
  const targetColumn = targetName(ANALYSIS, raw, options.target);
  const labelled = labelledRows(ANALYSIS, raw, targetColumn);
  if (labelled.note) notes.push(labelled.note);
  const dataset = labelled.dataset;
  const time = timeColumn(ANALYSIS, dataset, options.time, options.card);
  if (time === undefined) throw message.badOption(ANALYSIS, "time", undefined, "the column that orders rows in time (--time COL); a backtest has no meaning without one");
  const window = options.window ?? "expanding";
  const plan = timeFolds(ANALYSIS, dataset, time, { folds: options.folds ?? 5, gap: options.gap, window, horizon: options.horizon, trainSize: options.trainSize, series: options.series });
  notes.push(...plan.notes);
  const target = targetOf(dataset, targetColumn);
  const spec = metric(options.metric ?? framedMetric(options.card, target.kind) ?? defaultMetric(target.kind), target.kind);
  const baselineKind: BacktestBaseline = options.baseline ?? (target.kind === "classification" ? "zero-rule" : "last-value");
  if (baselineKind === "seasonal" && !options.season) throw message.badOption(ANALYSIS, "season", undefined, "the number of time steps per season for the seasonal baseline (--season 7 for days in a week)");
  const lag = baselineKind === "seasonal" ? options.season! : baselineKind === "last-value" ? 1 : 0;

  const features = dataset.names.filter((n) => n !== time && n !== targetColumn);
  const chosen = chooseModel(ANALYSIS, options, dataset, targetColumn, { features });
  const progress = new Progress(`backtesting ${chosen.name}`, plan.folds.length * 2);
  const withProba = spec.needs === "proba";
  const runs = await runFolds(dataset, targetColumn, chosen.predictor, plan, { withProba, progress });
  const seriesCodes = plan.series?.codes ?? new Int32Array(dataset.nRows);
  const prior = lag > 0 ? lagged(plan.order, seriesCodes, lag) : undefined;
  const baselines: BaselineRun[] = [];
  for (const fold of plan.folds) {
    baselines.push(await baselineRun(dataset, targetColumn, target, fold, baselineKind, prior, seriesCodes, withProba));
    await progress.step();
  }
  progress.finish();

  const times = (dataset.column(time) as { values: Float64Array }).values;
  const isDate = dataset.column(time).type === "date";
  const stamp = (t: number) => (isDate ? new Date(t).toISOString().slice(0, 10) : t);
  const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
  const folds: BacktestFold[] = runs.map((run, f) => {
    const test = plan.folds[f].test;
    const compared = compare(spec, run, baselines[f], all(test.length));
    const modelAll = spec.compute(run.truth, run.predictions);
    return {
      fold: f + 1,
      trainRows: plan.folds[f].train.length,
      testRows: test.length,
      from: stamp(times[test[0]]),
      to: stamp(times[test[test.length - 1]]),
      // The model on the rows the baseline was scored on; on every test row when the baseline applies nowhere.
      scoredRows: compared.baseline === null ? test.length : compared.rows,
      model: compared.baseline === null ? modelAll : compared.model!,
      modelAllRows: modelAll,
      baseline: compared.baseline,
      beats: compared.beats,
    };
  });
  const goal = cardGoal(ANALYSIS, options.card, target.kind, spec, notes);
  const moments = emptyMoments();
  folds.forEach((f) => addPair(moments, f.fold, f.model));
  const s = folds.length >= 3 ? slopeOf(moments) : undefined;
  const trend = s ? { slope: s.slope, low: s.low, high: s.high, pValue: s.pValue } : { slope: NaN, low: NaN, high: NaN, pValue: NaN };
  const worse = spec.greaterIsBetter ? trend.slope < 0 : trend.slope > 0;
  const significantTrend = worse && trend.pValue < 0.05;
  const drop = significantTrend ? dropOf(spec, trend, moments, folds) : undefined;
  const compared = folds.filter((f) => f.beats !== null);
  const partial = folds.filter((f) => f.baseline !== null && f.scoredRows < f.testRows);
  if (partial.length > 0) {
    const rows = partial.map((f) => `${f.scoredRows} of ${f.testRows} rows in period ${f.fold}`).join(", ");
    notes.push(`Some series had less than ${lag === 1 ? "one earlier step" : `a season (${lag} steps)`} of history before a period, where the ${baselineKind} baseline is n/a: the model and the baseline were both scored on the other series' rows only (${rows}); the table's "rows scored" says how many rows each period's scores cover.`);
  }
  return {
    target: targetColumn,
    time,
    model: chosen.name,
    metric: spec.name,
    greaterIsBetter: spec.greaterIsBetter,
    baseline: baselineKind,
    ...(baselineKind === "seasonal" ? { season: lag } : {}),
    window,
    folds,
    trend,
    significantTrend,
    ...(drop ? { drop } : {}),
    degrading: significantTrend && (material(folds[folds.length - 1], goal) || drop?.material === true),
    ...(goal ? { goal } : {}),
    beatsBaselineIn: compared.filter((f) => f.beats).length,
    comparedIn: compared.length,
    ...(plan.series ? { seriesColumn: plan.series.column, series: perSeries(spec, plan, runs, baselines) } : {}),
    notes,
  };
}

/** For each row, the row `lag` steps earlier in its own series (−1 when the series is not that long yet). */
function lagged(order: Int32Array, series: Int32Array, lag: number): Int32Array {
  const seen = new Map<number, number[]>();
  const prior = new Int32Array(order.length).fill(-1);
  for (const row of order) {
    const rows = seen.get(series[row]) ?? [];
    if (rows.length >= lag) prior[row] = rows[rows.length - lag];
    rows.push(row);
    seen.set(series[row], rows);
  }
  return prior;
}

interface BaselineRun {
  readonly truth: Target;
  readonly predictions: Predictions;
  /** Per test row: 1 where the baseline applies (its series has the history the lag needs before the period). */
  readonly applies: Uint8Array;
}

async function baselineRun(dataset: Dataset, targetColumn: string, target: Target, fold: TimeFoldPlan["folds"][number], kind: BacktestBaseline, prior: Int32Array | undefined, series: Int32Array, withProba: boolean): Promise<BaselineRun> {
  const train = dataset.take(fold.train);
  const test = dataset.take(fold.test);
  const fitted = await pipelineFor("zero-rule").fit(train, targetColumn);
  const truth = fitted.targetOf(test);
  if (kind === "zero-rule" || prior === undefined) return { truth, predictions: predict(fitted, test, withProba), applies: new Uint8Array(fold.test.length).fill(1) };
  // A series applies in this period when its first test row already has its lagged value;
  // later rows of the series then have theirs too (the test rows are in time order).
  const decided = new Map<number, boolean>();
  const applies = Uint8Array.from(fold.test, (row) => {
    if (!decided.has(series[row])) decided.set(series[row], prior[row] >= 0);
    return decided.get(series[row]) ? 1 : 0;
  });
  // One-step-ahead: the value `lag` steps earlier is known when the prediction is made.
  const source = (row: number) => (prior[row] >= 0 ? prior[row] : row);
  if (target.kind === "regression") return { truth, predictions: { values: Float64Array.from(fold.test, (r) => target.values[source(r)]) }, applies };
  const classes = fitted.classes!;
  const labels = Int32Array.from(fold.test, (r) => Math.max(0, classes.indexOf(target.classes[target.codes[source(r)]])));
  const proba = matrix(labels.length, classes.length, classes);
  labels.forEach((c, i) => (proba.data[c * labels.length + i] = 1));
  return { truth, predictions: { labels, proba }, applies };
}

/** The baseline and the model on the same rows: the positions (into the fold's test rows) where the baseline applies. */
function compare(spec: MetricSpec, run: FoldRun, baseline: BaselineRun, positions: Int32Array): { model: number | null; baseline: number | null; rows: number; beats: boolean | null } {
  const kept = positions.filter((i) => baseline.applies[i] === 1);
  if (kept.length === 0) return { model: null, baseline: null, rows: 0, beats: null };
  const base = spec.compute(subsetTarget(baseline.truth, kept), subsetPredictions(baseline.predictions, kept));
  const model = spec.compute(subsetTarget(run.truth, kept), subsetPredictions(run.predictions, kept));
  return { model, baseline: base, rows: kept.length, beats: better(spec, model, base) };
}

/**
 * A significant drop is material when it eats half the model's lead over the baseline (the
 * mean gain over the periods where both were scored); without a baseline, when the error
 * (the distance from a perfect score) grows by half along the fitted trend.
 */
const MATERIAL_SHARE = 0.5;

function dropOf(spec: MetricSpec, trend: { slope: number }, moments: Moments, folds: readonly BacktestFold[]): BacktestData["drop"] {
  if (!Number.isFinite(trend.slope)) return undefined;
  const k = folds.length;
  const fitted = (x: number) => moments.meanY + trend.slope * (x - moments.meanX);
  const size = Math.abs(trend.slope) * (k - 1);
  const compared = folds.filter((f) => f.baseline !== null);
  if (compared.length > 0) {
    const lead = compared.reduce((sum, f) => sum + gainOver(spec.greaterIsBetter, f.model, f.baseline!), 0) / compared.length;
    return { size, lead, material: size >= MATERIAL_SHARE * Math.max(lead, 0) };
  }
  const from = Math.abs(spec.perfect - fitted(1));
  const to = Math.abs(spec.perfect - fitted(k));
  return { size, material: to >= (1 + MATERIAL_SHARE) * from };
}

/**
 * A trend on a handful of periods is only a warning unless the drop matters: the last period
 * loses to the baseline, or misses the card's success value.
 */
function material(last: BacktestFold, goal: CardGoal | undefined): boolean {
  return last.beats === false || (goal !== undefined && shortOf(goal, last.model) > 0);
}

function better(spec: MetricSpec, model: number, baseline: number): boolean {
  return spec.greaterIsBetter ? model > baseline : model < baseline;
}

function perSeries(spec: MetricSpec, plan: TimeFoldPlan, runs: readonly FoldRun[], baselines: readonly BaselineRun[]): BacktestSeries[] {
  const { codes, labels } = plan.series!;
  const present = [...new Set(codes)].sort((a, b) => a - b);
  return present.map((code) => {
    const folds: SeriesFold[] = [];
    const pooledModel: { truth: Target; predictions: Predictions }[] = [];
    const pooledBase: { truth: Target; predictions: Predictions }[] = [];
    runs.forEach((run, f) => {
      const test = plan.folds[f].test;
      const positions = Int32Array.from({ length: test.length }, (_, i) => i).filter((i) => codes[test[i]] === code);
      if (positions.length === 0) return;
      const { baseline, beats } = compare(spec, run, baselines[f], positions);
      folds.push({ fold: f + 1, rows: positions.length, model: spec.compute(subsetTarget(run.truth, positions), subsetPredictions(run.predictions, positions)), baseline, beats });
      const kept = positions.filter((i) => baselines[f].applies[i] === 1);
      if (kept.length > 0) {
        pooledModel.push({ truth: subsetTarget(run.truth, kept), predictions: subsetPredictions(run.predictions, kept) });
        pooledBase.push({ truth: subsetTarget(baselines[f].truth, kept), predictions: subsetPredictions(baselines[f].predictions, kept) });
      }
    });
    const model = pooledModel.length ? spec.compute(...joined(pooledModel)) : null;
    const baseline = pooledBase.length ? spec.compute(...joined(pooledBase)) : null;
    const compared = folds.filter((f) => f.beats !== null);
    return { series: labels[code], folds, model, baseline, beatsBaselineIn: compared.filter((f) => f.beats).length, comparedIn: compared.length };
  });
}

/** Folds' truths and predictions end to end, so a series is scored once over all its compared rows. */
function joined(parts: readonly { truth: Target; predictions: Predictions }[]): [Target, Predictions] {
  const n = parts.reduce((s, p) => s + (p.truth.kind === "classification" ? p.truth.codes.length : p.truth.values.length), 0);
  const runs: FoldRun[] = [];
  let offset = 0;
  for (const [fold, p] of parts.entries()) {
    const size = p.truth.kind === "classification" ? p.truth.codes.length : p.truth.values.length;
    runs.push({ fold, test: Int32Array.from({ length: size }, (_, i) => offset + i), truth: p.truth, predictions: p.predictions, fitSeconds: 0, predictSeconds: 0 });
    offset += size;
  }
  return [assembleTruth(runs, n), assemble(runs, n)];
}
