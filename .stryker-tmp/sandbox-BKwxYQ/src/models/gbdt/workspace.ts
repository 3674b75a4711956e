/**
 * Where a boosting fit keeps its per-row arrays, and the two loops that walk them: adding
 * rows to a histogram and partitioning a node's rows. The arrays live in one WebAssembly
 * memory so that the loops of kernels.wat can run over them, 2–3× faster than the same
 * loops in JavaScript; data too large for that memory gets plain typed arrays and the
 * JavaScript loops, with the same results.
 */
// @ts-nocheck

import { BINS } from "./binning.js";
import { histogramKernel } from "./histogram-kernel.js";
import { layOut } from "./wasm.js";

export interface Workspace {
  /** Row numbers, partitioned in place node by node. */
  readonly indices: Int32Array;
  /** Per feature, every row's bin. */
  readonly columns: readonly Uint8Array[];
  /** Every row's bins side by side (row-major). */
  readonly rowMajor: Uint8Array;
  /** Per class, every row's gradient and hessian side by side, in single precision. */
  readonly gh: readonly Float32Array[];
  /** Adds the rows indices[start, end) to `histogram` (per feature 256 bins × (Σg, Σh, count)), reading `gh`, one of this workspace's. */
  addRows(histogram: Float64Array, gh: Float32Array, start: number, end: number): void;
  /**
   * Stable partition of indices[start, end) by `goesLeft[bins[row]]` (`bins`: one of
   * `columns`), returning where the right side starts. Both sides keep their rows in
   * ascending order, so later passes over a node read memory forwards.
   */
  partition(bins: Uint8Array, goesLeft: Uint8Array, start: number, end: number): number;
}

export function createWorkspace(rows: number, cols: number, classes: number, engine: "wasm" | "js" = "wasm"): Workspace {
  const { offsets, instantiate } = layOut([
    cols * BINS * 3 * 8, // the histogram the kernel fills
    BINS, // the goes-left table of a split
    4 * rows, // indices
    4 * rows, // the partition's scratch
    ...Array<number>(classes).fill(8 * rows), // gradients and hessians, per class
    ...Array<number>(cols).fill(rows), // bins, per feature
    rows * cols, // bins, row-major
  ]);
  const wasm = engine === "wasm" ? instantiate() : undefined;
  if (!wasm) return jsWorkspace(rows, cols, classes);
  const { kernels, buffer } = wasm;
  const [histogramAt, goesLeftAt, indicesAt, scratchAt] = offsets;
  const histogram = new Float64Array(buffer, histogramAt, cols * BINS * 3);
  const goesLeftTable = new Uint8Array(buffer, goesLeftAt, BINS);
  const indices = new Int32Array(buffer, indicesAt, rows);
  const gh = offsets.slice(4, 4 + classes).map((at) => new Float32Array(buffer, at, 2 * rows));
  const columns = offsets.slice(4 + classes, 4 + classes + cols).map((at) => new Uint8Array(buffer, at, rows));
  const rowMajor = new Uint8Array(buffer, offsets[4 + classes + cols], rows * cols);
  return {
    indices,
    columns,
    rowMajor,
    gh,
    addRows(out, classGh, start, end) {
      histogram.fill(0);
      kernels.addRows(histogramAt, rowMajor.byteOffset, cols, classGh.byteOffset, indicesAt, start, end);
      out.set(histogram);
    },
    partition(bins, goesLeft, start, end) {
      goesLeftTable.set(goesLeft);
      return kernels.partition(indicesAt, scratchAt, bins.byteOffset, goesLeftAt, start, end);
    },
  };
}

function jsWorkspace(rows: number, cols: number, classes: number): Workspace {
  const indices = new Int32Array(rows);
  const scratch = new Int32Array(rows);
  const rowMajor = new Uint8Array(rows * cols);
  const addRows = histogramKernel(cols);
  return {
    indices,
    columns: Array.from({ length: cols }, () => new Uint8Array(rows)),
    rowMajor,
    gh: Array.from({ length: classes }, () => new Float32Array(2 * rows)),
    addRows: (histogram, gh, start, end) => addRows(histogram, rowMajor, gh, indices, start, end),
    partition: (bins, goesLeft, start, end) => partition(indices, scratch, bins, goesLeft, start, end),
  };
}

/** The JavaScript partition: each row is written to both buffers and one count advances, rather than branching on its side. */
function partition(indices: Int32Array, scratch: Int32Array, bins: Uint8Array, goesLeft: Uint8Array, start: number, end: number): number {
  let lo = start;
  let rightCount = 0;
  for (let i = start; i < end; i++) {
    const row = indices[i];
    const left = goesLeft[bins[row]];
    indices[lo] = row;
    scratch[rightCount] = row;
    lo += left;
    rightCount += 1 - left;
  }
  indices.set(scratch.subarray(0, rightCount), lo);
  return lo;
}
