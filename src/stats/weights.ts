/**
 * Survey weights: raking (iterative proportional fitting) of row weights to known
 * marginal shares, which is post-stratification when there is one margin, and Kish's
 * effective sample size of a set of weights.
 */

export interface Raked {
  /** One weight per row, averaging 1 over the rows that take part (rows in a category targeted 0 get 0). */
  readonly weights: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** The largest gap between a weighted share and its target at the end. */
  readonly maxGap: number;
}

/**
 * Rakes weights so that, for each margin m, the weighted share of rows with code k is
 * `targets[m][k]` (targets of a margin sum to 1; codes run 0…levels − 1, and a row with a
 * negative code on any margin gets weight 0). Each pass scales every margin in turn; it
 * stops when every weighted share is within `tolerance` of its target. A category with a
 * target but no rows cannot be reached: give it target 0 (and rescale the others).
 */
export function rake(codes: readonly Int32Array[], targets: readonly ArrayLike<number>[], options: { maxIterations?: number; tolerance?: number } = {}): Raked {
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-10;
  const n = codes.length > 0 ? codes[0].length : 0;
  const weights = new Float64Array(n).fill(1);
  for (const margin of codes) for (let r = 0; r < n; r++) if (margin[r] < 0) weights[r] = 0;
  let iterations = 0;
  let maxGap = Infinity;
  while (iterations < maxIterations) {
    iterations++;
    codes.forEach((margin, m) => {
      const sums = weightedSums(margin, weights, targets[m].length);
      const total = sums.reduce((a, b) => a + b, 0);
      const factors = Float64Array.from(sums, (s, k) => (s > 0 ? (targets[m][k] * total) / s : 0));
      for (let r = 0; r < n; r++) if (margin[r] >= 0) weights[r] *= factors[margin[r]];
    });
    maxGap = 0;
    codes.forEach((margin, m) => {
      const sums = weightedSums(margin, weights, targets[m].length);
      const total = sums.reduce((a, b) => a + b, 0);
      sums.forEach((s, k) => {
        if (s > 0 || targets[m][k] > 0) maxGap = Math.max(maxGap, Math.abs(s / total - targets[m][k]));
      });
    });
    if (maxGap <= tolerance) break;
  }
  let sum = 0;
  let taking = 0;
  for (const w of weights) {
    sum += w;
    if (w > 0) taking++;
  }
  if (sum > 0) for (let r = 0; r < n; r++) weights[r] *= taking / sum;
  return { weights, iterations, converged: maxGap <= tolerance, maxGap };
}

function weightedSums(margin: Int32Array, weights: Float64Array, levels: number): Float64Array {
  const sums = new Float64Array(levels);
  for (let r = 0; r < margin.length; r++) if (margin[r] >= 0) sums[margin[r]] += weights[r];
  return sums;
}

/** Kish's effective sample size (Σw)² / Σw²: how many unweighted rows the weighted ones are worth. */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  let sum = 0;
  let squares = 0;
  for (let r = 0; r < weights.length; r++) {
    sum += weights[r];
    squares += weights[r] * weights[r];
  }
  return squares > 0 ? (sum * sum) / squares : 0;
}
