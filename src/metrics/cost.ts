import { confusionMatrix, type Weights } from "./classification.js";

/**
 * The business view of errors: `costs[t][p]` is what predicting class p costs when
 * the truth is t (0 on the diagonal for a plain error cost). Returns the mean cost per
 * row, so models evaluated on different row counts compare directly.
 */
export function meanCost(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, costs: readonly (readonly number[])[], weights?: Weights): number {
  const k = costs.length;
  const cm = confusionMatrix(yTrue, yPred, k, weights);
  let cost = 0;
  let total = 0;
  for (let t = 0; t < k; t++) {
    for (let p = 0; p < k; p++) {
      cost += cm[t * k + p] * costs[t][p];
      total += cm[t * k + p];
    }
  }
  return cost / total;
}
