/**
 * Row keys for finding copies: each row's values over some columns hashed to one number.
 * The exact key hashes the values themselves (missing equals missing); the near key first
 * rounds numbers and dates to a hundredth of their column's standard deviation, so rows that
 * differ only by noise share it. Two independent 32-bit hashes make a 52-bit key: among a
 * million rows the chance of any false match is about one in ten million.
 */
import type { Column } from "./column.js";
import { sampleStd } from "../stats/summary.js";

const NEAR_RESOLUTION = 0.01;

function mix(h: number, word: number, multiplier: number): number {
  h = Math.imul(h ^ word, multiplier);
  return (h ^ (h >>> 15)) >>> 0;
}

/** One column's values as keys: category codes, numbers as they are (NaN for missing), or rounded for near copies. */
export function columnKeys(column: Column, near: boolean): Float64Array {
  if (column.type === "category") return Float64Array.from(column.codes);
  const step = near ? NEAR_RESOLUTION * (sampleStd(column.values) || 0) : 0;
  if (step === 0) return Float64Array.from(column.values, (v) => (v === 0 ? 0 : v));
  return Float64Array.from(column.values, (v) => (v !== v ? NaN : Math.round(v / step)));
}

/** The keys of several columns combined into one key per row. */
export function combineKeys(keys: readonly Float64Array[], nRows: number): Float64Array {
  const low = new Uint32Array(nRows).fill(0x811c9dc5);
  const high = new Uint32Array(nRows).fill(0x01000193);
  const scratch = new Float64Array(1);
  const words = new Uint32Array(scratch.buffer);
  for (const column of keys) {
    for (let r = 0; r < nRows; r++) {
      const v = column[r];
      scratch[0] = v !== v ? NaN : v;
      low[r] = mix(mix(low[r], words[0], 0x85ebca6b), words[1], 0x27d4eb2f);
      high[r] = mix(mix(high[r], words[1], 0xc2b2ae35), words[0], 0x165667b1);
    }
  }
  return Float64Array.from(low, (l, r) => (high[r] & 0xfffff) * 0x100000000 + l);
}

export function rowKeys(columns: readonly Column[], nRows: number, near: boolean): Float64Array {
  return combineKeys(columns.map((c) => columnKeys(c, near)), nRows);
}
