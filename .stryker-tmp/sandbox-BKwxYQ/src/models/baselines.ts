/**
 * The baselines every model must beat (the book: start with the simplest thing that
 * could work). `random` guesses uniformly, `stratified` guesses in proportion to the
 * training classes (or draws a training target), `zero-rule` always answers the
 * majority class, the mean or the median.
 */
// @ts-nocheck

import { type Matrix, matrix } from "../data/matrix.js";
import { Random } from "../util/random.js";
import type { FitOptions, FittedClassifier, FittedModel, FittedRegressor, Model, SavedModel, Target, Task } from "./contract.js";
import { checkFitInput, checkPredictInput } from "./validate.js";
import { arrayOut, checkSaved } from "./saved.js";
import { rowWeights } from "./weights.js";

export type BaselineStrategy = "random" | "stratified" | "zero-rule";

export interface BaselineParams {
  /** zero-rule for regression: the mean (default) or the median. */
  readonly statistic?: "mean" | "median";
  readonly seed?: number;
}

const VERSION = 1;
const TASKS: readonly Task[] = ["classification", "regression"];

interface BaselineState {
  /** Classification: class shares. Regression: [min, max, centre] plus the sorted training targets. */
  readonly prior?: number[];
  readonly values?: number[];
  readonly centre?: number;
}

export class Baseline implements Model<BaselineParams> {
  readonly tasks = TASKS;
  constructor(
    readonly model: BaselineStrategy,
    readonly params: BaselineParams = {},
  ) {}

  async fit(X: Matrix, y: Target, options: FitOptions = {}): Promise<FittedModel> {
    checkFitInput(this.model, this.tasks, X, y, options);
    if (y.kind === "classification") {
      const w = rowWeights(y, y.codes.length, options);
      const prior = new Array<number>(y.classes.length).fill(0);
      let total = 0;
      for (let i = 0; i < y.codes.length; i++) {
        prior[y.codes[i]] += w[i];
        total += w[i];
      }
      return fittedBaseline(this.model, this.params, X.names, { prior: prior.map((p) => p / total) }, y.classes);
    }
    const values = Float64Array.from(y.values).sort();
    const centre = this.params.statistic === "median" ? weightedMedian(y.values, options.sampleWeight) : weightedMean(y.values, options.sampleWeight);
    return fittedBaseline(this.model, this.params, X.names, { values: arrayOut(values), centre });
  }
}

function weightedMean(values: Float64Array, weights?: ArrayLike<number>): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights ? weights[i] : 1;
    sum += w * values[i];
    total += w;
  }
  return sum / total;
}

/** The smallest value whose cumulative weight reaches half (numpy's median for equal weights averages the middle two). */
function weightedMedian(values: Float64Array, weights?: ArrayLike<number>): number {
  if (!weights) {
    const sorted = Float64Array.from(values).sort();
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
  const order = Int32Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  let total = 0;
  for (let i = 0; i < values.length; i++) total += weights[i];
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i];
    if (cumulative >= total / 2) return values[i];
  }
  return values[order[order.length - 1]];
}

function fittedBaseline(model: BaselineStrategy, params: BaselineParams, features: readonly string[], state: BaselineState, classes?: readonly string[]): FittedModel {
  const toJSON = (): SavedModel => ({ format: "litml-model", version: VERSION, model, params, features, ...(classes ? { classes } : {}), state });
  const seed = params.seed ?? 0;
  if (classes) {
    const prior = Float64Array.from(state.prior!);
    const k = classes.length;
    const majority = prior.indexOf(Math.max(...prior));
    const draw = (random: Random) => {
      if (model === "random") return random.int(k);
      let u = random.float();
      for (let c = 0; c < k; c++) if ((u -= prior[c]) < 0) return c;
      return k - 1;
    };
    const predict = (X: Matrix): Int32Array => {
      checkPredictInput(model, features, X);
      if (model === "zero-rule") return new Int32Array(X.rows).fill(majority);
      const random = new Random(seed);
      return Int32Array.from({ length: X.rows }, () => draw(random));
    };
    const classifier: FittedClassifier = {
      task: "classification",
      model,
      params,
      features,
      classes,
      predict,
      predictProba: (X) => {
        const out = matrix(X.rows, k, classes);
        if (model === "stratified") {
          const labels = predict(X);
          for (let i = 0; i < X.rows; i++) out.data[labels[i] * X.rows + i] = 1;
        } else {
          checkPredictInput(model, features, X);
          for (let c = 0; c < k; c++) out.data.fill(model === "random" ? 1 / k : prior[c], c * X.rows, (c + 1) * X.rows);
        }
        return out;
      },
      toJSON,
    };
    return classifier;
  }
  const values = Float64Array.from(state.values!);
  const regressor: FittedRegressor = {
    task: "regression",
    model,
    params,
    features,
    predict: (X) => {
      checkPredictInput(model, features, X);
      if (model === "zero-rule") return new Float64Array(X.rows).fill(state.centre!);
      const random = new Random(seed);
      const low = values[0];
      const high = values[values.length - 1];
      return Float64Array.from({ length: X.rows }, () => (model === "random" ? low + (high - low) * random.float() : values[random.int(values.length)]));
    },
    toJSON,
  };
  return regressor;
}

export function loadBaseline(saved: unknown): FittedModel {
  const s = checkSaved(saved, (saved as SavedModel)?.model, VERSION);
  const state = s.state as BaselineState;
  return fittedBaseline(s.model as BaselineStrategy, s.params as BaselineParams, s.features, state, s.classes);
}
