/**
 * Metrics of predicted probabilities. `proba` is column-major n × k (column c holds
 * every row's probability of class c).
 */
import type { Weights } from "./classification.js";

const EPSILON = 2.220446049250313e-16;

/** Mean negative log-likelihood of the true class; probabilities clipped to [ε, 1 − ε]. */
export function logLoss(yTrue: ArrayLike<number>, proba: Float64Array, weights?: Weights): number {
  const n = yTrue.length;
  let sum = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = Math.min(1 - EPSILON, Math.max(EPSILON, proba[yTrue[i] * n + i]));
    const w = weights ? weights[i] : 1;
    sum -= w * Math.log(p);
    total += w;
  }
  return sum / total;
}

/**
 * Brier score: for two classes the mean squared error of the positive class's
 * probability; for more, the mean over rows of the squared error summed over classes.
 */
export function brierScore(yTrue: ArrayLike<number>, proba: Float64Array, k: number, weights?: Weights): number {
  const n = yTrue.length;
  let sum = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    let err = 0;
    if (k === 2) {
      err = (proba[n + i] - (yTrue[i] === 1 ? 1 : 0)) ** 2;
    } else {
      for (let c = 0; c < k; c++) err += (proba[c * n + i] - (yTrue[i] === c ? 1 : 0)) ** 2;
    }
    sum += w * err;
    total += w;
  }
  return sum / total;
}
