/** Regression metrics with optional sample weights, as scikit-learn defines them. */
import type { Weights } from "./classification.js";

function weightedMean(n: number, term: (i: number) => number, weights?: Weights): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    sum += w * term(i);
    total += w;
  }
  return sum / total;
}

export function meanAbsoluteError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, weights?: Weights): number {
  return weightedMean(yTrue.length, (i) => Math.abs(yTrue[i] - yPred[i]), weights);
}

export function rootMeanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, weights?: Weights): number {
  return Math.sqrt(weightedMean(yTrue.length, (i) => (yTrue[i] - yPred[i]) ** 2, weights));
}

/** Mean absolute percentage error as a fraction (0.1 = 10%); |y| below machine epsilon is treated as epsilon. */
export function meanAbsolutePercentageError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, weights?: Weights): number {
  const epsilon = 2.220446049250313e-16;
  return weightedMean(yTrue.length, (i) => Math.abs(yTrue[i] - yPred[i]) / Math.max(Math.abs(yTrue[i]), epsilon), weights);
}

/** Coefficient of determination; a constant truth gives 1 when predicted exactly, else 0. */
export function r2Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, weights?: Weights): number {
  const mean = weightedMean(yTrue.length, (i) => yTrue[i], weights);
  const residual = weightedMean(yTrue.length, (i) => (yTrue[i] - yPred[i]) ** 2, weights);
  const total = weightedMean(yTrue.length, (i) => (yTrue[i] - mean) ** 2, weights);
  if (total === 0) return residual === 0 ? 1 : 0;
  return 1 - residual / total;
}
