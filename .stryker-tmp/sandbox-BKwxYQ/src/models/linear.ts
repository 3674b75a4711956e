/**
 * Ridge regression, minimising Σ wᵢ(yᵢ − xᵢβ − b)² + α‖β‖² (scikit-learn's Ridge), and
 * plain least squares as α = 0 (its LinearRegression). Solved exactly: the weighted,
 * centred normal equations by Cholesky, with the intercept recovered from the means.
 */
// @ts-nocheck

import { type Matrix } from "../data/matrix.js";
import type { FitOptions, FittedRegressor, Model, SavedModel, Target } from "./contract.js";
import { choleskySolve } from "./optimize/cholesky.js";
import { nonNegative } from "./params.js";
import { arrayIn, arrayOut, checkSaved } from "./saved.js";
import { checkFitInput, checkPredictInput } from "./validate.js";

export interface RidgeParams {
  /** Penalty strength; 0 is ordinary least squares. Default 1 for "ridge", 0 for "linear". */
  readonly alpha?: number;
  readonly fitIntercept?: boolean;
}

const VERSION = 1;

export class LinearRegression implements Model<RidgeParams, FittedRegressor> {
  readonly tasks = ["regression"] as const;
  constructor(
    readonly model: "ridge" | "linear",
    readonly params: RidgeParams = {},
  ) {}

  async fit(X: Matrix, y: Target, options: FitOptions = {}): Promise<FittedRegressor> {
    checkFitInput(this.model, this.tasks, X, y, options);
    const values = (y as Extract<Target, { kind: "regression" }>).values;
    const alpha = nonNegative(this.model, "alpha", this.params.alpha, this.model === "ridge" ? 1 : 0);
    const intercept = this.params.fitIntercept ?? true;
    const { rows, cols, data } = X;
    const w = options.sampleWeight;
    let total = 0;
    for (let i = 0; i < rows; i++) total += w ? w[i] : 1;
    const xMean = new Float64Array(cols);
    let yMean = 0;
    if (intercept) {
      for (let i = 0; i < rows; i++) yMean += (w ? w[i] : 1) * values[i];
      yMean /= total;
      for (let j = 0; j < cols; j++) {
        let sum = 0;
        for (let i = 0; i < rows; i++) sum += (w ? w[i] : 1) * data[j * rows + i];
        xMean[j] = sum / total;
      }
    }
    const gram = new Float64Array(cols * cols);
    const rhs = new Float64Array(cols);
    const centred = new Float64Array(rows);
    for (let a = 0; a < cols; a++) {
      for (let i = 0; i < rows; i++) centred[i] = (data[a * rows + i] - xMean[a]) * (w ? w[i] : 1);
      let r = 0;
      for (let i = 0; i < rows; i++) r += centred[i] * (values[i] - yMean);
      rhs[a] = r;
      for (let b = a; b < cols; b++) {
        let sum = 0;
        const base = b * rows;
        for (let i = 0; i < rows; i++) sum += centred[i] * (data[base + i] - xMean[b]);
        gram[a * cols + b] = gram[b * cols + a] = sum;
      }
      gram[a * cols + a] += alpha;
    }
    let coefficients = choleskySolve(gram, rhs, cols);
    // A singular system (collinear features, α = 0): the smallest ridge that makes it solvable.
    for (let jitter = 1e-12; coefficients === undefined && jitter < 1; jitter *= 100) {
      const scale = Math.max(1e-300, ...Array.from({ length: cols }, (_, j) => gram[j * cols + j]));
      const regularised = Float64Array.from(gram);
      for (let j = 0; j < cols; j++) regularised[j * cols + j] += jitter * scale;
      coefficients = choleskySolve(regularised, rhs, cols);
    }
    const beta = coefficients ?? new Float64Array(cols);
    let b = yMean;
    for (let j = 0; j < cols; j++) b -= beta[j] * xMean[j];
    return fittedLinear(this.model, this.params, X.names, beta, b);
  }
}

export interface FittedLinear extends FittedRegressor {
  readonly coefficients: Float64Array;
  readonly intercept: number;
}

function fittedLinear(model: "ridge" | "linear", params: RidgeParams, features: readonly string[], coefficients: Float64Array, intercept: number): FittedLinear {
  return {
    task: "regression",
    model,
    params,
    features,
    coefficients,
    intercept,
    predict: (X) => {
      checkPredictInput(model, features, X);
      const out = new Float64Array(X.rows).fill(intercept);
      for (let j = 0; j < X.cols; j++) {
        const c = coefficients[j];
        const base = j * X.rows;
        for (let i = 0; i < X.rows; i++) out[i] += c * X.data[base + i];
      }
      return out;
    },
    toJSON: (): SavedModel => ({ format: "litml-model", version: VERSION, model, params, features, state: { coefficients: arrayOut(coefficients), intercept } }),
  };
}

export function loadLinear(saved: unknown, model: "ridge" | "linear"): FittedLinear {
  const s = checkSaved(saved, model, VERSION);
  const state = s.state as { coefficients: number[]; intercept: number };
  return fittedLinear(model, s.params as RidgeParams, s.features, arrayIn(state.coefficients), state.intercept);
}
