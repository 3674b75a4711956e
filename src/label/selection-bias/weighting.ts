/**
 * Weights that bring the sample's shares to the population's on the compared columns:
 * post-stratification on one column, raking (iterative proportional fitting) on the
 * margins of several. A category the sample has no row of cannot be weighted up, so its
 * population share is left out of the targets (the others rescaled), and it is reported
 * as uncovered instead. Rows whose value the population never takes get weight 0.
 */
import { effectiveSampleSize, rake } from "../../stats/weights.js";
import type { Categorised } from "./shares.js";
import type { Weighting } from "./types.js";

export interface WeightingInput {
  readonly column: string;
  readonly categorised: Categorised;
  readonly sampleCounts: Float64Array;
  readonly populationShares: Float64Array;
}

export function reweight(columns: readonly WeightingInput[]): { weighting: Weighting; weights: Float64Array; weightedShares: Float64Array[] } {
  const targets = columns.map(({ sampleCounts, populationShares }) => {
    const covered = Float64Array.from(populationShares, (p, k) => (sampleCounts[k] > 0 ? p : 0));
    const total = covered.reduce((a, b) => a + b, 0);
    return covered.map((p) => (total > 0 ? p / total : 0));
  });
  const codes = columns.map((c) => c.categorised.sample);
  const raked = rake(codes, targets);
  const { weights } = raked;
  let minWeight = Infinity;
  let maxWeight = 0;
  let zeroRows = 0;
  for (const w of weights) {
    if (w === 0) zeroRows++;
    else minWeight = Math.min(minWeight, w);
    maxWeight = Math.max(maxWeight, w);
  }
  const weightedShares = columns.map((c) => {
    const sums = new Float64Array(c.categorised.labels.length);
    let total = 0;
    c.categorised.sample.forEach((code, r) => {
      if (code >= 0) sums[code] += weights[r];
      total += code >= 0 ? weights[r] : 0;
    });
    return sums.map((s) => s / total);
  });
  const factors = columns.flatMap((c, m) => {
    const sums = new Float64Array(c.categorised.labels.length);
    c.categorised.sample.forEach((code, r) => code >= 0 && (sums[code] += weights[r]));
    return c.categorised.labels.flatMap((category, k) => (c.sampleCounts[k] > 0 ? [{ column: columns[m].column, category, weight: sums[k] / c.sampleCounts[k] }] : []));
  });
  return {
    weighting: {
      method: columns.length === 1 ? "post-stratification" : "raking",
      columns: columns.map((c) => c.column),
      iterations: raked.iterations,
      converged: raked.converged,
      effectiveSize: effectiveSampleSize(weights),
      rows: weights.length,
      minWeight: minWeight === Infinity ? 0 : minWeight,
      maxWeight,
      zeroRows,
      factors,
    },
    weights,
    weightedShares,
  };
}
