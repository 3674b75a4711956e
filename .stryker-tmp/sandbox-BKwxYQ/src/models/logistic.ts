/**
 * Logistic regression with an L2 penalty (scikit-learn's LogisticRegression, lbfgs):
 * minimises Σ wᵢ·loss(xᵢ) + ‖W‖² / (2C) over the weights W (intercepts unpenalised).
 * Two classes fit one weight vector (log-loss of the second class); more classes fit
 * the multinomial (softmax) model with one vector per class.
 */
// @ts-nocheck

import { argmaxRows, type Matrix, matrix, softmaxRows } from "../data/matrix.js";
import type { ClassTarget, FitOptions, FittedClassifier, FittedModel, Model, SavedModel, Target } from "./contract.js";
import { binaryKernel, MAX_UNROLLED_FEATURES } from "./optimize/binary-logistic-kernel.js";
import { lbfgs } from "./optimize/lbfgs.js";
import { positive, wholeNumber } from "./params.js";
import { arrayIn, arrayOut, checkSaved } from "./saved.js";
import { checkFitInput, checkPredictInput } from "./validate.js";
import { allOnes, type ClassWeight, rowWeights, totalWeight } from "./weights.js";

export interface LogisticParams {
  /** Inverse regularisation strength: smaller C, stronger penalty. Default 1. */
  readonly C?: number;
  readonly fitIntercept?: boolean;
  readonly maxIterations?: number;
  /** Stop when every gradient component of the mean loss is below this. Default 1e-8. */
  readonly tolerance?: number;
  readonly classWeight?: ClassWeight;
}

const MODEL = "logistic";
const VERSION = 1;

export class LogisticRegression implements Model<LogisticParams, FittedClassifier> {
  readonly model = MODEL;
  readonly tasks = ["classification"] as const;
  constructor(readonly params: LogisticParams = {}) {}

  async fit(X: Matrix, y: Target, options: FitOptions = {}): Promise<FittedClassifier> {
    checkFitInput(MODEL, this.tasks, X, y, options);
    const target = y as ClassTarget;
    const C = positive(MODEL, "C", this.params.C, 1);
    const maxIterations = wholeNumber(MODEL, "maxIterations", this.params.maxIterations, 1000);
    const tolerance = positive(MODEL, "tolerance", this.params.tolerance, 1e-8);
    const intercept = this.params.fitIntercept ?? true;
    const k = target.classes.length;
    const weights = rowWeights(target, X.rows, options, this.params.classWeight);
    const objective = k === 2 ? binaryObjective(X, target.codes, weights, C, intercept) : multinomialObjective(X, target.codes, weights, C, k, intercept);
    const result = lbfgs(objective, startingPoint(options.warmStart, X.names, target.classes), { maxIterations, gradientTolerance: tolerance, initialScale: inverseCurvatureBound(X, weights, C) });
    return fittedLogistic(this.params, X.names, target.classes, result.x, { iterations: result.iterations, converged: result.converged });
  }
}

/**
 * 1 / an upper bound of the objective's Hessian diagonal: a probability's variance p(1 − p)
 * is at most ¼, so coefficient j's curvature is at most ¼·mean(w·x_j²)/mean(w) plus the
 * penalty (the intercept's: ¼ plus nothing). The first step of the optimiser then lands
 * near a Newton step instead of a unit one.
 */
function inverseCurvatureBound(X: Matrix, weights: Float64Array, C: number): number {
  const total = totalWeight(weights);
  let largest = 1;
  for (let j = 0; j < X.cols; j++) {
    let squares = 0;
    for (let i = 0, at = j * X.rows; i < X.rows; i++, at++) squares += weights[i] * X.data[at] * X.data[at];
    largest = Math.max(largest, squares / total);
  }
  return 1 / (0.25 * largest + 1 / (C * total));
}

/** Zeros, or a compatible earlier fit's coefficients and intercepts. */
function startingPoint(warm: FittedModel | undefined, features: readonly string[], classes: readonly string[]): Float64Array {
  const p = features.length;
  const vectors = classes.length === 2 ? 1 : classes.length;
  const theta = new Float64Array(vectors * (p + 1));
  if (warm?.model !== MODEL || !sameList(warm.features, features) || !sameList((warm as FittedLogistic).classes, classes)) return theta;
  const { coefficients, intercepts } = warm as FittedLogistic;
  for (let v = 0; v < vectors; v++) {
    theta.set(coefficients[v], v * (p + 1));
    theta[v * (p + 1) + p] = intercepts[v];
  }
  return theta;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** θ holds, per vector, p coefficients then the intercept. */
function linearScores(X: Matrix, theta: Float64Array, offset: number, out: Float64Array): void {
  const { rows, cols, data } = X;
  out.fill(theta[offset + cols]);
  for (let j = 0; j < cols; j++) {
    const w = theta[offset + j];
    if (w === 0) continue;
    const base = j * rows;
    for (let i = 0; i < rows; i++) out[i] += w * data[base + i];
  }
}

function binaryObjective(X: Matrix, codes: Int32Array, weights: Float64Array, C: number, intercept: boolean) {
  const { rows, cols, data } = X;
  const total = totalWeight(weights);
  const penalty = 1 / (C * total);
  const finish = (theta: Float64Array, gradient: Float64Array, loss: number): number => {
    let squares = 0;
    for (let j = 0; j < cols; j++) {
      gradient[j] = gradient[j] / total + penalty * theta[j];
      squares += theta[j] * theta[j];
    }
    gradient[cols] = intercept ? gradient[cols] / total : 0;
    return loss / total + 0.5 * penalty * squares;
  };
  if (cols <= MAX_UNROLLED_FEATURES) {
    const kernel = binaryKernel(cols, !allOnes(weights));
    const columns = Array.from({ length: cols }, (_, j) => data.subarray(j * rows, (j + 1) * rows));
    return (theta: Float64Array, gradient: Float64Array): number => {
      if (!intercept) theta[cols] = 0;
      return finish(theta, gradient, kernel(columns, codes, weights, theta, gradient));
    };
  }
  // Wide data: column-wise passes, which keep memory access sequential for any width.
  const z = new Float64Array(rows);
  const residual = new Float64Array(rows);
  return (theta: Float64Array, gradient: Float64Array): number => {
    if (!intercept) theta[cols] = 0;
    linearScores(X, theta, 0, z);
    let loss = 0;
    let interceptGradient = 0;
    for (let i = 0; i < rows; i++) {
      const zi = z[i];
      const yi = codes[i] === 1 ? 1 : 0;
      // log(1 + e^z) − y·z without overflow; e = e^−|z| also gives σ(z), so one exp per row.
      const e = Math.exp(-Math.abs(zi));
      loss += weights[i] * ((zi > 0 ? zi : 0) + Math.log1p(e) - yi * zi);
      residual[i] = weights[i] * ((zi >= 0 ? 1 / (1 + e) : e / (1 + e)) - yi);
      interceptGradient += residual[i];
    }
    for (let j = 0; j < cols; j++) {
      let g = 0;
      const base = j * rows;
      for (let i = 0; i < rows; i++) g += residual[i] * data[base + i];
      gradient[j] = g;
    }
    gradient[cols] = interceptGradient;
    return finish(theta, gradient, loss);
  };
}

function multinomialObjective(X: Matrix, codes: Int32Array, weights: Float64Array, C: number, k: number, intercept: boolean) {
  const { rows, cols, data } = X;
  const total = totalWeight(weights);
  const stride = cols + 1;
  const scores = Array.from({ length: k }, () => new Float64Array(rows));
  const residual = new Float64Array(rows);
  const penalty = 1 / (C * total);
  return (theta: Float64Array, gradient: Float64Array): number => {
    if (!intercept) for (let c = 0; c < k; c++) theta[c * stride + cols] = 0;
    for (let c = 0; c < k; c++) linearScores(X, theta, c * stride, scores[c]);
    let loss = 0;
    for (let i = 0; i < rows; i++) {
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, scores[c][i]);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += Math.exp(scores[c][i] - max);
      const logSum = max + Math.log(sum);
      loss += weights[i] * (logSum - scores[codes[i]][i]);
      // Turn scores into probabilities in place; the gradient needs them.
      for (let c = 0; c < k; c++) scores[c][i] = Math.exp(scores[c][i] - logSum);
    }
    let squares = 0;
    for (let c = 0; c < k; c++) {
      const p = scores[c];
      let interceptGradient = 0;
      for (let i = 0; i < rows; i++) {
        residual[i] = (weights[i] * (p[i] - (codes[i] === c ? 1 : 0))) / total;
        interceptGradient += residual[i];
      }
      for (let j = 0; j < cols; j++) {
        let g = 0;
        const base = j * rows;
        for (let i = 0; i < rows; i++) g += residual[i] * data[base + i];
        const w = theta[c * stride + j];
        gradient[c * stride + j] = g + penalty * w;
        squares += w * w;
      }
      gradient[c * stride + cols] = intercept ? interceptGradient : 0;
    }
    return loss / total + 0.5 * penalty * squares;
  };
}

export interface FittedLogistic extends FittedClassifier {
  /** Coefficients per vector (one vector for two classes, one per class otherwise), feature order. */
  readonly coefficients: readonly Float64Array[];
  readonly intercepts: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
}

function fittedLogistic(params: LogisticParams, features: readonly string[], classes: readonly string[], theta: Float64Array, fit: { iterations: number; converged: boolean }): FittedLogistic {
  const p = features.length;
  const k = classes.length;
  const vectors = k === 2 ? 1 : k;
  const coefficients = Array.from({ length: vectors }, (_, v) => theta.slice(v * (p + 1), v * (p + 1) + p));
  const intercepts = Float64Array.from({ length: vectors }, (_, v) => theta[v * (p + 1) + p]);
  const predictProba = (X: Matrix): Matrix => {
    checkPredictInput(MODEL, features, X);
    const n = X.rows;
    const out = matrix(n, k, classes);
    const z = new Float64Array(n);
    if (k === 2) {
      linearScores(X, theta, 0, z);
      for (let i = 0; i < n; i++) {
        const p1 = z[i] >= 0 ? 1 / (1 + Math.exp(-z[i])) : Math.exp(z[i]) / (1 + Math.exp(z[i]));
        out.data[i] = 1 - p1;
        out.data[n + i] = p1;
      }
      return out;
    }
    for (let c = 0; c < k; c++) {
      linearScores(X, theta, c * (p + 1), z);
      out.data.set(z, c * n);
    }
    return softmaxRows(out);
  };
  // The second class wins exactly when its score is positive: no probabilities needed.
  const predictBinary = (X: Matrix): Int32Array => {
    checkPredictInput(MODEL, features, X);
    const z = new Float64Array(X.rows);
    linearScores(X, theta, 0, z);
    const predicted = new Int32Array(X.rows);
    for (let i = 0; i < X.rows; i++) predicted[i] = z[i] > 0 ? 1 : 0;
    return predicted;
  };
  return {
    task: "classification",
    model: MODEL,
    params,
    features,
    classes,
    coefficients,
    intercepts,
    iterations: fit.iterations,
    converged: fit.converged,
    predictProba,
    predict: (X) => (k === 2 ? predictBinary(X) : argmaxRows(predictProba(X))),
    toJSON: (): SavedModel => ({ format: "litml-model", version: VERSION, model: MODEL, params, features, classes, state: { theta: arrayOut(theta), ...fit } }),
  };
}

export function loadLogistic(saved: unknown): FittedLogistic {
  const s = checkSaved(saved, MODEL, VERSION);
  const state = s.state as { theta: number[]; iterations: number; converged: boolean };
  return fittedLogistic(s.params as LogisticParams, s.features, s.classes!, arrayIn(state.theta), state);
}
