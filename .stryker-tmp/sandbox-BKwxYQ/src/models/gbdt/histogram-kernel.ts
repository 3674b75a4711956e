/**
 * The histogram pass of gradient boosting in JavaScript, for data too large for the
 * WebAssembly kernels (see workspace.ts). Generated for a given number of features with
 * the features unrolled: each row's gradient, hessian and bins are read once and added to
 * every feature's histogram in straight-line code. V8 does not unroll a loop over a row's
 * few features, and that inner loop ran the pass about twice as slow. Generated only from
 * small integers (never from data), cached per feature count, as the logistic kernel is.
 *
 * Histogram layout: per feature, 256 bins × (Σg, Σh, count). Bins are row-major (a row's
 * bins side by side) and `gh` interleaves each row's gradient and hessian, so a row costs
 * one or two cache lines.
 */
// @ts-nocheck

import { BINS } from "./binning.js";

export type HistogramKernel = (histogram: Float64Array, binned: Uint8Array, gh: Float32Array, indices: Int32Array, start: number, end: number) => void;

const MAX_UNROLLED_FEATURES = 32;

const kernels = new Map<number, HistogramKernel>();

/** Adds the rows indices[start, end) to `histogram`. */
export function histogramKernel(cols: number): HistogramKernel {
  if (cols > MAX_UNROLLED_FEATURES) return addRowsAnyWidth;
  let kernel = kernels.get(cols);
  if (!kernel) {
    const features = Array.from(
      { length: cols },
      (_, j) => `slot = ${j * BINS * 3} + binned[base + ${j}] * 3; histogram[slot] += g; histogram[slot + 1] += h; histogram[slot + 2] += 1;`,
    ).join("\n");
    const body = `
      let slot = 0;
      for (let i = start; i < end; i++) {
        const row = indices[i];
        const g = gh[2 * row];
        const h = gh[2 * row + 1];
        const base = row * ${cols};
        ${features}
      }`;
    kernel = new Function("histogram", "binned", "gh", "indices", "start", "end", body) as HistogramKernel;
    kernels.set(cols, kernel);
  }
  return kernel;
}

/** Any number of features: the loop over a row's features stays a loop. */
function addRowsAnyWidth(histogram: Float64Array, binned: Uint8Array, gh: Float32Array, indices: Int32Array, start: number, end: number): void {
  const cols = histogram.length / (BINS * 3);
  for (let i = start; i < end; i++) {
    const row = indices[i];
    const g = gh[2 * row];
    const h = gh[2 * row + 1];
    for (let j = 0, base = row * cols, offset = 0; j < cols; j++, base++, offset += BINS * 3) {
      const slot = offset + binned[base] * 3;
      histogram[slot] += g;
      histogram[slot + 1] += h;
      histogram[slot + 2] += 1;
    }
  }
}
