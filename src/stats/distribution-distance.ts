/**
 * Distances between two samples' distributions, from sorted values or category counts:
 * the two-sample Kolmogorov–Smirnov statistic with the Kolmogorov limiting distribution
 * (Stephens' small-sample correction), the Wasserstein-1 distance (area between the two
 * empirical CDFs), the Jensen–Shannon distance in base 2 with the distance two samples of
 * one distribution show by chance, and the population stability index.
 */
import type { Random } from "../util/random.js";

/** max |F_a(x) − F_b(x)| over the pooled values; both inputs sorted ascending, no NaN. */
export function ksStatistic(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] <= b[j] ? a[i] : b[j];
    while (i < a.length && a[i] <= x) i++;
    while (j < b.length && b[j] <= x) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  return d;
}

/** P(K > λ) for the Kolmogorov distribution: 2 Σ (−1)^(k−1) e^(−2k²λ²). */
export function kolmogorovSurvival(lambda: number): number {
  if (lambda <= 0) return 1;
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = (k % 2 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-16) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/** Asymptotic two-sided p-value of the two-sample KS statistic (Stephens 1970 correction). */
export function ksPValue(d: number, n: number, m: number): number {
  const en = Math.sqrt((n * m) / (n + m));
  return kolmogorovSurvival((en + 0.12 + 0.11 / en) * d);
}

/** ∫ |F_a − F_b| dx for two sorted samples (scipy.stats.wasserstein_distance). */
export function wasserstein(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let area = 0;
  let previous = Math.min(a[0], b[0]);
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
    area += Math.abs(i / a.length - j / b.length) * (x - previous);
    previous = x;
    while (i < a.length && a[i] === x) i++;
    while (j < b.length && b[j] === x) j++;
  }
  return area;
}

/** √(JS divergence) in base 2, between two count vectors (normalised here). */
export function jensenShannon(p: ArrayLike<number>, q: ArrayLike<number>): number {
  return Math.sqrt(jensenShannonDivergence(p, q));
}

/** The Jensen–Shannon divergence in bits (scipy's jensenshannon(p, q, base=2) squared). */
export function jensenShannonDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const sp = sum(p);
  const sq = sum(q);
  let divergence = 0;
  for (let k = 0; k < p.length; k++) {
    const a = p[k] / sp;
    const b = q[k] / sq;
    const m = (a + b) / 2;
    if (a > 0) divergence += 0.5 * a * Math.log2(a / m);
    if (b > 0) divergence += 0.5 * b * Math.log2(b / m);
  }
  return Math.max(0, divergence);
}

/**
 * The mean Jensen–Shannon divergence (bits) between two samples of `n` and `m` rows of one
 * distribution over k categories, to first order: 8 ln 2 · nm/(n + m) · JSD is close to the
 * chi-squared statistic of the 2 × k table, whose mean is k − 1. Good when every category
 * has several rows; sparse categories need jensenShannonNull.
 */
export function jensenShannonBias(k: number, n: number, m: number): number {
  return ((k - 1) * (1 / n + 1 / m)) / (8 * Math.LN2);
}

/**
 * The mean Jensen–Shannon divergence (bits) that two samples of one distribution show by
 * chance, and its 99th percentile, by permutation: the two samples' category counts pooled
 * and dealt at random into samples of the two sizes, `permutations` times.
 */
export function jensenShannonNull(a: ArrayLike<number>, b: ArrayLike<number>, permutations: number, random: Random): { mean: number; q99: number } {
  const k = a.length;
  const pooled: number[] = [];
  let n = 0;
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < a[c] + b[c]; i++) pooled.push(c);
    n += a[c];
  }
  const codes = Int32Array.from(pooled);
  const total = new Float64Array(k);
  for (let c = 0; c < k; c++) total[c] = a[c] + b[c];
  // Deal the smaller side by a partial Fisher–Yates shuffle; the other side is the rest.
  const dealt = Math.min(n, codes.length - n);
  const first = new Float64Array(k);
  const rest = new Float64Array(k);
  const divergences = new Float64Array(permutations);
  for (let p = 0; p < permutations; p++) {
    first.fill(0);
    for (let i = 0; i < dealt; i++) {
      const j = i + random.int(codes.length - i);
      const code = codes[j];
      codes[j] = codes[i];
      codes[i] = code;
      first[code]++;
    }
    for (let c = 0; c < k; c++) rest[c] = total[c] - first[c];
    divergences[p] = jensenShannonDivergence(first, rest);
  }
  divergences.sort();
  let sum = 0;
  for (const d of divergences) sum += d;
  return { mean: sum / permutations, q99: divergences[Math.min(permutations - 1, Math.ceil(0.99 * permutations) - 1)] };
}

/** Population stability index Σ (c − r) ln(c / r) over bins, with empty bins floored at 1e-4. */
export function psi(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  const sr = sum(reference);
  const sc = sum(current);
  let total = 0;
  for (let k = 0; k < reference.length; k++) {
    const r = Math.max(1e-4, reference[k] / sr);
    const c = Math.max(1e-4, current[k] / sc);
    total += (c - r) * Math.log(c / r);
  }
  return total;
}

function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}
