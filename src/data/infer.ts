/**
 * Type inference from plain JavaScript values (parsed JSON, CSV fields, arquero or
 * danfo arrays). One rule for missing values everywhere: null, undefined, NaN, the
 * empty string and the usual spreadsheet spellings of "not available" are missing.
 */
import { CategoryBuilder, type Column, MISSING_CODE } from "./column.js";
import { DAY_FIRST, dayMonthOrders, MONTH_FIRST, parseDayMonth, parseYearFirst } from "./parse-date.js";

const MISSING_SPELLINGS = new Set(["", "na", "n/a", "nan", "null", "none", "-", "."]);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// Python writes inf, R Inf, JavaScript Infinity: all are numbers, so %profile can flag them instead of a category hiding them.
const INFINITY = /^([+-]?)(inf|infinity)$/i;

export function isMissingValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "number") return Number.isNaN(value);
  if (typeof value === "string") return MISSING_SPELLINGS.has(value.trim().toLowerCase());
  return false;
}

/** Whether a text reads as a number (Infinity and inf included); blanks and missing spellings do not. */
export function isNumberText(text: string): boolean {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) || INFINITY.test(trimmed);
}

/** A day/month/year date is its own kind until the whole column tells which comes first. */
type Kind = "number" | "date" | "day-month" | "category";

function kindOf(value: unknown): Kind {
  if (typeof value === "number" || typeof value === "bigint") return "number";
  if (value instanceof Date) return "date";
  if (typeof value === "string") {
    const text = value.trim();
    if (isNumberText(text)) return "number";
    if (parseYearFirst(text) !== undefined) return "date";
    if (dayMonthOrders(text) !== 0) return "day-month";
  }
  return "category";
}

function toNumber(value: unknown): number {
  if (typeof value !== "string") return Number(value);
  const text = value.trim();
  const infinity = INFINITY.exec(text);
  return infinity ? (infinity[1] === "-" ? -Infinity : Infinity) : Number(text);
}

/**
 * Builds a typed column from values. A column is numeric (or a date) only when every
 * present value is; one stray word makes it categorical, which the profile then reports.
 * Day/month/year dates such as 01/02/2012 become dates only when some value in the column
 * settles the order (13/01/2012 can only be day first) and none contradicts it; a column
 * of values that read either way stays text rather than risk swapping days and months.
 */
export function inferColumn(values: ArrayLike<unknown>): Column {
  const n = values.length;
  let kind: Kind | undefined;
  let orders = DAY_FIRST | MONTH_FIRST;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (isMissingValue(v)) continue;
    const k = kindOf(v);
    if (kind === undefined) kind = k;
    else if (kind !== k) {
      kind = "category";
      break;
    }
    if (k === "day-month") orders &= dayMonthOrders(String(v).trim());
  }
  if (kind === "day-month" && orders !== DAY_FIRST && orders !== MONTH_FIRST) kind = "category";
  if (kind === "number" || kind === "date" || kind === "day-month") {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (isMissingValue(v)) out[i] = NaN;
      else if (kind === "number") out[i] = toNumber(v);
      else if (v instanceof Date) out[i] = v.getTime();
      else if (kind === "date") out[i] = parseYearFirst(String(v).trim())!;
      else out[i] = parseDayMonth(String(v).trim(), orders as typeof DAY_FIRST);
    }
    return { type: kind === "number" ? "number" : "date", values: out };
  }
  const builder = new CategoryBuilder();
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    codes[i] = isMissingValue(v) ? MISSING_CODE : builder.code(typeof v === "string" ? v.trim() : String(v));
  }
  return { type: "category", codes, dictionary: builder.dictionary };
}
