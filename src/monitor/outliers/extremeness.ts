/**
 * How extreme each row is against what the bulk of the data predicts: the squared
 * Mahalanobis distance under a robust Gaussian fit (classical mean and covariance, then
 * twice re-estimated from the rows within the 97.5% χ² quantile, with the consistency
 * factor of a truncated normal: Croux and Haesbroeck's one-step reweighting), referred to
 * χ² with as many degrees of freedom as the covariance's rank. The tail probability is
 * Bonferroni-corrected over the rows, so among n clean Gaussian rows the chance that any
 * row counts as extreme is about 5%, while a row 8 standard deviations out is far past it.
 */
import type { Matrix } from "../../data/matrix.js";
import { chiSquaredSurvival, gammaP } from "../../stats/special.js";
import { symmetricEigen } from "./pca.js";

export interface Extremeness {
  /** Each row's squared robust Mahalanobis distance. */
  readonly distance: Float64Array;
  /** Each row's χ² tail probability, times the number of rows (capped at 1). */
  readonly adjustedPValue: Float64Array;
  /** The χ² degrees of freedom (the rank of the covariance). */
  readonly df: number;
}

/** P(χ²_df ≤ x). */
const chiSquaredCdf = (x: number, df: number) => gammaP(df / 2, x / 2);

/** The χ² quantile by bisection on the survival function. */
function chiSquaredQuantile(p: number, df: number): number {
  let lo = 0;
  let hi = df + 100 * Math.sqrt(2 * df) + 100;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (chiSquaredCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function fit(X: Matrix, keep: Uint8Array, inflate: number): { means: Float64Array; values: Float64Array; vectors: Float64Array; rank: number } {
  const { rows: n, cols: p, data } = X;
  let kept = 0;
  for (const k of keep) kept += k;
  const means = new Float64Array(p);
  for (let c = 0; c < p; c++) {
    let sum = 0;
    for (let r = 0; r < n; r++) if (keep[r]) sum += data[c * n + r];
    means[c] = sum / kept;
  }
  const covariance = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let sum = 0;
      for (let r = 0; r < n; r++) if (keep[r]) sum += (data[i * n + r] - means[i]) * (data[j * n + r] - means[j]);
      covariance[i * p + j] = covariance[j * p + i] = (inflate * sum) / Math.max(1, kept - 1);
    }
  }
  const { values, vectors } = symmetricEigen(covariance, p);
  // Directions without variance (a one-hot set summing to one, a constant) carry no distance.
  const rank = values.filter((v) => v > 1e-9 * Math.max(values[0], 1e-300)).length;
  return { means, values, vectors, rank };
}

function distances(X: Matrix, model: ReturnType<typeof fit>): Float64Array {
  const { rows: n, cols: p, data } = X;
  const { means, values, vectors, rank } = model;
  const out = new Float64Array(n);
  const centred = new Float64Array(p);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < p; c++) centred[c] = data[c * n + r] - means[c];
    let d2 = 0;
    for (let k = 0; k < rank; k++) {
      let dot = 0;
      for (let c = 0; c < p; c++) dot += centred[c] * vectors[c * p + k];
      d2 += (dot * dot) / values[k];
    }
    out[r] = d2;
  }
  return out;
}

export function extremeness(X: Matrix, reweightings = 2): Extremeness {
  const n = X.rows;
  let keep = new Uint8Array(n).fill(1);
  let model = fit(X, keep, 1);
  let d2 = distances(X, model);
  for (let step = 0; step < reweightings && model.rank > 0; step++) {
    const cut = chiSquaredQuantile(0.975, model.rank);
    const next = Uint8Array.from(d2, (d) => (d <= cut ? 1 : 0));
    // Too few rows inside would make the fit the outliers' own: keep the previous one.
    if (next.reduce((a, b) => a + b, 0) < n / 2) break;
    // A normal truncated at the 97.5% quantile has a smaller covariance by this factor.
    const factor = 0.975 / chiSquaredCdf(cut, model.rank + 2);
    keep = next;
    model = fit(X, keep, factor);
    d2 = distances(X, model);
  }
  const df = model.rank;
  const adjustedPValue = Float64Array.from(d2, (d) => (df > 0 ? Math.min(1, n * chiSquaredSurvival(d, df)) : 1));
  return { distance: d2, adjustedPValue, df };
}
