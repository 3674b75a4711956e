/**
 * The groups of a sensitive attribute (fairness, invariance): a category column's codes as
 * they are, a number's distinct values as labels, so that a 0/1 column reads as two groups.
 */
import { type Column, MISSING_CODE } from "../data/column.js";
import { message } from "../messages.js";

/** A column's groups (missing: −1); a numeric column with more than 20 values is no grouping and is refused. */
export function sensitiveGroups(analysis: string, name: string, column: Column): { codes: Int32Array; labels: readonly string[] } {
  if (column.type === "category") return { codes: column.codes, labels: column.dictionary };
  const distinct = [...new Set(column.values.filter((v) => !Number.isNaN(v)))].sort((a, b) => a - b);
  if (distinct.length > 20) throw message.badOption(analysis, "sensitive", name, "a column of groups (at most 20 distinct values); bucketize it first");
  const index = new Map(distinct.map((v, i) => [v, i]));
  return { codes: Int32Array.from(column.values, (v) => index.get(v) ?? MISSING_CODE), labels: distinct.map((v) => String(v)) };
}
