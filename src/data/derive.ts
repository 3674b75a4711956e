/** Columns derived from a date column, as registry entries ask for them (UTC calendar). */
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
    const codes = Int32Array.from(values, (v) => (Number.isNaN(v) ? MISSING_CODE : new Date(v).getUTCDay()));
    return { type: "category", codes, dictionary: builder.dictionary };
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) out[i] = NaN;
    else if (what === "hour") out[i] = Math.floor((((v % 86_400_000) + 86_400_000) % 86_400_000) / 3_600_000);
    else out[i] = new Date(v).getUTCMonth() + 1;
  }
  return { type: "number", values: out };
}
