/** Columns derived from a date column, as registry entries ask for them (UTC calendar). */
// @ts-nocheck

import { CategoryBuilder, type Column, MISSING_CODE } from "./column.js";
import { message } from "../messages.js";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export type Derivation = "hour" | "weekday" | "month";

export function deriveFromDate(column: Column, what: Derivation, source: string): Column {
  if (column.type !== "date") throw message.badOption("derive", what, source, "a date column");
  const values = column.values;
  if (what === "weekday") {
    const builder = new CategoryBuilder();
    WEEKDAYS.forEach((d) => builder.code(d));
    const codes = new Int32Array(values.length);
    // Day 0 of the epoch, 1970-01-01, was a Thursday (code 4).
    for (let i = 0; i < values.length; i++) codes[i] = Number.isNaN(values[i]) ? MISSING_CODE : modulo(Math.floor(values[i] / DAY) + 4, 7);
    return { type: "category", codes, dictionary: builder.dictionary };
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) out[i] = NaN;
    else if (what === "hour") out[i] = Math.floor(modulo(v, DAY) / HOUR);
    else out[i] = monthOfDay(Math.floor(v / DAY));
  }
  return { type: "number", values: out };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function modulo(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/**
 * The month (1–12) of a day counted from 1970-01-01 in the proleptic Gregorian calendar,
 * by arithmetic on 400-year eras (H. Hinnant, "chrono-compatible low-level date algorithms")
 * rather than a Date object per value.
 */
function monthOfDay(days: number): number {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  return monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
}
