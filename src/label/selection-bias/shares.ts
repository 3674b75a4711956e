/**
 * One column of the sample against the population: categories defined by the population
 * (a category column's values, the most common MAX_LEVELS − 1 kept and the rest pooled as
 * "other"; a number with few values by value; any other number or date in equal-count bins
 * cut at the population's quantiles), each category's share on both sides with Wilson's
 * interval, and a chi-square goodness-of-fit test of the sample's counts against the
 * population's shares. When the sample was drawn from the population without replacement,
 * the statistic is scaled by the finite-population correction (N − 1)/(N − n).
 */
import { type Column, MISSING_CODE } from "../../data/column.js";
import { formatCell } from "../../display/format.js";
import { bucketEdges, bucketLabels, bucketOf } from "../../features/bucketize.js";
import { wilson } from "../../stats/intervals.js";
import { chiSquaredSurvival } from "../../stats/special.js";
import { chiSquaredGoodnessOfFit } from "../../stats/tests.js";
import type { CategoryShare, ColumnComparison } from "./types.js";

/** A category column with more values than this keeps its most common ones and pools the rest. */
export const MAX_LEVELS = 20;
/** A number column with at most this many distinct values is compared value by value. */
export const MAX_DISTINCT_VALUES = 10;
/** Expected sample rows below which a category is pooled with other small ones for the test. */
export const MIN_EXPECTED = 5;
export const MISSING_LABEL = "(missing)";
export const OTHER_LABEL = "(other)";

/** A column's rows as categories defined on the population; −1 in the sample marks a value the population never takes. */
export interface Categorised {
  readonly grouping: ColumnComparison["grouping"];
  readonly labels: readonly string[];
  readonly sample: Int32Array;
  readonly population: Int32Array;
}

export function categorise(sample: Column, population: Column, bins: number): Categorised {
  if (sample.type === "category" && population.type === "category") return byCategory(sample.codes, sample.dictionary, population.codes, population.dictionary);
  const s = (sample as { values: Float64Array }).values;
  const p = (population as { values: Float64Array }).values;
  const format = population.type === "date" ? (ms: number) => new Date(ms).toISOString().slice(0, 10) : formatCell;
  const hasMissing = p.some((v) => v !== v) || s.some((v) => v !== v);
  const distinct = fewDistinct(p, MAX_DISTINCT_VALUES);
  let code: (v: number) => number;
  let labels: string[];
  let grouping: Categorised["grouping"];
  if (distinct) {
    const index = new Map(distinct.map((v, k) => [v, k]));
    const missing = distinct.length;
    code = (v) => (v !== v ? missing : (index.get(v) ?? -1));
    labels = distinct.map(format);
    grouping = "values";
  } else {
    const edges = bucketEdges(p, bins, "quantile");
    const missing = edges.length + 1;
    code = (v) => (v !== v ? missing : bucketOf(edges, v));
    labels = bucketLabels(edges, format);
    grouping = "bins";
  }
  return { grouping, labels: hasMissing ? [...labels, MISSING_LABEL] : labels, sample: mapValues(s, code), population: mapValues(p, code) };
}

/** The distinct present values in ascending order, or undefined as soon as there are more than `limit`. */
function fewDistinct(values: Float64Array, limit: number): number[] | undefined {
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v && !seen.has(v)) {
      if (seen.size === limit) return undefined;
      seen.add(v);
    }
  }
  return [...seen].sort((a, b) => a - b);
}

// Plain loops: typed arrays' from() with a mapping function is several times slower on millions of rows.
function mapValues(values: Float64Array, code: (v: number) => number): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = code(values[i]);
  return out;
}

function mapCodes(codes: Int32Array, map: Int32Array, missing: number): Int32Array {
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i] === MISSING_CODE ? missing : map[codes[i]];
  return out;
}

function byCategory(sampleCodes: Int32Array, sampleDictionary: readonly string[], populationCodes: Int32Array, populationDictionary: readonly string[]): Categorised {
  const counts = new Float64Array(populationDictionary.length);
  let missingRows = 0;
  for (let i = 0; i < populationCodes.length; i++) {
    const c = populationCodes[i];
    if (c === MISSING_CODE) missingRows++;
    else counts[c]++;
  }
  const used = [...counts.keys()].filter((c) => counts[c] > 0).sort((a, b) => counts[b] - counts[a] || a - b);
  const kept = used.length > MAX_LEVELS ? used.slice(0, MAX_LEVELS - 1) : used;
  const pooled = used.length > kept.length;
  const labels = kept.map((c) => populationDictionary[c]);
  const other = labels.length;
  const missing = other + (pooled ? 1 : 0);
  const hasMissing = missingRows > 0 || sampleCodes.includes(MISSING_CODE);
  // Population codes → categories; sample labels → categories by their text (−1: the population never has it).
  const populationMap = new Int32Array(populationDictionary.length).fill(-1);
  for (const c of used) populationMap[c] = other;
  kept.forEach((c, k) => (populationMap[c] = k));
  const byLabel = new Map<string, number>();
  populationDictionary.forEach((label, c) => populationMap[c] >= 0 && byLabel.set(label, populationMap[c]));
  const sampleMap = Int32Array.from(sampleDictionary, (label) => byLabel.get(label) ?? -1);
  return {
    grouping: "categories",
    labels: [...labels, ...(pooled ? [OTHER_LABEL] : []), ...(hasMissing ? [MISSING_LABEL] : [])],
    sample: mapCodes(sampleCodes, sampleMap, missing),
    population: mapCodes(populationCodes, populationMap, missing),
  };
}

export function countCodes(codes: Int32Array, levels: number): Float64Array {
  const counts = new Float64Array(levels);
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) counts[codes[i]]++;
  return counts;
}

export interface ColumnShares {
  readonly comparison: Omit<ColumnComparison, "adjustedP" | "differs" | "cause">;
  readonly shares: Omit<CategoryShare, "weightedShare">[];
  readonly sampleCounts: Float64Array;
  readonly populationShares: Float64Array;
}

/** `fpc`: the finite-population factor (N − 1)/(N − n) when the sample was drawn from the population, else 1. */
export function compareColumn(column: string, c: Categorised, fpc: number): ColumnShares {
  const k = c.labels.length;
  const sampleCounts = countCodes(c.sample, k);
  const populationCounts = countCodes(c.population, k);
  const n = sampleCounts.reduce((a, b) => a + b, 0);
  const total = populationCounts.reduce((a, b) => a + b, 0);
  const populationShares = Float64Array.from(populationCounts, (x) => x / total);
  const unknownRows = c.sample.length - n;
  const shares = c.labels.map((category, j) => {
    const s = wilson(sampleCounts[j], n);
    const p = wilson(populationCounts[j], total);
    const sampleShare = n > 0 ? sampleCounts[j] / n : NaN;
    return {
      column,
      category,
      sampleCount: sampleCounts[j],
      sampleShare,
      sampleLow: s.low,
      sampleHigh: s.high,
      populationCount: populationCounts[j],
      populationShare: populationShares[j],
      populationLow: p.low,
      populationHigh: p.high,
      gap: sampleShare - populationShares[j],
    };
  });
  let distance = 0;
  let uncoveredShare = 0;
  shares.forEach((s) => {
    distance += Math.abs(s.gap) / 2;
    if (s.sampleCount === 0) uncoveredShare += s.populationShare;
  });
  const { observed, expected, pooled } = pooledCells(sampleCounts, Float64Array.from(populationShares, (share) => share * n));
  const test = chiSquaredGoodnessOfFit(observed, expected);
  const statistic = test.statistic * fpc;
  const pValue = test.df > 0 ? chiSquaredSurvival(statistic, test.df) : NaN;
  return {
    comparison: { column, grouping: c.grouping, categories: k, statistic, df: test.df, pValue, distance, uncoveredShare, unknownRows, pooled },
    shares,
    sampleCounts,
    populationShares,
  };
}

/** Cells expected to hold fewer than MIN_EXPECTED sample rows pooled into one (and that one into the smallest other cell if it is still small). */
export function pooledCells(observed: Float64Array, expected: Float64Array): { observed: number[]; expected: number[]; pooled: number } {
  const keptObserved: number[] = [];
  const keptExpected: number[] = [];
  let smallObserved = 0;
  let smallExpected = 0;
  let pooled = 0;
  expected.forEach((e, j) => {
    if (!(e > 0)) return;
    if (e < MIN_EXPECTED) {
      smallObserved += observed[j];
      smallExpected += e;
      pooled++;
    } else {
      keptObserved.push(observed[j]);
      keptExpected.push(e);
    }
  });
  if (pooled > 0) {
    if (smallExpected >= MIN_EXPECTED || keptExpected.length === 0) {
      keptObserved.push(smallObserved);
      keptExpected.push(smallExpected);
    } else {
      const smallest = keptExpected.indexOf(Math.min(...keptExpected));
      keptObserved[smallest] += smallObserved;
      keptExpected[smallest] += smallExpected;
    }
  }
  return { observed: keptObserved, expected: keptExpected, pooled };
}
