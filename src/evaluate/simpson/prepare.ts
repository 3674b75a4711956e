/**
 * Turns columns into what the comparisons read: a 0/1 outcome (its positive class
 * named or the second in sorted order) and a treatment split into reference and
 * comparison levels (the two most frequent, or those named); groups come from
 * features/grouping.
 */
import { type Column, MISSING_CODE } from "../../data/column.js";
import { categoryCounts } from "../../data/summary.js";
import { message } from "../../messages.js";

const ANALYSIS = "simpson";

export interface BinaryOutcome {
  readonly values: Int8Array;
  readonly positive: string;
  readonly negative: string;
}

/** A binary view of the outcome, or undefined when it is a numeric outcome with more than two values. */
export function binaryOutcome(column: Column, name: string, positive?: string): BinaryOutcome | undefined {
  if (column.type === "date") throw message.badOption(ANALYSIS, "outcome", name, "a category or numeric column");
  if (column.type === "number") {
    const distinct = [...new Set(column.values.filter((v) => v === v))].sort((a, b) => a - b);
    if (distinct.length > 2) return undefined;
    const pos = positive === undefined ? distinct[distinct.length - 1] : Number(positive);
    const values = Int8Array.from(column.values, (v) => (v !== v ? -1 : v === pos ? 1 : 0));
    return { values, positive: String(pos), negative: String(distinct.find((d) => d !== pos) ?? "other") };
  }
  const { counts } = categoryCounts(column.codes, column.dictionary.length);
  const present = column.dictionary.filter((_, c) => counts[c] > 0).sort();
  if (positive === undefined && present.length > 2) {
    throw message.badOption(ANALYSIS, "positive", undefined, `the outcome value to count, since "${name}" has ${present.length} values (${present.slice(0, 6).join(", ")}…)`);
  }
  const pos = positive ?? present[present.length - 1];
  if (!present.includes(pos)) throw message.badOption(ANALYSIS, "positive", pos, `one of the values of "${name}": ${present.join(", ")}`);
  const code = column.dictionary.indexOf(pos);
  const values = Int8Array.from(column.codes, (c) => (c === MISSING_CODE ? -1 : c === code ? 1 : 0));
  return { values, positive: pos, negative: present.length === 2 ? present.find((p) => p !== pos)! : `not ${pos}` };
}

export interface Arms {
  readonly arm: Int8Array;
  readonly reference: string;
  readonly comparison: string;
}

/** Reference = the more frequent level (or the first named), comparison = the other. */
export function treatmentArms(column: Column, name: string, weights: Float64Array | undefined, levels?: readonly string[]): Arms {
  if (column.type !== "category") throw message.badOption(ANALYSIS, "treatment", name, "a category column (a numeric treatment compares slopes)");
  const counts = new Float64Array(column.dictionary.length);
  for (let i = 0; i < column.codes.length; i++) if (column.codes[i] >= 0) counts[column.codes[i]] += weights ? weights[i] : 1;
  let chosen: string[];
  if (levels) {
    if (levels.length !== 2) throw message.badOption(ANALYSIS, "levels", levels, "two values of the treatment: reference,comparison");
    for (const level of levels) if (!column.dictionary.includes(level)) throw message.badOption(ANALYSIS, "levels", level, `a value of "${name}": ${column.dictionary.join(", ")}`);
    chosen = [...levels];
  } else {
    const order = Array.from(counts.keys()).filter((c) => counts[c] > 0).sort((a, b) => counts[b] - counts[a] || a - b);
    if (order.length < 2) throw message.badOption(ANALYSIS, "treatment", name, "a column with at least two values");
    chosen = [column.dictionary[order[0]], column.dictionary[order[1]]];
  }
  const ref = column.dictionary.indexOf(chosen[0]);
  const cmp = column.dictionary.indexOf(chosen[1]);
  const arm = Int8Array.from(column.codes, (c) => (c === ref ? 0 : c === cmp ? 1 : -1));
  return { arm, reference: chosen[0], comparison: chosen[1] };
}
