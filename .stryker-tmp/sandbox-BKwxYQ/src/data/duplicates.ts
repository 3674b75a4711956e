// @ts-nocheck
import { type Column } from "./column.js";

/**
 * Counts rows that repeat an earlier row exactly (missing equals missing). Rows are
 * hashed from their typed values; only rows whose hashes collide are compared cell by cell.
 */
export function countDuplicateRows(columns: readonly Column[], nRows: number): number {
  const hashes = new Float64Array(nRows);
  const scratch = new Float64Array(1);
  const bits = new Uint32Array(scratch.buffer);
  for (const column of columns) {
    for (let r = 0; r < nRows; r++) {
      let a: number;
      let b: number;
      if (column.type === "category") {
        a = column.codes[r];
        b = 0x9e3779b9;
      } else {
        scratch[0] = Number.isNaN(column.values[r]) ? NaN : column.values[r];
        a = bits[0];
        b = bits[1];
      }
      let h = Math.imul((hashes[r] >>> 0) ^ a, 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35);
      h ^= h >>> 13;
      hashes[r] = h >>> 0;
    }
  }
  const firstByHash = new Map<number, number[]>();
  let duplicates = 0;
  for (let r = 0; r < nRows; r++) {
    const candidates = firstByHash.get(hashes[r]);
    if (candidates === undefined) {
      firstByHash.set(hashes[r], [r]);
    } else if (candidates.some((other) => rowsEqual(columns, other, r))) {
      duplicates++;
    } else {
      candidates.push(r);
    }
  }
  return duplicates;
}

function rowsEqual(columns: readonly Column[], a: number, b: number): boolean {
  for (const column of columns) {
    if (column.type === "category") {
      if (column.codes[a] !== column.codes[b]) return false;
    } else {
      const x = column.values[a];
      const y = column.values[b];
      if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
    }
  }
  return true;
}
