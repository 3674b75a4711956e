/**
 * A column read as groups, for analyses that compare rows group by group (slices,
 * Simpson's paradox): a category column by its values, a number or a date cut into
 * equal-count buckets whose labels read as intervals (dates as calendar days).
 */
import type { Column } from "../data/column.js";
import { categoryCounts } from "../data/summary.js";
import { edgeFormat } from "../display/format.js";
import { message } from "../messages.js";
import { bucketEdges, bucketLabels, bucketOf } from "./bucketize.js";

export interface Grouping {
  /** Each row's group, −1 for a missing value. */
  readonly codes: Int32Array;
  readonly labels: readonly string[];
}

/** Refuses a category column with more than `maxLevels` values: past that, groups are too many to read. */
export function grouping(column: Column, name: string, buckets: number, maxLevels: number): Grouping {
  if (column.type === "category") {
    const { counts } = categoryCounts(column.codes, column.dictionary.length);
    let used = 0;
    for (let c = 0; c < counts.length; c++) if (counts[c] > 0) used++;
    if (used > maxLevels) throw message.tooManyGroups(name, used, maxLevels);
    return { codes: column.codes, labels: column.dictionary };
  }
  const edges = bucketEdges(column.values, buckets, "quantile");
  const format = column.type === "date" ? (ms: number) => new Date(ms).toISOString().slice(0, 10) : edgeFormat(edges);
  const codes = Int32Array.from(column.values, (v) => (v !== v ? -1 : bucketOf(edges, v)));
  return { codes, labels: bucketLabels(edges, format) };
}

/** The groups of two columns crossed: "a × b" for every pair of labels, −1 where either is missing. */
export function crossGroupings(a: Grouping, b: Grouping): Grouping {
  const codes = Int32Array.from(a.codes, (ca, i) => (ca < 0 || b.codes[i] < 0 ? -1 : ca * b.labels.length + b.codes[i]));
  const labels = a.labels.flatMap((la) => b.labels.map((lb) => `${la} × ${lb}`));
  return { codes, labels };
}
