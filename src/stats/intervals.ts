/**
 * Confidence intervals: Wilson's score interval for a proportion, and a seeded
 * percentile bootstrap for any metric computed from row indices.
 */
import { normalQuantile } from "./normal.js";
import { Random } from "../util/random.js";

export interface Interval {
  readonly low: number;
  readonly high: number;
  readonly confidence: number;
}

export function wilson(successes: number, n: number, confidence = 0.95): Interval {
  if (n <= 0) return { low: NaN, high: NaN, confidence };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / n;
  const denominator = 1 + (z * z) / n;
  const center = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return { low: Math.max(0, center - half), high: Math.min(1, center + half), confidence };
}

export interface BootstrapOptions {
  readonly seed: number;
  readonly resamples?: number;
  readonly confidence?: number;
}

/**
 * Resamples the n rows with replacement `resamples` times, computes `statistic` on each
 * resample's row indices, and returns the percentile interval. NaN statistics (for
 * example an AUC on a resample with one class) are dropped.
 */
export function bootstrap(n: number, statistic: (rows: Int32Array) => number, options: BootstrapOptions): Interval & { readonly values: Float64Array } {
  const resamples = options.resamples ?? 1000;
  const confidence = options.confidence ?? 0.95;
  const random = new Random(options.seed);
  const rows = new Int32Array(n);
  const values = new Float64Array(resamples);
  let kept = 0;
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) rows[i] = random.int(n);
    const value = statistic(rows);
    if (!Number.isNaN(value)) values[kept++] = value;
  }
  const sorted = values.subarray(0, kept).sort();
  const alpha = (1 - confidence) / 2;
  return { low: quantileSorted(sorted, alpha), high: quantileSorted(sorted, 1 - alpha), confidence, values: sorted };
}

/** Linear interpolation between order statistics (numpy's default "linear" method). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}
