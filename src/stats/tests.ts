import { chiSquaredSurvival, studentTTwoSided } from "./special.js";
import { normalCdf } from "./normal.js";

export interface TestResult {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
}

/**
 * Pearson's chi-squared test of independence on an r × c contingency table (row-major),
 * without continuity correction (scipy.stats.chi2_contingency(correction=False)).
 * Rows or columns that are all zero carry no information and are dropped.
 */
export function chiSquaredIndependence(counts: ArrayLike<number>, rows: number, cols: number): TestResult {
  const rowSum = new Float64Array(rows);
  const colSum = new Float64Array(cols);
  let total = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = counts[r * cols + c];
      rowSum[r] += v;
      colSum[c] += v;
      total += v;
    }
  }
  let statistic = 0;
  for (let r = 0; r < rows; r++) {
    if (rowSum[r] === 0) continue;
    for (let c = 0; c < cols; c++) {
      if (colSum[c] === 0) continue;
      const expected = (rowSum[r] * colSum[c]) / total;
      const diff = counts[r * cols + c] - expected;
      statistic += (diff * diff) / expected;
    }
  }
  const liveRows = rowSum.filter((v) => v > 0).length;
  const liveCols = colSum.filter((v) => v > 0).length;
  const df = (liveRows - 1) * (liveCols - 1);
  return { statistic, df, pValue: df > 0 ? chiSquaredSurvival(statistic, df) : 1 };
}

/**
 * Pearson's chi-squared goodness-of-fit test of observed counts against expected counts
 * (scipy.stats.chisquare(observed, expected), ddof 0): df is the number of cells − 1.
 * The expected counts should sum to the observed total; cells expected 0 are skipped.
 */
export function chiSquaredGoodnessOfFit(observed: ArrayLike<number>, expected: ArrayLike<number>): TestResult {
  let statistic = 0;
  let cells = 0;
  for (let k = 0; k < observed.length; k++) {
    if (!(expected[k] > 0)) continue;
    const diff = observed[k] - expected[k];
    statistic += (diff * diff) / expected[k];
    cells++;
  }
  const df = cells - 1;
  return { statistic, df, pValue: df > 0 ? chiSquaredSurvival(statistic, df) : NaN };
}

/** Welch's unequal-variance t-test (scipy.stats.ttest_ind(equal_var=False)). */
export function welchTTest(a: ArrayLike<number>, b: ArrayLike<number>): TestResult {
  const sa = meanVariance(a);
  const sb = meanVariance(b);
  const va = sa.variance / a.length;
  const vb = sb.variance / b.length;
  const se = Math.sqrt(va + vb);
  if (!(se > 0)) return { statistic: NaN, df: NaN, pValue: NaN };
  const statistic = (sa.mean - sb.mean) / se;
  const df = (va + vb) ** 2 / ((va * va) / (a.length - 1) + (vb * vb) / (b.length - 1));
  return { statistic, df, pValue: studentTTwoSided(statistic, df) };
}

/** Welford's one-pass mean and sample variance (n − 1 denominator). */
export function meanVariance(values: ArrayLike<number>): { mean: number; variance: number } {
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const delta = values[i] - mean;
    mean += delta / (i + 1);
    m2 += delta * (values[i] - mean);
  }
  return { mean, variance: values.length > 1 ? m2 / (values.length - 1) : NaN };
}

/**
 * Two-sided p-value of the two-proportion z-test with a pooled variance: share1 of n1
 * rows against share2 of n2 (n may be an effective size, for weighted rows). NaN when a
 * side is empty; 1 when both shares are 0 or both are 1.
 */
export function twoProportionP(share1: number, n1: number, share2: number, n2: number): number {
  if (!(n1 > 0) || !(n2 > 0)) return NaN;
  const p = (share1 * n1 + share2 * n2) / (n1 + n2);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return 1;
  return 2 * normalCdf(-Math.abs(share1 - share2) / se);
}
