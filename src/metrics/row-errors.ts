/**
 * Each row's error, for analyses that look at where a model fails: 1 for a wrong class
 * and 0 for a right one, or the absolute difference for numbers.
 */
import type { Target } from "../models/contract.js";
import type { Predictions } from "./registry.js";

export function rowErrors(truth: Target, predictions: Predictions): Float64Array {
  if (truth.kind === "classification") {
    const labels = predictions.labels!;
    return Float64Array.from(truth.codes, (code, i) => (code === labels[i] ? 0 : 1));
  }
  const values = predictions.values!;
  return Float64Array.from(truth.values, (value, i) => Math.abs(value - values[i]));
}
