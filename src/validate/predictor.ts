/**
 * What the validation engine fits and scores: anything that learns from a Dataset and
 * predicts for one (a Pipeline, a hand-written heuristic, a baseline), and the fitted
 * object it returns.
 */
import type { Dataset } from "../data/dataset.js";
import { argmaxRows, type Matrix } from "../data/matrix.js";
import type { Pipeline } from "../features/pipeline.js";
import type { Target } from "../models/contract.js";
import type { Predictions } from "../metrics/registry.js";

export interface Predictor {
  readonly name: string;
  fit(data: Dataset, target: string): Promise<FittedPredictor>;
  /** Set when fitting is exactly `pipeline.fit`: the pool of worker threads can then rebuild it from its spec (src/validate/pool.ts). */
  readonly pipeline?: Pipeline;
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
  return { name: pipeline.model.model, fit: (data, target) => pipeline.fit(data, target), pipeline };
}

export function predict(fitted: FittedPredictor, test: Dataset, withProba: boolean): Predictions {
  if (fitted.task === "regression") return { values: fitted.predict(test) as Float64Array };
  if (!withProba) return { labels: fitted.predict(test) as Int32Array };
  const proba = fitted.predictProba(test);
  return { labels: argmaxRows(proba), proba };
}
