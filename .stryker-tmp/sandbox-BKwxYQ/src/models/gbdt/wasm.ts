/**
 * The compiled kernels of kernels.wat, instantiated over a memory of a given size. Each
 * fit or prediction gets a memory of its own, so boosting calls that interleave (a fit
 * awaits between rounds) never share one.
 */
// @ts-nocheck

import { WASM_BASE64 } from "./kernels-wasm.js";

export interface Kernels {
  partition(indices: number, scratch: number, bins: number, goesLeft: number, start: number, end: number): number;
  addRows(histogram: number, binned: number, cols: number, gh: number, indices: number, start: number, end: number): void;
  addTrees(raw: number, x: number, cols: number, rows: number, feature: number, threshold: number, missingLeft: number, left: number, right: number, value: number, roots: number, count: number): void;
}

/** Beyond this, arrays go in ordinary memory and the JavaScript loops run (a 32-bit memory holds at most 4 GiB). */
const MAX_BYTES = 2 ** 31;
const PAGE = 65_536;

let compiled: WebAssembly.Module | undefined;

/**
 * Byte offsets for arrays of these sizes, each starting on an 8-byte boundary, and their
 * total; then the kernels over a memory that holds them, or undefined when it would be too large.
 */
export function layOut(sizes: readonly number[]): { offsets: number[]; instantiate(): { kernels: Kernels; buffer: ArrayBuffer } | undefined } {
  const offsets: number[] = [];
  let bytes = 0;
  for (const size of sizes) {
    offsets.push(bytes);
    bytes += Math.ceil(size / 8) * 8;
  }
  return {
    offsets,
    instantiate() {
      if (bytes > MAX_BYTES) return undefined;
      compiled ??= new WebAssembly.Module(Buffer.from(WASM_BASE64, "base64"));
      const pages = Math.max(1, Math.ceil(bytes / PAGE));
      const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
      const kernels = new WebAssembly.Instance(compiled, { env: { memory } }).exports as unknown as Kernels;
      return { kernels, buffer: memory.buffer };
    },
  };
}
