/**
 * Mean, variance and standard deviation with one rule for missing values: NaN is
 * skipped (d3-array's rule). Two passes (mean, then squared deviations) keep the
 * variance exact for data far from zero, as Welford's update does, without a division
 * per value. `ddof` is numpy's: 1 for the sample variance (the default), 0 for the
 * population variance. Fewer than `ddof + 1` values give NaN.
 */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) {
      sum += v;
      n++;
    }
  }
  return n === 0 ? NaN : sum / n;
}

export function variance(values: ArrayLike<number>, ddof = 1): number {
  const m = mean(values);
  let squares = 0;
  let compensation = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    const d = v - m;
    squares += d * d;
    compensation += d;
    n++;
  }
  if (n - ddof <= 0) return NaN;
  // The compensation term removes the rounding left in the mean (the corrected two-pass algorithm).
  return (squares - (compensation * compensation) / n) / (n - ddof);
}

/** The sample standard deviation (ddof 1), as pandas' `std()` and d3's `deviation`. */
export function sampleStd(values: ArrayLike<number>): number {
  return Math.sqrt(variance(values, 1));
}

/** The population standard deviation (ddof 0), as numpy's `std()`. */
export function populationStd(values: ArrayLike<number>): number {
  return Math.sqrt(variance(values, 0));
}
