/**
 * Naive Bayes: features independent given the class. "gaussian" models each feature
 * as a normal distribution per class (variances padded by varSmoothing × the largest
 * feature variance, as scikit-learn's GaussianNB); "multinomial" models non-negative
 * counts (word counts) with add-alpha smoothing, as its MultinomialNB.
 */
// @ts-nocheck

import { argmaxRows, type Matrix, matrix, softmaxRows } from "../data/matrix.js";
import { message } from "../messages.js";
import type { ClassTarget, FitOptions, FittedClassifier, Model, SavedModel, Target } from "./contract.js";
import { nonNegative, oneOf, positive } from "./params.js";
import { arrayIn, arrayOut, checkSaved } from "./saved.js";
import { checkFitInput, checkPredictInput } from "./validate.js";
import { type ClassWeight, rowWeights } from "./weights.js";

export interface NaiveBayesParams {
  readonly variant?: "gaussian" | "multinomial";
  readonly varSmoothing?: number;
  readonly alpha?: number;
  readonly classWeight?: ClassWeight;
}

const MODEL = "naive-bayes";
const VERSION = 1;

interface NaiveBayesState {
  readonly variant: "gaussian" | "multinomial";
  readonly logPrior: Float64Array;
  /** Gaussian: means and variances, class-major (k × p). Multinomial: log θ (k × p). */
  readonly first: Float64Array;
  readonly second?: Float64Array;
}

export class NaiveBayes implements Model<NaiveBayesParams, FittedClassifier> {
  readonly model = MODEL;
  readonly tasks = ["classification"] as const;
  constructor(readonly params: NaiveBayesParams = {}) {}

  async fit(X: Matrix, y: Target, options: FitOptions = {}): Promise<FittedClassifier> {
    checkFitInput(MODEL, this.tasks, X, y, options);
    const target = y as ClassTarget;
    const variant = oneOf(MODEL, "variant", this.params.variant, ["gaussian", "multinomial"], "gaussian");
    const { rows: n, cols: p, data } = X;
    const k = target.classes.length;
    const w = rowWeights(target, n, options, this.params.classWeight);
    const classWeight = new Float64Array(k);
    for (let i = 0; i < n; i++) classWeight[target.codes[i]] += w[i];
    const total = classWeight.reduce((a, b) => a + b, 0);
    const logPrior = classWeight.map((c) => Math.log(c / total));
    const sums = new Float64Array(k * p);
    for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) sums[target.codes[i] * p + j] += w[i] * data[j * n + i];
    if (variant === "multinomial") {
      const alpha = positive(MODEL, "alpha", this.params.alpha, 1);
      for (let i = 0; i < data.length; i++) if (data[i] < 0) throw message.negativeCounts(X.names[Math.floor(i / n)], i % n);
      const logTheta = new Float64Array(k * p);
      for (let c = 0; c < k; c++) {
        let rowTotal = 0;
        for (let j = 0; j < p; j++) rowTotal += sums[c * p + j] + alpha;
        for (let j = 0; j < p; j++) logTheta[c * p + j] = Math.log((sums[c * p + j] + alpha) / rowTotal);
      }
      return fittedNaiveBayes(this.params, X.names, target.classes, { variant, logPrior, first: logTheta });
    }
    const smoothing = nonNegative(MODEL, "varSmoothing", this.params.varSmoothing, 1e-9);
    let largestVariance = 0;
    for (let j = 0; j < p; j++) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += data[j * n + i];
      mean /= n;
      let variance = 0;
      for (let i = 0; i < n; i++) variance += (data[j * n + i] - mean) ** 2;
      largestVariance = Math.max(largestVariance, variance / n);
    }
    const epsilon = smoothing * largestVariance;
    const means = new Float64Array(k * p);
    const variances = new Float64Array(k * p);
    for (let c = 0; c < k; c++) for (let j = 0; j < p; j++) means[c * p + j] = sums[c * p + j] / classWeight[c];
    for (let j = 0; j < p; j++) {
      for (let i = 0; i < n; i++) {
        const c = target.codes[i];
        variances[c * p + j] += w[i] * (data[j * n + i] - means[c * p + j]) ** 2;
      }
    }
    for (let c = 0; c < k; c++) for (let j = 0; j < p; j++) variances[c * p + j] = variances[c * p + j] / classWeight[c] + epsilon;
    return fittedNaiveBayes(this.params, X.names, target.classes, { variant, logPrior, first: means, second: variances });
  }
}

function fittedNaiveBayes(params: NaiveBayesParams, features: readonly string[], classes: readonly string[], state: NaiveBayesState): FittedClassifier {
  const k = classes.length;
  const p = features.length;
  const predictProba = (X: Matrix): Matrix => {
    checkPredictInput(MODEL, features, X);
    const n = X.rows;
    const out = matrix(n, k, classes);
    for (let c = 0; c < k; c++) {
      const column = out.data.subarray(c * n, (c + 1) * n);
      column.fill(state.logPrior[c]);
      for (let j = 0; j < p; j++) {
        const x = X.data.subarray(j * n, (j + 1) * n);
        if (state.variant === "multinomial") {
          const logTheta = state.first[c * p + j];
          for (let i = 0; i < n; i++) column[i] += x[i] * logTheta;
        } else {
          const mean = state.first[c * p + j];
          const variance = state.second![c * p + j];
          const constant = -0.5 * Math.log(2 * Math.PI * variance);
          for (let i = 0; i < n; i++) column[i] += constant - ((x[i] - mean) ** 2) / (2 * variance);
        }
      }
    }
    // Joint log-likelihoods to probabilities.
    return softmaxRows(out);
  };
  return {
    task: "classification",
    model: MODEL,
    params,
    features,
    classes,
    predictProba,
    predict: (X) => argmaxRows(predictProba(X)),
    toJSON: (): SavedModel => ({
      format: "litml-model",
      version: VERSION,
      model: MODEL,
      params,
      features,
      classes,
      state: { variant: state.variant, logPrior: arrayOut(state.logPrior), first: arrayOut(state.first), ...(state.second ? { second: arrayOut(state.second) } : {}) },
    }),
  };
}

export function loadNaiveBayes(saved: unknown): FittedClassifier {
  const s = checkSaved(saved, MODEL, VERSION);
  const raw = s.state as { variant: "gaussian" | "multinomial"; logPrior: number[]; first: number[]; second?: number[] };
  return fittedNaiveBayes(s.params as NaiveBayesParams, s.features, s.classes!, {
    variant: raw.variant,
    logPrior: arrayIn(raw.logPrior),
    first: arrayIn(raw.first),
    ...(raw.second ? { second: arrayIn(raw.second) } : {}),
  });
}
