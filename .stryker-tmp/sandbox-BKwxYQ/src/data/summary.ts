/**
 * Per-column summaries over typed arrays: missing count, distinct count, numeric range,
 * most frequent label. One pass per column, no per-row objects.
 */
// @ts-nocheck

import { type Column, MISSING_CODE } from "./column.js";

export interface ColumnSummary {
  readonly missing: number;
  readonly distinct: number;
  readonly min?: number;
  readonly max?: number;
  readonly mean?: number;
  /** Most frequent label of a category column and how often it occurs. */
  readonly top?: { readonly label: string; readonly count: number };
  /** For categories: how many present labels read as numbers (a numeric column with stray text). */
  readonly numericLabels?: number;
}

const NUMERIC_LABEL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function summarizeColumn(column: Column): ColumnSummary {
  if (column.type === "category") return summarizeCategory(column.codes, column.dictionary);
  const values = column.values;
  let missing = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      missing++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    seen.add(v);
  }
  const present = values.length - missing;
  return present === 0
    ? { missing, distinct: 0 }
    : { missing, distinct: seen.size, min, max, mean: sum / present };
}

export function categoryCounts(codes: Int32Array, size: number): { counts: Float64Array; missing: number } {
  const counts = new Float64Array(size);
  let missing = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code === MISSING_CODE) missing++;
    else counts[code]++;
  }
  return { counts, missing };
}

function summarizeCategory(codes: Int32Array, dictionary: readonly string[]): ColumnSummary {
  const { counts, missing } = categoryCounts(codes, dictionary.length);
  let distinct = 0;
  let topCode = -1;
  let numericLabels = 0;
  for (let code = 0; code < counts.length; code++) {
    if (counts[code] === 0) continue;
    distinct++;
    if (topCode < 0 || counts[code] > counts[topCode]) topCode = code;
    if (NUMERIC_LABEL.test(dictionary[code])) numericLabels += counts[code];
  }
  return {
    missing,
    distinct,
    numericLabels,
    ...(topCode >= 0 ? { top: { label: dictionary[topCode], count: counts[topCode] } } : {}),
  };
}
