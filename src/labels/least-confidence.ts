/**
 * The labelling session's default pick: the rows the model is least sure of (lowest top
 * class probability), ties by row order; before any model, a seeded random sample (a
 * cold start has nothing better to go on). A stand-in for `nextToLabel` from
 * src/labels/active-learning/, which takes its place as the default when both have landed.
 */
import type { Dataset } from "../data/dataset.js";
import { Random } from "../util/random.js";
import type { FittedPredictor } from "../validate/predictor.js";

export function leastConfidence(model: FittedPredictor | undefined, unlabelled: Dataset, batch: number, seed = 0): Int32Array {
  const n = unlabelled.nRows;
  const size = Math.min(batch, n);
  if (model === undefined) return new Random(seed).permutation(n).subarray(0, size).slice().sort();
  const proba = model.predictProba(unlabelled);
  const confidence = new Float64Array(n).fill(-Infinity);
  for (let c = 0; c < proba.cols; c++) {
    for (let r = 0; r < n; r++) confidence[r] = Math.max(confidence[r], proba.data[c * n + r]);
  }
  const order = Int32Array.from({ length: n }, (_, r) => r);
  order.sort((a, b) => confidence[a] - confidence[b] || a - b);
  return order.subarray(0, size).slice();
}
