/**
 * Cross-validation: fit a fresh pipeline on each fold's training rows, score it on the
 * fold's test rows, and report every fold's metrics with its fit and predict times.
 * Everything a pipeline learns (imputation values, encodings, scales) is learned
 * inside the fold, so no test row leaks into training.
 */
import { type DataInput, resolveData } from "../data/convert.js";
import type { Dataset } from "../data/dataset.js";
import { argmaxRows } from "../data/matrix.js";
import { type Fold } from "../data/splits/fold.js";
import { groupKFold } from "../data/splits/group-kfold.js";
import { kFold, stratifiedKFold } from "../data/splits/kfold.js";
import { timeSplit } from "../data/splits/time-split.js";
import { LitmlError } from "../errors.js";
import { defaultModelFor, pipelineFor } from "../features/default-pipeline.js";
import { Pipeline } from "../features/pipeline.js";
import type { Matrix } from "../data/matrix.js";
import { targetOf } from "../features/target.js";
import { message } from "../messages.js";
import type { Target } from "../models/contract.js";
import { checkOptions, columnOf, numberOption } from "../options.js";
import { Progress, quietly } from "../runtime/context.js";
import { defaultMetric, metric, type Predictions } from "./metrics/registry.js";

export type SplitKind = "kfold" | "stratified" | "group" | "time";

/** Anything that learns from a Dataset and predicts for one: a Pipeline, or a hand-written heuristic. */
export interface Predictor {
  readonly name: string;
  fit(data: Dataset, target: string): Promise<FittedPredictor>;
}

export interface FittedPredictor {
  readonly task: "classification" | "regression";
  readonly classes?: readonly string[];
  predict(data: Dataset): Int32Array | Float64Array;
  predictProba(data: Dataset): Matrix;
  targetOf(data: Dataset): Target;
}

/** A Pipeline seen as a Predictor, named after its model. */
export function asPredictor(pipeline: Pipeline): Predictor {
  return { name: pipeline.model.model, fit: (data, target) => pipeline.fit(data, target) };
}

export interface FoldRun {
  readonly fold: number;
  readonly test: Int32Array;
  readonly truth: Target;
  readonly predictions: Predictions;
  readonly fitSeconds: number;
  readonly predictSeconds: number;
}

/** Called with each fold's fitted predictor and test rows, for analyses that probe the fold's model further. */
export type FoldProbe = (fitted: FittedPredictor, test: Dataset, run: FoldRun) => void;

/** Fits on each fold's training rows and predicts its test rows, yielding to the event loop between folds. */
export async function runFolds(
  dataset: Dataset,
  target: string,
  predictor: Predictor,
  folds: readonly Fold[],
  withProba: boolean,
  progress?: Progress,
  probe?: FoldProbe,
): Promise<FoldRun[]> {
  const runs: FoldRun[] = [];
  for (const [f, fold] of folds.entries()) {
    const train = dataset.take(fold.train);
    const test = dataset.take(fold.test);
    const began = performance.now();
    const fitted = await fitFold(predictor, train, target, f);
    const fitSeconds = (performance.now() - began) / 1000;
    const predicted = performance.now();
    const predictions = predict(fitted, test, withProba);
    const predictSeconds = (performance.now() - predicted) / 1000;
    const run = { fold: f, test: fold.test, truth: fitted.targetOf(test), predictions, fitSeconds, predictSeconds };
    runs.push(run);
    probe?.(fitted, test, run);
    await progress?.step();
  }
  return runs;
}

export interface CrossValidateOptions {
  readonly target?: string;
  /** A registry name (see litml.models()) or a Pipeline. Default: logistic or ridge. */
  readonly model?: string | Pipeline;
  readonly params?: object;
  readonly folds?: number;
  readonly split?: SplitKind;
  readonly group?: string;
  readonly time?: string;
  readonly gap?: number;
  readonly metrics?: readonly string[];
  readonly seed?: number;
}

export interface FoldScore {
  readonly fold: number;
  readonly trainRows: number;
  readonly testRows: number;
  readonly fitSeconds: number;
  readonly predictSeconds: number;
  readonly metrics: Readonly<Record<string, number>>;
}

export interface CrossValidation {
  readonly model: string;
  readonly split: SplitKind;
  readonly metrics: readonly string[];
  readonly folds: readonly FoldScore[];
  readonly mean: Readonly<Record<string, number>>;
  readonly std: Readonly<Record<string, number>>;
}

const ANALYSIS = "crossValidate";

export async function crossValidate(data: DataInput, options: CrossValidateOptions = {}): Promise<CrossValidation> {
  const dataset = await resolveData(data);
  const column = columnOf(ANALYSIS, dataset);
  const number = numberOption(ANALYSIS);
  checkOptions(ANALYSIS, options, {
    target: column,
    model: () => {},
    params: () => {},
    folds: number,
    split: (v, o) => {
      if (!["kfold", "stratified", "group", "time"].includes(v as string)) throw message.badOption(ANALYSIS, o, v, '"kfold", "stratified", "group" or "time"');
    },
    group: column,
    time: column,
    gap: number,
    metrics: (v, o) => {
      if (!Array.isArray(v)) throw message.badOption(ANALYSIS, o, v, "a list of metric names");
    },
    seed: number,
  });
  const targetName = options.target ?? dataset.roles.target;
  if (targetName === undefined) throw message.badOption(ANALYSIS, "target", undefined, "the column to predict (or a data set with a target role)");
  const target = targetOf(dataset, targetName);
  const pipeline = typeof options.model === "object" ? options.model : pipelineFor(options.model ?? defaultModelFor(dataset, targetName), options.params ?? {});
  const metricNames = options.metrics ?? [defaultMetric(target.kind)];
  const specs = metricNames.map((name) => metric(name, target.kind));
  const { split, folds } = foldsFor(dataset, target, options);
  const progress = new Progress(`cross-validating ${pipeline.model.model}`, folds.length);
  const withProba = specs.some((s) => s.needs === "proba");
  const runs = await runFolds(dataset, targetName, asPredictor(pipeline), folds, withProba, progress);
  const scores: FoldScore[] = runs.map((run) => ({
    fold: run.fold,
    trainRows: dataset.nRows - run.test.length,
    testRows: run.test.length,
    fitSeconds: run.fitSeconds,
    predictSeconds: run.predictSeconds,
    metrics: Object.fromEntries(specs.map((s) => [s.name, s.compute(run.truth, run.predictions)])),
  }));
  progress.finish();
  return { model: pipeline.model.model, split, metrics: metricNames, folds: scores, mean: summarise(scores, metricNames, mean), std: summarise(scores, metricNames, std) };
}

/** The folds an analysis uses: time order if a time column is given, groups if a group role is set, else stratified or plain k-fold. */
export function foldsFor(dataset: Dataset, target: Target, options: CrossValidateOptions): { split: SplitKind; folds: Fold[] } {
  const k = options.folds ?? 5;
  const seed = options.seed ?? 0;
  const time = options.time ?? (options.split === "time" ? dataset.roles.time : undefined);
  const group = options.group ?? (options.split === "group" || options.split === undefined ? dataset.roles.group : undefined);
  if (!Number.isInteger(k) || k < 2) throw message.badOption(ANALYSIS, "folds", options.folds, "a whole number ≥ 2");
  if (k > dataset.nRows) throw message.badOption(ANALYSIS, "folds", k, `at most the number of rows (${dataset.nRows})`);
  if (options.split === "time" || time !== undefined) {
    if (time === undefined) throw message.badOption(ANALYSIS, "time", undefined, "a time column for time-ordered folds");
    const column = dataset.column(time);
    if (column.type === "category") throw message.badOption(ANALYSIS, "time", time, "a date or numeric column");
    const order = Int32Array.from({ length: dataset.nRows }, (_, i) => i).sort((a, b) => column.values[a] - column.values[b]);
    return { split: "time", folds: timeSplit(dataset.nRows, { folds: k, gap: options.gap ?? 0 }, order) };
  }
  if (group !== undefined) {
    const column = dataset.column(group);
    const codes = column.type === "category" ? column.codes : codesOf(column.values);
    return { split: "group", folds: groupKFold(codes, k, { seed }) };
  }
  if (target.kind === "classification" && options.split !== "kfold") return { split: "stratified", folds: stratifiedKFold(target.codes, k, { seed }) };
  return { split: "kfold", folds: kFold(dataset.nRows, k, { shuffle: true, seed }) };
}

async function fitFold(predictor: Predictor, train: Dataset, target: string, fold: number): Promise<FittedPredictor> {
  try {
    return await quietly(() => predictor.fit(train, target));
  } catch (error) {
    if (error instanceof LitmlError && error.code === "single-class") {
      const only = train.get(0, target);
      throw message.singleClassFold(fold, String(only));
    }
    throw error;
  }
}

export function predict(fitted: FittedPredictor, test: Dataset, withProba: boolean): Predictions {
  if (fitted.task === "regression") return { values: fitted.predict(test) as Float64Array };
  if (!withProba) return { labels: fitted.predict(test) as Int32Array };
  const proba = fitted.predictProba(test);
  return { labels: argmaxRows(proba), proba };
}

function codesOf(values: Float64Array): Int32Array {
  const index = new Map<number, number>();
  return Int32Array.from(values, (v) => {
    let code = index.get(v);
    if (code === undefined) index.set(v, (code = index.size));
    return code;
  });
}

function summarise(scores: readonly FoldScore[], names: readonly string[], f: (values: number[]) => number): Record<string, number> {
  return Object.fromEntries(names.map((name) => [name, f(scores.map((s) => s.metrics[name]))]));
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const std = (values: number[]) => {
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / Math.max(1, values.length - 1));
};
