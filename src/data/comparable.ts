/** Two data sets compared column by column (drift, adversarial validation) must share those columns and their types. */
import type { Dataset } from "./dataset.js";
import { message } from "../messages.js";

/** `names` ("REFERENCE", "CURRENT" or "A", "B") are how the two data sets are called in the analysis's usage. */
export function checkComparable(first: Dataset, second: Dataset, columns: readonly string[], names: readonly [string, string]): void {
  const [a, b] = names;
  const missing = columns.filter((n) => !second.has(n));
  if (missing.length) throw message.notComparable(a, b, `${b} lacks`, missing);
  const unknown = columns.filter((n) => !first.has(n));
  if (unknown.length) throw message.notComparable(a, b, `${a} lacks`, unknown);
  const mismatched = columns
    .filter((n) => first.column(n).type !== second.column(n).type)
    .map((n) => `${n} (${first.column(n).type} → ${second.column(n).type})`);
  if (mismatched.length) throw message.notComparable(a, b, "the types differ for", mismatched);
}
