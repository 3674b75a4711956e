/**
 * Type inference from plain JavaScript values (parsed JSON, CSV fields, arquero or
 * danfo arrays). One rule for missing values everywhere: null, undefined, NaN, the
 * empty string and the usual spreadsheet spellings of "not available" are missing.
 */
import { CategoryBuilder, type Column, MISSING_CODE } from "./column.js";

const MISSING_SPELLINGS = new Set(["", "na", "n/a", "nan", "null", "none", "-", "."]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function isMissingValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "number") return Number.isNaN(value);
  if (typeof value === "string") return MISSING_SPELLINGS.has(value.trim().toLowerCase());
  return false;
}

type Kind = "number" | "date" | "category";

function kindOf(value: unknown): Kind {
  if (typeof value === "number" || typeof value === "bigint") return "number";
  if (value instanceof Date) return "date";
  if (typeof value === "string") {
    const text = value.trim();
    if (NUMBER.test(text)) return "number";
    if (ISO_DATE.test(text) && !Number.isNaN(Date.parse(text))) return "date";
  }
  return "category";
}

/**
 * Builds a typed column from values. A column is numeric (or a date) only when every
 * present value is; one stray word makes it categorical, which the profile then reports.
 */
export function inferColumn(values: ArrayLike<unknown>): Column {
  const n = values.length;
  let kind: Kind | undefined;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (isMissingValue(v)) continue;
    const k = kindOf(v);
    if (kind === undefined) kind = k;
    else if (kind !== k) {
      kind = "category";
      break;
    }
  }
  if (kind === "number" || kind === "date") {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (isMissingValue(v)) out[i] = NaN;
      else if (kind === "date") out[i] = v instanceof Date ? v.getTime() : Date.parse(String(v));
      else out[i] = Number(v);
    }
    return { type: kind, values: out };
  }
  const builder = new CategoryBuilder();
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    codes[i] = isMissingValue(v) ? MISSING_CODE : builder.code(typeof v === "string" ? v.trim() : String(v));
  }
  return { type: "category", codes, dictionary: builder.dictionary };
}
