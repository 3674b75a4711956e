/**
 * The model contract (DESIGN.md "models", scikit-learn's in TypeScript). A model's
 * constructor only stores its params; `fit` validates and returns a separate fitted
 * object, so predicting with an unfitted model does not type-check. Fitted models
 * save to plain JSON and load back with `loadModel`.
 */
// @ts-nocheck

import type { Matrix } from "../data/matrix.js";

export type Task = "classification" | "regression";

export interface ClassTarget {
  readonly kind: "classification";
  /** Class codes 0 … k−1, one per row. */
  readonly codes: Int32Array;
  readonly classes: readonly string[];
}

export interface RegressionTarget {
  readonly kind: "regression";
  readonly values: Float64Array;
}

export type Target = ClassTarget | RegressionTarget;

export interface FitOptions {
  /** Per-row weights (a row of weight 2 counts like two copies of it). */
  readonly sampleWeight?: ArrayLike<number>;
  /**
   * A model fitted earlier on similar rows (say, a smaller sample of them). Models that
   * optimise iteratively start from its parameters when its features and classes match,
   * which changes how long they take, not where they end; the others ignore it.
   */
  readonly warmStart?: FittedModel;
}

export interface SavedModel {
  readonly format: "litml-model";
  /** Schema version of this model's saved state. */
  readonly version: number;
  readonly model: string;
  readonly params: unknown;
  readonly features: readonly string[];
  readonly classes?: readonly string[];
  readonly state: unknown;
}

interface FittedBase {
  /** The registry name, as `--model` takes it. */
  readonly model: string;
  readonly params: unknown;
  /** The feature names the model was fitted on, in order. */
  readonly features: readonly string[];
  toJSON(): SavedModel;
}

export interface FittedClassifier extends FittedBase {
  readonly task: "classification";
  readonly classes: readonly string[];
  predict(X: Matrix): Int32Array;
  /** n × k probabilities, column-major: column c is every row's probability of class c. */
  predictProba(X: Matrix): Matrix;
}

export interface FittedRegressor extends FittedBase {
  readonly task: "regression";
  predict(X: Matrix): Float64Array;
}

export type FittedModel = FittedClassifier | FittedRegressor;

export interface Model<Params = unknown, Fitted extends FittedModel = FittedModel> {
  readonly model: string;
  readonly params: Params;
  /** The tasks this model can learn. */
  readonly tasks: readonly Task[];
  fit(X: Matrix, y: Target, options?: FitOptions): Promise<Fitted>;
}
