// @ts-nocheck
import { describe, expect, it } from "vitest";
import { BINS } from "../../src/models/gbdt/binning.js";
import { histogramKernel } from "../../src/models/gbdt/histogram-kernel.js";
import { Random } from "../../src/util/random.js";

/** The straightforward histogram: for each listed row and feature, add (g, h, 1) to its bin. */
function straightforward(cols: number, binned: Uint8Array, gh: Float32Array, rows: Int32Array): Float64Array {
  const histogram = new Float64Array(cols * BINS * 3);
  for (const row of rows) {
    for (let j = 0; j < cols; j++) {
      const slot = (j * BINS + binned[row * cols + j]) * 3;
      histogram[slot] += gh[2 * row];
      histogram[slot + 1] += gh[2 * row + 1];
      histogram[slot + 2] += 1;
    }
  }
  return histogram;
}

describe("GBDT histogram kernels", () => {
  // 1–32 features use generated, unrolled kernels; wider data the general loop.
  for (const cols of [1, 2, 5, 32, 33, 40]) {
    it(`${cols} feature(s): the same sums as the straightforward loop, over any slice of the row list`, () => {
      const random = new Random(cols);
      const rows = 500;
      const binned = Uint8Array.from({ length: rows * cols }, () => random.int(BINS));
      const gh = Float32Array.from({ length: 2 * rows }, () => random.normal());
      const indices = Int32Array.from(random.permutation(rows));
      const histogram = new Float64Array(cols * BINS * 3);
      histogramKernel(cols)(histogram, binned, gh, indices, 100, 400);
      expect([...histogram]).toEqual([...straightforward(cols, binned, gh, indices.subarray(100, 400))]);
    });
  }
});
