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

/**
 * A bootstrap interval for a large sample at the cost of a small one: the percentile
 * bootstrap's deviations on a random subsample of `maxRows` rows, scaled by √(m/n)
 * around the full sample's value `full`, since the spread of a √n-consistent statistic
 * (a mean error, an RMSE, an F1) shrinks as 1/√n. Up to `maxRows` rows it is the plain
 * bootstrap. `statistic` receives row indices into the full sample, as in `bootstrap`.
 */
export function subsampledBootstrap(n: number, statistic: (rows: Int32Array) => number, full: number, options: BootstrapOptions & { readonly maxRows?: number }): Interval {
  const m = options.maxRows ?? 20_000;
  if (n <= m) return bootstrap(n, statistic, options);
  const random = new Random(options.seed);
  // A partial Fisher–Yates shuffle: the first m entries are a uniform sample without replacement.
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < m; i++) {
    const j = i + random.int(n - i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const sample = order.slice(0, m);
  const onSample = statistic(sample);
  const composed = new Int32Array(m);
  const inner = bootstrap(
    m,
    (rows) => {
      for (let i = 0; i < m; i++) composed[i] = sample[rows[i]];
      return statistic(composed);
    },
    { ...options, seed: options.seed + 1 },
  );
  const shrink = Math.sqrt(m / n);
  return { low: full - (onSample - inner.low) * shrink, high: full + (inner.high - onSample) * shrink, confidence: inner.confidence };
}

/**
 * Bootstrap draws as counts (how often each row was drawn), a few draws side by side:
 * `counts[row * width + j]` is row's count in the block's j-th draw. Metrics that walk
 * the rows in their own order (ROC AUC in score order) then read one short run of memory
 * per row for all the block's draws, instead of one scattered read per row and draw.
 */
export interface CountBlock {
  readonly counts: Uint16Array;
  readonly width: number;
}

/** The same draws as drawing `random.int(n)` n times per resample, in blocks of `width` draws. */
export function bootstrapCounts(n: number, resamples: number, random: Random, width = 8): CountBlock[] {
  const blocks: CountBlock[] = [];
  // Each draw is counted in a small array of its own (scattered increments stay in cache), then interleaved.
  const draw = new Uint16Array(n);
  for (let start = 0; start < resamples; start += width) {
    const w = Math.min(width, resamples - start);
    const counts = new Uint16Array(n * w);
    for (let j = 0; j < w; j++) {
      draw.fill(0);
      for (let i = 0; i < n; i++) draw[random.int(n)]++;
      for (let i = 0; i < n; i++) counts[i * w + j] = draw[i];
    }
    blocks.push({ counts, width: w });
  }
  return blocks;
}

/** Each draw's counts on its own, in draw order. */
export function drawsOf(blocks: readonly CountBlock[]): Uint16Array[] {
  return blocks.flatMap(({ counts, width }) => Array.from({ length: width }, (_, j) => Uint16Array.from({ length: counts.length / width }, (_, row) => counts[row * width + j])));
}

/** The row indices a draw's counts stand for, ascending, each repeated as often as it was drawn. */
export function countedRows(counts: ArrayLike<number>): Int32Array {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  const rows = new Int32Array(total);
  for (let i = 0, r = 0; i < counts.length; i++) for (let c = 0; c < counts[i]; c++) rows[r++] = i;
  return rows;
}

/** The value with the 95% (or `confidence`) percentile interval of its finite resampled values. */
export function percentileInterval(value: number, draws: ArrayLike<number>, confidence = 0.95): { value: number; low: number; high: number } {
  const sorted = Float64Array.from(Array.prototype.filter.call(draws, (v: number) => Number.isFinite(v)) as number[]).sort();
  const alpha = (1 - confidence) / 2;
  return { value, low: quantileSorted(sorted, alpha), high: quantileSorted(sorted, 1 - alpha) };
}
