/**
 * A paired difference between two models scored on the same folds: the mean of the
 * per-fold differences with Nadeau and Bengio's corrected resampled t interval (Machine
 * Learning 52, 2003). Folds share training rows, so their differences are correlated and
 * the plain t interval is too narrow; the correction widens the variance of the mean from
 * s²/k to (1/k + n_test/n_train)·s².
 */
import { tQuantile } from "./slope.js";
import { mean, sampleStd } from "./summary.js";

export interface PairedInterval {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  /** The corrected standard error of the mean difference. */
  readonly se: number;
  readonly df: number;
}

/** `testShare` is n_test / n_train, averaged over folds (1/(k−1) for k-fold). */
export function pairedFoldInterval(differences: ArrayLike<number>, testShare: number, confidence = 0.95): PairedInterval {
  const k = differences.length;
  const m = mean(differences);
  if (k < 2) return { mean: m, low: NaN, high: NaN, se: NaN, df: 0 };
  const sd = sampleStd(differences);
  const se = Math.sqrt((1 / k + testShare) * sd * sd);
  const half = tQuantile(1 - (1 - confidence) / 2, k - 1) * se;
  return { mean: m, low: m - half, high: m + half, se, df: k - 1 };
}

/** The t interval of a mean over folds (uncorrected), for showing how fold scores spread. */
export function foldMeanInterval(scores: ArrayLike<number>, confidence = 0.95): { low: number; high: number } {
  const k = scores.length;
  const m = mean(scores);
  if (k < 2) return { low: m, high: m };
  const half = (tQuantile(1 - (1 - confidence) / 2, k - 1) * sampleStd(scores)) / Math.sqrt(k);
  return { low: m - half, high: m + half };
}
