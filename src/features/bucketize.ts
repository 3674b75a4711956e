/**
 * Turns numbers into ordered buckets learned on training rows: equal-count
 * ("quantile") or equal-width ("uniform") edges. The result is a category column whose
 * labels read as intervals, e.g. "[3.5, 7)", ready for one-hot encoding or slicing.
 */
import { CategoryBuilder, type Column, MISSING_CODE } from "../data/column.js";
import type { Dataset } from "../data/dataset.js";
import { quantileSorted } from "../stats/intervals.js";
import { formatCell } from "../display/format.js";
import { message } from "../messages.js";
import { replaceColumns } from "./replace.js";
import { selectColumns, type FittedStep, type Step } from "./step.js";

export interface BucketizeParams {
  readonly columns?: readonly string[];
  readonly buckets?: number;
  readonly strategy?: "quantile" | "uniform";
}

type Edges = Record<string, readonly number[]>;

export class Bucketize implements Step<BucketizeParams> {
  readonly step = "bucketize";
  constructor(readonly params: BucketizeParams = {}) {}

  fit(data: Dataset): FittedStep {
    const buckets = this.params.buckets ?? 5;
    if (!Number.isInteger(buckets) || buckets < 2) throw message.badOption("bucketize", "buckets", buckets, "a whole number ≥ 2");
    const edges: Edges = {};
    for (const name of selectColumns(data, this.params.columns, ["number"])) {
      const column = data.column(name);
      if (column.type !== "number") throw message.badOption("bucketize", "columns", name, "numeric columns");
      edges[name] = bucketEdges(column.values, buckets, this.params.strategy ?? "quantile");
    }
    return fittedBucketize(this.params, edges);
  }
}

/** Inner edges (buckets − 1 of them at most, duplicates removed) from the present values. */
export function bucketEdges(values: Float64Array, buckets: number, strategy: "quantile" | "uniform"): number[] {
  const present = values.filter((v) => !Number.isNaN(v)).sort();
  if (present.length === 0) return [];
  const low = present[0];
  const high = present[present.length - 1];
  const inner = Array.from({ length: buckets - 1 }, (_, i) =>
    strategy === "quantile" ? quantileSorted(present, (i + 1) / buckets) : low + ((high - low) * (i + 1)) / buckets,
  );
  return [...new Set(inner)].filter((e) => e > low && e <= high);
}

/** Bucket index of a value: the number of edges at or below it. */
export function bucketOf(edges: readonly number[], value: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function bucketLabels(edges: readonly number[], format: (edge: number) => string = formatCell): string[] {
  const bounds = [-Infinity, ...edges, Infinity];
  return bounds.slice(0, -1).map((low, i) => {
    const high = bounds[i + 1];
    if (low === -Infinity) return `< ${format(high)}`;
    if (high === Infinity) return `≥ ${format(low)}`;
    return `[${format(low)}, ${format(high)})`;
  });
}

export function fittedBucketize(params: BucketizeParams, edges: Edges): FittedStep {
  return {
    step: "bucketize",
    transform(data) {
      const replacements = new Map<string, (readonly [string, Column])[]>();
      for (const [name, cut] of Object.entries(edges)) {
        const column = data.column(name);
        if (column.type !== "number") throw message.badOption("bucketize", "columns", name, "a numeric column, as in training");
        const builder = new CategoryBuilder();
        for (const label of bucketLabels(cut)) builder.code(label);
        const codes = Int32Array.from(column.values, (v) => (Number.isNaN(v) ? MISSING_CODE : bucketOf(cut, v)));
        replacements.set(name, [[name, { type: "category", codes, dictionary: builder.dictionary }]]);
      }
      return replaceColumns(data, replacements);
    },
    toJSON: () => ({ step: "bucketize", params, state: edges }),
  };
}
