/**
 * Slice discovery in the manner of SliceLine (Sagadeeva and Boehm, SIGMOD 2021): among
 * conjunctions of up to three predicates "column = value" (numbers cut into quantile bins,
 * and also one-sided ranges "x < edge" and "x ≥ edge" at the bins' edges, so a region that
 * straddles two bins is a candidate whole), find the slices whose mean error is high *and* which are large enough to matter, ranked by
 *
 *   score = α · (slice mean error / overall mean error − 1) − (1 − α) · (rows / slice rows − 1)
 *
 * keeping slices of at least `minSupport` rows with a positive score. Each level is counted
 * exactly in one pass over the rows per combination of columns (a histogram of rows and of
 * error sums, then summed over each predicate's bins), so no slice is missed by pruning; a
 * slice whose extra predicate removes no row is dropped as a repeat of its parent, and a
 * slice holding more than `maxShare` of the rows is not a slice worth reporting.
 */
import { type Column, MISSING_CODE } from "../../data/column.js";
import { edgeFormat } from "../../display/format.js";
import { bucketEdges, bucketLabels, bucketOf } from "../../features/bucketize.js";

/** A column cut into at most `maxBins` bins: each row's bin and each bin's label. */
export interface BinnedColumn {
  readonly name: string;
  readonly bins: Int32Array;
  readonly labels: readonly string[];
  /** Numbers: the bins' inner edges, formatted; bins 0 … edges.length are in order (the missing bin follows). */
  readonly edges?: readonly string[];
}

export interface SliceLineOptions {
  readonly minSupport: number;
  readonly maxLevel: number;
  readonly alpha: number;
  readonly top: number;
  /** The largest share of the rows a slice may hold (default 0.5). */
  readonly maxShare?: number;
}

export interface FoundSlice {
  /** Column index and predicate of each condition, in column order (see `predicatesOf`). */
  readonly predicates: readonly (readonly [column: number, predicate: number])[];
  /** How a person reads it: "bmi ≥ 30.1 and sex = 2". */
  readonly text: string;
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
  const format = column.type === "date" ? (ms: number) => new Date(ms).toISOString().slice(0, 10) : edgeFormat(distinct ?? edges);
  const labels = [...(distinct ? distinct.map(format) : bucketLabels(edges, format)), MISSING_LABEL];
  const missingBin = labels.length - 1;
  for (let r = 0; r < n; r++) bins[r] = Number.isNaN(column.values[r]) ? missingBin : bucketOf(edges, column.values[r]);
  return { name, bins, labels, edges: edges.map(format) };
}

/** A condition on one column: the bins it holds and how it reads. */
interface Predicate {
  readonly bins: readonly number[];
  readonly text: string;
}

/** Each bin alone, then for numbers the one-sided ranges "x < edge" and "x ≥ edge" spanning two bins or more. */
export function predicatesOf(column: BinnedColumn): Predicate[] {
  const single = column.labels.map((_, bin) => ({ bins: [bin], text: predicateText(column, bin) }));
  if (!column.edges) return single;
  const ordered = column.edges.length + 1;
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  const below = column.edges.map((e, k) => ({ bins: range(0, k + 1), text: `${column.name} < ${e}` })).filter((p) => p.bins.length >= 2);
  const above = column.edges.map((e, k) => ({ bins: range(k + 1, ordered), text: `${column.name} ≥ ${e}` })).filter((p) => p.bins.length >= 2);
  return [...single, ...below, ...above];
}

/** Sums a histogram's axis over each predicate's bins: shape [outer, width, inner] becomes [outer, predicates, inner]. */
function overPredicates(values: Float64Array, outer: number, width: number, inner: number, predicates: readonly Predicate[]): Float64Array {
  const out = new Float64Array(outer * predicates.length * inner);
  for (let o = 0; o < outer; o++) {
    for (let p = 0; p < predicates.length; p++) {
      const target = (o * predicates.length + p) * inner;
      for (const b of predicates[p].bins) {
        const source = (o * width + b) * inner;
        for (let i = 0; i < inner; i++) out[target + i] += values[source + i];
      }
    }
  }
  return out;
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
  const maxRows = (options.maxShare ?? 0.5) * n;
  const predicates = columns.map(predicatesOf);
  /** Sizes of slices by key, to drop children that repeat a parent. */
  const sizes = new Map<string, number>();
  let examined = 0;
  for (let level = 1; level <= Math.min(options.maxLevel, columns.length); level++) {
    for (const combo of combinations(columns.length, level)) {
      const widths = combo.map((c) => columns[c].labels.length);
      const cells = widths.reduce((a, b) => a * b, 1);
      let count: Float64Array = new Float64Array(cells);
      let sum: Float64Array = new Float64Array(cells);
      let squares: Float64Array = new Float64Array(cells);
      for (let r = 0; r < n; r++) {
        let cell = 0;
        for (let j = 0; j < combo.length; j++) cell = cell * widths[j] + columns[combo[j]].bins[r];
        count[cell]++;
        sum[cell] += errors[r];
        squares[cell] += errors[r] * errors[r];
      }
      // One axis at a time, from bins to predicates.
      const shape = [...widths];
      for (let j = 0; j < combo.length; j++) {
        const outer = shape.slice(0, j).reduce((a, b) => a * b, 1);
        const inner = shape.slice(j + 1).reduce((a, b) => a * b, 1);
        const list = predicates[combo[j]];
        [count, sum, squares] = [count, sum, squares].map((v) => overPredicates(v, outer, shape[j], inner, list));
        shape[j] = list.length;
      }
      const cellsNow = shape.reduce((a, b) => a * b, 1);
      for (let cell = 0; cell < cellsNow; cell++) {
        const size = count[cell];
        if (size < options.minSupport) continue;
        const chosen: number[] = [];
        for (let j = combo.length - 1, rest = cell; j >= 0; j--) {
          chosen[j] = rest % shape[j];
          rest = Math.floor(rest / shape[j]);
        }
        const conditions = combo.map((c, j) => [c, chosen[j]] as const);
        const key = conditions.map((p) => p.join(":")).join("|");
        sizes.set(key, size);
        if (level > 1 && conditions.some((_, drop) => sizes.get(conditions.filter((__, j) => j !== drop).map((p) => p.join(":")).join("|")) === size)) continue;
        if (size > maxRows) continue;
        examined++;
        const score = options.alpha * (sum[cell] / size / meanError - 1) - (1 - options.alpha) * (n / size - 1);
        if (score > 0) {
          const text = conditions.map(([c, p]) => predicates[c][p].text).join(" and ");
          found.push({ predicates: conditions, text, size, errorSum: sum[cell], errorSquares: squares[cell], score });
        }
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

export function describeSlice(slice: FoundSlice): string {
  return slice.text;
}
