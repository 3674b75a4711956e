/** Two data sets compared column by column (drift, adversarial validation) must share those columns and their types. */
// @ts-nocheck

import type { Dataset } from "../data/dataset.js";
import { message } from "../messages.js";

export function checkComparable(reference: Dataset, current: Dataset, names: readonly string[]): void {
  const missing = names.filter((n) => !current.has(n));
  if (missing.length) throw message.driftColumns("CURRENT lacks", missing);
  const unknown = names.filter((n) => !reference.has(n));
  if (unknown.length) throw message.driftColumns("REFERENCE lacks", unknown);
  const mismatched = names
    .filter((n) => reference.column(n).type !== current.column(n).type)
    .map((n) => `${n} (${reference.column(n).type} → ${current.column(n).type})`);
  if (mismatched.length) throw message.driftColumns("the types differ for", mismatched);
}
