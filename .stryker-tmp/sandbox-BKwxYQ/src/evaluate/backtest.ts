/**
 * backtest(DATA, { target, time }): how would the model have done had it been used in
 * the past? Time-ordered folds (an expanding or sliding training window, an optional
 * gap, a test block after it), the model refitted on each, scored on the block that
 * follows, beside a baseline refitted the same way: the zero rule, the last value
 * (persistence: each row predicted by the previous row's target) or the value one
 * season earlier. The verdict looks at stability and at the trend across folds.
 */
// @ts-nocheck

import { backtestChart } from "../charts/backtest.js";
import { type DataInput, resolveData } from "../data/convert.js";
import type { Dataset } from "../data/dataset.js";
import type { Fold } from "../data/splits/fold.js";
import { timeSplit } from "../data/splits/time-split.js";
import { formatCell, formatPValue } from "../display/format.js";
import { pipelineFor } from "../features/default-pipeline.js";
import type { FramingCard } from "../frame/card.js";
import { targetOf } from "../features/target.js";
import { framedMetric, framedTime } from "../frame/defaults.js";
import { message } from "../messages.js";
import type { Target } from "../models/contract.js";
import { checkOptions, columnOf, numberOption } from "../options.js";
import { createResult, type Result, type Verdict } from "../result.js";
import { Progress } from "../runtime/context.js";
import { addPair, emptyMoments, slopeOf } from "../stats/slope.js";
import { chooseModel, type ModelInput } from "../validate/model.js";
import { runFolds } from "../validate/out-of-fold.js";
import { asPredictor, predict } from "../validate/predictor.js";
import { defaultMetric, metric, type MetricSpec, type Predictions } from "../metrics/registry.js";
import { matrix } from "../data/matrix.js";

export type BacktestBaseline = "zero-rule" | "last-value" | "seasonal";

export interface BacktestOptions {
  readonly target?: string;
  readonly time?: string;
  readonly window?: "expanding" | "sliding";
  readonly folds?: number;
  /** Rows left out between training and test. */
  readonly gap?: number;
  /** Rows per test block (default: rows / (folds + 1)). */
  readonly horizon?: number;
  /** Rows of training data for a sliding window (default: twice the horizon). */
  readonly trainSize?: number;
  /** A registry name (with `params`) or your own Pipeline, refitted per period. */
  readonly model?: ModelInput;
  readonly params?: object;
  readonly metric?: string;
  readonly baseline?: BacktestBaseline;
  /** Rows per season, for the seasonal baseline (e.g. 7 for daily data with a weekly cycle). */
  readonly season?: number;
  readonly card?: FramingCard;
}

export interface BacktestFold {
  readonly fold: number;
  readonly trainRows: number;
  readonly testRows: number;
  readonly from: number | string;
  readonly to: number | string;
  readonly model: number;
  readonly baseline: number;
}

export interface BacktestData {
  readonly target: string;
  readonly time: string;
  readonly model: string;
  readonly metric: string;
  readonly greaterIsBetter: boolean;
  readonly baseline: BacktestBaseline;
  readonly window: "expanding" | "sliding";
  readonly folds: readonly BacktestFold[];
  readonly trend: { readonly slope: number; readonly low: number; readonly high: number; readonly pValue: number };
  readonly degrading: boolean;
  readonly beatsBaselineIn: number;
  readonly notes: readonly string[];
}

const ANALYSIS = "backtest";

export async function backtest(data: DataInput, options: BacktestOptions = {}): Promise<Result<BacktestData>> {
  const raw = await resolveData(data);
  const count = numberOption(ANALYSIS, 0, true);
  checkOptions(ANALYSIS, options, {
    target: columnOf(ANALYSIS, raw),
    time: columnOf(ANALYSIS, raw),
    window: (v, o) => {
      if (v !== "expanding" && v !== "sliding") throw message.badOption(ANALYSIS, o, v, '"expanding" or "sliding"');
    },
    folds: count,
    gap: count,
    horizon: count,
    trainSize: count,
    model: () => {},
    params: () => {},
    card: () => {},
    metric: () => {},
    baseline: (v, o) => {
      if (!["zero-rule", "last-value", "seasonal"].includes(v as string)) throw message.badOption(ANALYSIS, o, v, '"zero-rule", "last-value" or "seasonal"');
    },
    season: count,
  });
  const targetName = options.target ?? raw.roles.target;
  if (targetName === undefined) throw message.badOption(ANALYSIS, "target", undefined, "the column to predict (--target COL)");
  const timeName = options.time ?? raw.roles.time ?? framedTime(options.card);
  if (timeName === undefined) throw message.badOption(ANALYSIS, "time", undefined, "the column that orders rows in time (--time COL); a backtest has no meaning without one");
  const notes: string[] = [];
  const dataset = inTimeOrder(raw, timeName, notes);
  const times = (dataset.column(timeName) as { values: Float64Array }).values;
  const target = targetOf(dataset, targetName);
  const spec = metric(options.metric ?? framedMetric(options.card, target.kind) ?? defaultMetric(target.kind), target.kind);
  const baselineKind: BacktestBaseline = options.baseline ?? (target.kind === "classification" ? "zero-rule" : "last-value");
  if (baselineKind === "seasonal" && !options.season) throw message.badOption(ANALYSIS, "season", undefined, "the number of rows per season for the seasonal baseline");
  const window = options.window ?? "expanding";
  const k = options.folds ?? 5;
  const folds = separateTies(
    timeSplit(dataset.nRows, { folds: k, gap: options.gap ?? 0, window, ...(options.horizon ? { testSize: options.horizon } : {}), ...(options.trainSize ? { maxTrainSize: options.trainSize } : {}) }),
    times,
    notes,
  );
  const features = dataset.names.filter((n) => n !== timeName && n !== targetName);
  const chosen = chooseModel(ANALYSIS, options, dataset, targetName, { features });
  const modelName = chosen.name;
  const progress = new Progress(`backtesting ${modelName}`, folds.length * 2);
  const modelRuns = await runFolds(dataset, targetName, chosen.predictor, folds, { withProba: spec.needs === "proba", progress });
  const baselineScores = await baselineFolds(dataset, targetName, target, folds, spec, baselineKind, options.season ?? 1, progress);
  progress.finish();
  const isDate = dataset.column(timeName).type === "date";
  const stamp = (t: number) => (isDate ? new Date(t).toISOString().slice(0, 10) : t);
  const foldRows: BacktestFold[] = modelRuns.map((run, f) => ({
    fold: f,
    trainRows: folds[f].train.length,
    testRows: folds[f].test.length,
    from: stamp(times[folds[f].test[0]]),
    to: stamp(times[folds[f].test[folds[f].test.length - 1]]),
    model: spec.compute(run.truth, run.predictions),
    baseline: baselineScores[f],
  }));
  const moments = emptyMoments();
  foldRows.forEach((f) => addPair(moments, f.fold, f.model));
  const s = foldRows.length >= 3 ? slopeOf(moments) : undefined;
  const trend = s ? { slope: s.slope, low: s.low, high: s.high, pValue: s.pValue } : { slope: NaN, low: NaN, high: NaN, pValue: NaN };
  const bad = spec.greaterIsBetter ? trend.slope < 0 : trend.slope > 0;
  const degrading = bad && trend.pValue < 0.05;
  const beatsBaselineIn = foldRows.filter((f) => (spec.greaterIsBetter ? f.model > f.baseline : f.model < f.baseline)).length;
  const backtestData: BacktestData = { target: targetName, time: timeName, model: modelName, metric: spec.name, greaterIsBetter: spec.greaterIsBetter, baseline: baselineKind, window, folds: foldRows, trend, degrading, beatsBaselineIn, notes };
  return createResult({
    kind: "backtest",
    version: 1,
    title: `Backtest of ${modelName} for ${targetName} over ${timeName} (${window} window, ${folds.length} folds)`,
    verdict: verdictOf(backtestData),
    notes,
    table: { columns: ["fold", "test from", "test to", "training rows", "test rows", `${modelName} ${spec.name}`, `${baselineKind} ${spec.name}`], rows: foldRows.map((f) => [f.fold, f.from, f.to, f.trainRows, f.testRows, f.model, f.baseline]) },
    chart: backtestChart(backtestData),
    data: backtestData,
    datasets: [{ name: raw.meta.name ?? "data", hash: raw.contentHash(), rows: raw.nRows }],
  });
}

/** Rows sorted by time (stable), with notes for unsorted rows; missing times are refused. */
function inTimeOrder(dataset: Dataset, time: string, notes: string[]): Dataset {
  const column = dataset.column(time);
  if (column.type === "category") throw message.badOption(ANALYSIS, "time", time, "a date or numeric column (this one holds categories)");
  const values = column.values;
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) throw message.badOption(ANALYSIS, "time", `${time} in row ${i}`, "a time for every row (drop or fill rows without one)");
  let sorted = true;
  for (let i = 1; i < values.length && sorted; i++) if (values[i] < values[i - 1]) sorted = false;
  if (sorted) return dataset;
  notes.push(`The rows were not in time order; they were sorted by "${time}" before splitting.`);
  return dataset.take(Int32Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b));
}

/** Rows that share a timestamp with a fold's first test row must not train that fold. */
function separateTies(folds: Fold[], times: Float64Array, notes: string[]): Fold[] {
  let moved = 0;
  const out = folds.map(({ train, test }) => {
    const first = times[test[0]];
    const kept = train.filter((r) => times[r] < first);
    moved += train.length - kept.length;
    return { train: kept, test };
  });
  if (moved > 0) notes.push(`${moved} training rows shared a timestamp with the first test row of their fold and were left out of that fold's training, so nothing from the test period trains.`);
  return out;
}

async function baselineFolds(dataset: Dataset, targetName: string, target: Target, folds: readonly Fold[], spec: MetricSpec, kind: BacktestBaseline, season: number, progress: Progress): Promise<number[]> {
  const scores: number[] = [];
  for (const fold of folds) {
    const train = dataset.take(fold.train);
    const test = dataset.take(fold.test);
    const fitted = await pipelineFor("zero-rule").fit(train, targetName);
    const truth = fitted.targetOf(test);
    let predictions: Predictions;
    if (kind === "zero-rule") {
      predictions = predict(fitted, test, spec.needs === "proba");
    } else {
      // Persistence: the target `lag` rows earlier, known at prediction time for one-step-ahead forecasts.
      const lag = kind === "seasonal" ? season : 1;
      const prior = (row: number) => Math.max(0, row - lag);
      if (target.kind === "regression") {
        predictions = { values: Float64Array.from(fold.test, (r) => target.values[prior(r)]) };
      } else {
        const classes = fitted.classes!;
        const labels = Int32Array.from(fold.test, (r) => Math.max(0, classes.indexOf(target.classes[target.codes[prior(r)]])));
        const proba = matrix(labels.length, classes.length, classes);
        labels.forEach((c, i) => (proba.data[c * labels.length + i] = 1));
        predictions = { labels, proba };
      }
    }
    scores.push(spec.compute(truth, predictions));
    await progress.step();
  }
  return scores;
}

function verdictOf(d: BacktestData): Verdict {
  const values = d.folds.map((f) => f.model);
  const range = `${d.metric} ranged from ${formatCell(Math.min(...values))} to ${formatCell(Math.max(...values))} over ${d.folds.length} periods (${d.folds[0].from} to ${d.folds[d.folds.length - 1].to})`;
  const trend = Number.isNaN(d.trend.slope) ? "" : `; the trend is ${formatCell(d.trend.slope)} per period (95% CI ${formatCell(d.trend.low)} to ${formatCell(d.trend.high)}, ${formatPValue(d.trend.pValue)})`;
  const vs = `It beat the ${d.baseline} baseline in ${d.beatsBaselineIn} of ${d.folds.length} periods.`;
  if (d.degrading) {
    return { level: "fail", text: `Degrading: ${range}${trend}. The model gets worse the further it is used from where it was trained; expect drift in production and plan retraining. ${vs}` };
  }
  if (d.beatsBaselineIn < d.folds.length) {
    return { level: "warn", text: `No significant trend, but ${range}${trend}. ${vs} A model that loses to ${d.baseline} in some periods is not ready to replace it.` };
  }
  return { level: "ok", text: `Stable: ${range}${trend}, with no significant degradation. ${vs}` };
}
