/**
 * The mean of a few repeated measurements (one per seed, one per fold) with Student's
 * t-interval: mean ± t(1 − α/2, n − 1) · s / √n, s the sample standard deviation. NaN
 * values are skipped (the summary.ts rule); fewer than two values give a NaN interval.
 */
import { tQuantile } from "./slope.js";
import { mean, sampleStd } from "./summary.js";

export interface MeanInterval {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  /** The values counted (NaN skipped). */
  readonly n: number;
}

export function tInterval(values: ArrayLike<number>, confidence = 0.95): MeanInterval {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) n++;
  const m = mean(values);
  if (n < 2) return { mean: m, low: NaN, high: NaN, n };
  const half = (tQuantile(1 - (1 - confidence) / 2, n - 1) * sampleStd(values)) / Math.sqrt(n);
  return { mean: m, low: m - half, high: m + half, n };
}
