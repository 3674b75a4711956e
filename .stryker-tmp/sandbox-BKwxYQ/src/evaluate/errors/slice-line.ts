/**
 * Slice discovery in the manner of SliceLine (Sagadeeva and Boehm, SIGMOD 2021): among
 * conjunctions of up to three predicates "column = value" (numbers cut into quantile bins),
 * find the slices whose mean error is high *and* which are large enough to matter, ranked by
 *
 *   score = α · (slice mean error / overall mean error − 1) − (1 − α) · (rows / slice rows − 1)
 *
 * keeping slices of at least `minSupport` rows with a positive score. Each level is counted
 * exactly in one pass over the rows per combination of columns (a histogram of rows and of
 * error sums), so no slice is missed by pruning; a slice whose extra predicate removes no
 * row is dropped as a repeat of its parent.
 */
// @ts-nocheck

import { type Column, MISSING_CODE } from "../../data/column.js";
import { formatCell } from "../../display/format.js";
import { bucketEdges, bucketLabels, bucketOf } from "../../features/bucketize.js";

/** A column cut into at most `maxBins` bins: each row's bin and each bin's label. */
export interface BinnedColumn {
  readonly name: string;
  readonly bins: Int32Array;
  readonly labels: readonly string[];
}

export interface SliceLineOptions {
  readonly minSupport: number;
  readonly maxLevel: number;
  readonly alpha: number;
  readonly top: number;
}

export interface FoundSlice {
  /** Column index and bin of each predicate, in column order. */
  readonly predicates: readonly (readonly [column: number, bin: number])[];
  readonly size: number;
  readonly errorSum: number;
  readonly errorSquares: number;
  readonly score: number;
}

const MISSING_LABEL = "missing";

/** Numbers in quantile bins (plus one for missing values); categories by code, rare ones beyond `maxBins − 1` pooled as "other". */
export function binColumn(name: string, column: Column, maxBins: number): BinnedColumn {
  const n = column.type === "category" ? column.codes.length : column.values.length;
  const bins = new Int32Array(n);
  if (column.type === "category") {
    const counts = new Int32Array(column.dictionary.length);
    for (const code of column.codes) if (code !== MISSING_CODE) counts[code]++;
    const kept = Array.from(counts.keys()).filter((c) => counts[c] > 0).sort((a, b) => counts[b] - counts[a]).slice(0, maxBins - 1);
    const binOf = new Int32Array(column.dictionary.length).fill(kept.length);
    kept.forEach((code, bin) => (binOf[code] = bin));
    // Bins: the kept categories, then every other category pooled, then missing values.
    const labels = [...kept.map((code) => column.dictionary[code]), "other", MISSING_LABEL];
    const missingBin = labels.length - 1;
    for (let r = 0; r < n; r++) bins[r] = column.codes[r] === MISSING_CODE ? missingBin : binOf[column.codes[r]];
    return { name, bins, labels };
  }
  // A number with few distinct values (a 0/1 flag, a count) reads better as those values.
  const distinct = fewDistinct(column.values, maxBins - 1);
  const edges = distinct ? distinct.slice(1) : bucketEdges(column.values, maxBins - 1, "quantile");
  // Dates read as calendar days.
  const format = column.type === "date" ? (ms: number) => new Date(ms).toISOString().slice(0, 10) : formatCell;
  const labels = [...(distinct ? distinct.map(format) : bucketLabels(edges, format)), MISSING_LABEL];
  const missingBin = labels.length - 1;
  for (let r = 0; r < n; r++) bins[r] = Number.isNaN(column.values[r]) ? missingBin : bucketOf(edges, column.values[r]);
  return { name, bins, labels };
}

/** The sorted distinct present values, or undefined as soon as there are more than `limit` (stops early on continuous data). */
function fewDistinct(values: Float64Array, limit: number): number[] | undefined {
  const seen = new Set<number>();
  for (const v of values) {
    if (v !== v) continue;
    seen.add(v);
    if (seen.size > limit) return undefined;
  }
  return [...seen].sort((a, b) => a - b);
}

function combinations(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (let first = 0; first <= n - k; first++) for (const rest of combinations(n - first - 1, k - 1)) out.push([first, ...rest.map((r) => r + first + 1)]);
  return out;
}

export function sliceLine(columns: readonly BinnedColumn[], errors: Float64Array, options: SliceLineOptions): { slices: FoundSlice[]; examined: number } {
  const n = errors.length;
  let total = 0;
  for (const e of errors) total += e;
  const meanError = total / n;
  const found: FoundSlice[] = [];
  if (meanError === 0) return { slices: found, examined: 0 };
  /** Sizes of accepted-or-not slices by key, to drop children that repeat a parent. */
  const sizes = new Map<string, number>();
  let examined = 0;
  for (let level = 1; level <= Math.min(options.maxLevel, columns.length); level++) {
    for (const combo of combinations(columns.length, level)) {
      const widths = combo.map((c) => columns[c].labels.length);
      const cells = widths.reduce((a, b) => a * b, 1);
      const count = new Int32Array(cells);
      const sum = new Float64Array(cells);
      const squares = new Float64Array(cells);
      for (let r = 0; r < n; r++) {
        let cell = 0;
        for (let j = 0; j < combo.length; j++) cell = cell * widths[j] + columns[combo[j]].bins[r];
        count[cell]++;
        sum[cell] += errors[r];
        squares[cell] += errors[r] * errors[r];
      }
      for (let cell = 0; cell < cells; cell++) {
        const size = count[cell];
        if (size < options.minSupport) continue;
        examined++;
        const bins: number[] = [];
        for (let j = combo.length - 1, rest = cell; j >= 0; j--) {
          bins[j] = rest % widths[j];
          rest = Math.floor(rest / widths[j]);
        }
        const predicates = combo.map((c, j) => [c, bins[j]] as const);
        const key = predicates.map((p) => p.join(":")).join("|");
        sizes.set(key, size);
        if (level > 1 && predicates.some((_, drop) => sizes.get(predicates.filter((__, j) => j !== drop).map((p) => p.join(":")).join("|")) === size)) continue;
        const score = options.alpha * (sum[cell] / size / meanError - 1) - (1 - options.alpha) * (n / size - 1);
        if (score > 0) found.push({ predicates, size, errorSum: sum[cell], errorSquares: squares[cell], score });
      }
    }
  }
  found.sort((a, b) => b.score - a.score);
  return { slices: found.slice(0, options.top), examined };
}

/** One predicate as a person reads it: "region = island", "x in [0.2, 0.5)", "x ≥ 3", or their negations. */
export function predicateText(column: BinnedColumn, bin: number, inBin = true): string {
  const { name, labels } = column;
  const label = labels[bin];
  if (label === MISSING_LABEL) return `${name} ${inBin ? "is" : "is not"} missing`;
  if (label.startsWith("<")) return `${name} ${inBin ? label : `≥${label.slice(1)}`}`;
  if (label.startsWith("≥")) return `${name} ${inBin ? label : `<${label.slice(1)}`}`;
  if (label.startsWith("[")) return `${name} ${inBin ? "in" : "outside"} ${label}`;
  return `${name} ${inBin ? "=" : "≠"} ${label}`;
}

export function describeSlice(slice: FoundSlice, columns: readonly BinnedColumn[]): string {
  return slice.predicates.map(([c, bin]) => predicateText(columns[c], bin)).join(" and ");
}
