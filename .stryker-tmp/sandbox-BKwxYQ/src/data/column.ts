/**
 * Column storage. Numbers and dates live in Float64Array with NaN as the one missing
 * marker; categories are Int32Array codes into a dictionary with -1 as missing. No
 * per-row objects, so every kernel can loop over typed arrays.
 */
// @ts-nocheck

export type ColumnType = "number" | "category" | "date";

export interface NumberColumn {
  readonly type: "number";
  readonly values: Float64Array;
}

export interface CategoryColumn {
  readonly type: "category";
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

export interface DateColumn {
  readonly type: "date";
  /** Milliseconds since the epoch, NaN when missing. */
  readonly values: Float64Array;
}

export type Column = NumberColumn | CategoryColumn | DateColumn;

export const MISSING_CODE = -1;

export function columnLength(column: Column): number {
  return column.type === "category" ? column.codes.length : column.values.length;
}

export function isMissing(column: Column, row: number): boolean {
  return column.type === "category" ? column.codes[row] === MISSING_CODE : Number.isNaN(column.values[row]);
}

/** The value a person would read: a number, a category label, a Date, or null when missing. */
export function valueAt(column: Column, row: number): number | string | Date | null {
  switch (column.type) {
    case "number": {
      const v = column.values[row];
      return Number.isNaN(v) ? null : v;
    }
    case "category": {
      const code = column.codes[row];
      return code === MISSING_CODE ? null : column.dictionary[code];
    }
    case "date": {
      const v = column.values[row];
      return Number.isNaN(v) ? null : new Date(v);
    }
  }
}

/** A new column holding the given rows, in that order. */
export function takeRows(column: Column, rows: ArrayLike<number>): Column {
  const n = rows.length;
  if (column.type === "category") {
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) codes[i] = column.codes[rows[i]];
    return { type: "category", codes, dictionary: column.dictionary };
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = column.values[rows[i]];
  return { type: column.type, values };
}

/** Rows start to end − 1 as views on the same memory: columns are never written once built, so sharing is safe and free. */
export function sliceRows(column: Column, start: number, end: number): Column {
  return column.type === "category"
    ? { type: "category", codes: column.codes.subarray(start, end), dictionary: column.dictionary }
    : { type: column.type, values: column.values.subarray(start, end) };
}

/** Interns string labels into codes, in order of first appearance. */
export class CategoryBuilder {
  private readonly index = new Map<string, number>();
  readonly dictionary: string[] = [];

  code(label: string): number {
    let code = this.index.get(label);
    if (code === undefined) {
      code = this.dictionary.length;
      this.index.set(label, code);
      this.dictionary.push(label);
    }
    return code;
  }
}
