/**
 * Out-of-fold fitting, the one place analyses fit models inside folds: each fold's
 * training rows fit a fresh predictor, which predicts the fold's test rows; the folds'
 * predictions are assembled into arrays aligned with the rows that were tested (every
 * row for k-fold, stratified and group folds; the later rows for time-ordered folds).
 */
import type { Dataset } from "../data/dataset.js";
import { type Matrix, matrix } from "../data/matrix.js";
import { LitmlError } from "../errors.js";
import { message } from "../messages.js";
import type { Target } from "../models/contract.js";
import type { Predictions } from "../metrics/registry.js";
import { type Progress, quietly } from "../runtime/context.js";
import type { FoldPlan } from "./plan.js";
import { poolAvailable, type PoolReply, runOnPool } from "./pool.js";
import { pipelineSpec } from "./pool-spec.js";
import { type FittedPredictor, predict, type Predictor } from "./predictor.js";

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

export interface RunOptions {
  readonly withProba: boolean;
  readonly progress?: Progress;
  readonly probe?: FoldProbe;
}

/**
 * Fits on each fold's training rows and predicts its test rows, yielding to the event loop
 * between folds. A column that orders time-ordered folds is the folds' clock, not a
 * feature: it is given the time role, so a default pipeline leaves it out of its inputs
 * (a model that reads the date learns a trend it must extrapolate to every test period).
 */
export async function runFolds(given: Dataset, target: string, predictor: Predictor, plan: Pick<FoldPlan, "folds"> & Partial<Pick<FoldPlan, "split" | "column">>, options: RunOptions): Promise<FoldRun[]> {
  const dataset = plan.split === "time" && plan.column !== undefined && given.roles.time === undefined ? given.withRoles({ time: plan.column }) : given;
  refuseInfinities(dataset, target);
  const pooled = await runFoldsOnPool(dataset, target, predictor, plan.folds, options);
  if (pooled !== undefined) return pooled;
  const runs: FoldRun[] = [];
  for (const [f, fold] of plan.folds.entries()) {
    const train = dataset.take(fold.train);
    const test = dataset.take(fold.test);
    const began = performance.now();
    const fitted = await fitFold(predictor, train, target, f);
    const fitSeconds = (performance.now() - began) / 1000;
    const predicted = performance.now();
    const predictions = predict(fitted, test, options.withProba);
    const predictSeconds = (performance.now() - predicted) / 1000;
    const run = { fold: f, test: fold.test, truth: fitted.targetOf(test), predictions, fitSeconds, predictSeconds };
    runs.push(run);
    options.probe?.(fitted, test, run);
    await options.progress?.step();
  }
  return runs;
}

/**
 * The folds fitted on the pool of worker threads (src/validate/pool.ts), or undefined
 * where they are fitted in this thread: LITML_THREADS=1 or a single fold; a probe, which
 * needs each fold's fitted predictor here; a predictor that is not a plain pipeline (a
 * heuristic or a baseline written in JavaScript); a pipeline with custom steps, a custom
 * model or functions in its params, which a worker cannot rebuild (see pipelineSpec).
 */
async function runFoldsOnPool(dataset: Dataset, target: string, predictor: Predictor, folds: FoldPlan["folds"], options: RunOptions): Promise<FoldRun[] | undefined> {
  if (options.probe !== undefined || folds.length < 2 || predictor.pipeline === undefined || !poolAvailable()) return undefined;
  const spec = pipelineSpec(predictor.pipeline);
  if (spec === undefined) return undefined;
  const runs: FoldRun[] = [];
  const tasks = folds.map((fold, f) => ({ kind: "fold" as const, spec, target, train: fold.train, test: fold.test, fold: f, withProba: options.withProba }));
  await runOnPool<Extract<PoolReply, { kind: "fold" }>>(dataset, tasks, `fitting ${predictor.name} in ${folds.length} folds`, (f, reply) => {
    runs.push({ fold: f, test: folds[f].test, truth: reply.truth, predictions: reply.predictions, fitSeconds: reply.fitSeconds, predictSeconds: reply.predictSeconds });
  }, options.progress);
  return runs;
}

/**
 * An infinite number reaches a model as NaN once a scaler has touched it, and the model
 * then blames a missing value in a row of the fold; found here, it is named as it is in
 * the data: the column, the value and the row.
 */
function refuseInfinities(dataset: Dataset, target: string): void {
  for (const name of dataset.names) {
    const column = dataset.column(name);
    if (name === target || column.type === "category") continue;
    const values = column.values;
    for (let row = 0; row < values.length; row++) {
      if (values[row] === Infinity || values[row] === -Infinity) throw message.infiniteValue(name, row, values[row]);
    }
  }
}

export async function fitFold(predictor: Predictor, train: Dataset, target: string, fold: number): Promise<FittedPredictor> {
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

export interface OutOfFold {
  readonly runs: readonly FoldRun[];
  /** The rows that were tested, ascending: every row unless the plan leaves some untested (time order). */
  readonly rows: Int32Array;
  /** The target and the predictions of `rows`, in the same order. */
  readonly truth: Target;
  readonly predictions: Predictions;
}

/** Every tested row predicted by the model that did not see it. */
export async function outOfFold(dataset: Dataset, target: string, predictor: Predictor, plan: FoldPlan, options: RunOptions): Promise<OutOfFold> {
  const runs = await runFolds(dataset, target, predictor, plan, options);
  return collect(runs, dataset.nRows);
}

/** Per-row values (codes, weights) of the tested rows, aligned with an OutOfFold's arrays. */
export function atRows<T extends Int32Array | Float64Array>(values: T, rows: Int32Array): T {
  if (rows.length === values.length) return values;
  const out = new (values.constructor as new (n: number) => T)(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}

/** Assembles fold runs into arrays over the tested rows (ascending). */
export function collect(runs: readonly FoldRun[], n: number): OutOfFold {
  const tested = new Uint8Array(n);
  for (const { test } of runs) for (let i = 0; i < test.length; i++) tested[test[i]] = 1;
  let count = 0;
  for (let i = 0; i < n; i++) count += tested[i];
  if (count === n) return { runs, rows: Int32Array.from({ length: n }, (_, i) => i), truth: assembleTruth(runs, n), predictions: assemble(runs, n) };
  const rows = new Int32Array(count);
  for (let i = 0, r = 0; i < n; i++) if (tested[i]) rows[r++] = i;
  const position = new Int32Array(n).fill(-1);
  rows.forEach((row, i) => (position[row] = i));
  const renumbered = runs.map((run) => ({ ...run, test: Int32Array.from(run.test, (row) => position[row]) }));
  return { runs, rows, truth: assembleTruth(renumbered, count), predictions: assemble(renumbered, count) };
}

export function assemble(runs: readonly FoldRun[], n: number): Predictions {
  const first = runs[0].predictions;
  const labels = first.labels ? new Int32Array(n) : undefined;
  const values = first.values ? new Float64Array(n) : undefined;
  const proba = first.proba ? matrix(n, first.proba.cols, first.proba.names) : undefined;
  for (const { test, predictions } of runs) {
    for (let i = 0; i < test.length; i++) {
      const row = test[i];
      if (labels) labels[row] = predictions.labels![i];
      if (values) values[row] = predictions.values![i];
      if (proba) for (let c = 0; c < proba.cols; c++) proba.data[c * n + row] = predictions.proba!.data[c * test.length + i];
    }
  }
  return { ...(labels ? { labels } : {}), ...(values ? { values } : {}), ...(proba ? { proba } : {}) };
}

export function subsetPredictions(p: Predictions, rows: Int32Array): Predictions {
  // Plain loops: a typed array's from() with a mapping function is several times slower, and bootstraps call this hundreds of times.
  const take = <T extends Int32Array | Float64Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = a[rows[i]];
    return out;
  };
  return {
    ...(p.labels ? { labels: take(p.labels) } : {}),
    ...(p.values ? { values: take(p.values) } : {}),
    ...(p.proba ? { proba: subsetMatrix(p.proba, rows) } : {}),
  };
}

function subsetMatrix(m: Matrix, rows: Int32Array): Matrix {
  const out = matrix(rows.length, m.cols, m.names);
  for (let c = 0; c < m.cols; c++) for (let i = 0; i < rows.length; i++) out.data[c * rows.length + i] = m.data[c * m.rows + rows[i]];
  return out;
}

export function subsetTarget(t: Target, rows: Int32Array): Target {
  if (t.kind === "classification") {
    const codes = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) codes[i] = t.codes[rows[i]];
    return { kind: "classification", codes, classes: t.classes };
  }
  const values = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) values[i] = t.values[rows[i]];
  return { kind: "regression", values };
}

/** The target assembled in the same row order as the predictions. */
export function assembleTruth(runs: readonly FoldRun[], n: number): Target {
  const first = runs[0].truth;
  if (first.kind === "classification") {
    const codes = new Int32Array(n);
    for (const { test, truth } of runs) test.forEach((row, i) => (codes[row] = (truth as typeof first).codes[i]));
    return { kind: "classification", codes, classes: first.classes };
  }
  const values = new Float64Array(n);
  for (const { test, truth } of runs) test.forEach((row, i) => (values[row] = (truth as typeof first).values[i]));
  return { kind: "regression", values };
}
