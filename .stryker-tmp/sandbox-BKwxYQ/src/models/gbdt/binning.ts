/**
 * Feature binning for histogram boosting: each feature's values map to at most maxBins
 * ordered bins (1 byte per value), with bin `maxBins` reserved for missing values.
 * Thresholds are midpoints between distinct values when there are few, otherwise
 * midpoint percentiles of (at most 200,000 sampled) values, as scikit-learn bins them.
 */
// @ts-nocheck

import type { Matrix } from "../../data/matrix.js";
import { Random } from "../../util/random.js";

export interface Binning {
  /** Per feature, ascending thresholds: bin b holds values in (t[b−1], t[b]]. */
  readonly thresholds: readonly Float64Array[];
  readonly missingBin: number;
}

/** Histogram slots per feature: at most 255 value bins, then the missing bin. */
export const BINS = 256;
const SAMPLE = 200_000;

export function fitBinning(X: Matrix, maxBins: number, seed: number): Binning {
  const { rows, cols, data } = X;
  const random = new Random(seed);
  const sample = rows > SAMPLE ? random.permutation(rows).subarray(0, SAMPLE) : undefined;
  const thresholds: Float64Array[] = [];
  for (let j = 0; j < cols; j++) {
    const base = j * rows;
    const count = sample ? sample.length : rows;
    const values = new Float64Array(count);
    let present = 0;
    for (let i = 0; i < count; i++) {
      const v = data[base + (sample ? sample[i] : i)];
      if (!Number.isNaN(v)) values[present++] = v;
    }
    const sorted = values.subarray(0, present).sort();
    const distinct: number[] = [];
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
    if (distinct.length <= maxBins) {
      thresholds.push(Float64Array.from(distinct.slice(0, -1), (v, i) => (v + distinct[i + 1]) / 2));
      continue;
    }
    const cuts: number[] = [];
    for (let q = 1; q < maxBins; q++) {
      // numpy's "midpoint" percentile: the mean of the two order statistics around the rank.
      const position = ((sorted.length - 1) * q) / maxBins;
      const cut = (sorted[Math.floor(position)] + sorted[Math.ceil(position)]) / 2;
      if (cuts.length === 0 || cut > cuts[cuts.length - 1]) cuts.push(cut);
    }
    thresholds.push(Float64Array.from(cuts));
  }
  return { thresholds, missingBin: maxBins };
}

/**
 * Bins every value, the missing bin for NaN, into `into`: one array per feature (for
 * partitions, which read one feature of many rows) and row-major bytes (a row's bins side
 * by side, for histograms, which read every feature of a row).
 */
export function applyBinning(X: Matrix, binning: Binning, into: { readonly columns: readonly Uint8Array[]; readonly rowMajor: Uint8Array }): void {
  const { rows, cols, data } = X;
  for (let j = 0; j < cols; j++) {
    const t = binning.thresholds[j];
    const column = into.columns[j];
    const base = j * rows;
    for (let i = 0; i < rows; i++) {
      const v = data[base + i];
      if (Number.isNaN(v)) {
        column[i] = binning.missingBin;
        continue;
      }
      let lo = 0;
      let hi = t.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (t[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      column[i] = lo;
    }
    for (let i = 0, at = j; i < rows; i++, at += cols) into.rowMajor[at] = column[i];
  }
}
