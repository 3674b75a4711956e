/**
 * What drift measures, per column, with a test chosen by type and size. With a small
 * reference, significance tests (Kolmogorov–Smirnov for numbers, chi-squared for categories,
 * two proportions for binary columns), Bonferroni-corrected over the columns and required to
 * show a minimum effect too, so a tiny sample cannot raise an alarm on noise. With a large
 * reference, effect sizes alone (Wasserstein distance over the reference's standard
 * deviation; Jensen–Shannon distance in base 2), each against a threshold of 0.1, so a huge
 * sample cannot raise an alarm on a difference too small to matter. Two samples of one
 * distribution over many categories sit apart by chance (300 airports in 3,000 rows: a JS
 * distance near 0.2), so a category's distance is measured beyond that chance distance,
 * found by permuting the pooled rows, and must also beat the permutations' 99th percentile.
 */
import { checkComparable } from "../../data/comparable.js";
import { type Column, MISSING_CODE } from "../../data/column.js";
import type { Dataset } from "../../data/dataset.js";
import { bucketEdges, bucketOf } from "../../features/bucketize.js";
import type { FittedPipeline } from "../../features/pipeline.js";
import { message } from "../../messages.js";
import { Progress } from "../../runtime/context.js";
import { jensenShannonBias, jensenShannonDivergence, jensenShannonNull, ksPValue, ksStatistic, psi, wasserstein } from "../../stats/distribution-distance.js";
import { populationStd } from "../../stats/summary.js";
import { chiSquaredIndependence } from "../../stats/tests.js";
import { Random } from "../../util/random.js";
import type { ColumnDrift, DriftData, DriftOptions } from "./types.js";

interface Judge {
  readonly large: boolean;
  readonly threshold: number;
  readonly alpha: number;
  readonly random: Random;
}

export async function computeDrift(ref: Dataset, cur: Dataset, options: DriftOptions): Promise<DriftData> {
  const names = options.columns ?? ref.names;
  checkComparable(ref, cur, names, ["REFERENCE", "CURRENT"]);
  if (ref.nRows === 0 || cur.nRows === 0) throw message.emptyData(ref.nRows === 0 ? "REFERENCE" : "CURRENT");
  const large = ref.nRows >= (options.largeSample ?? 1000);
  const threshold = options.threshold ?? 0.1;
  const judge: Judge = { large, threshold, alpha: 0.05 / Math.max(1, names.length), random: new Random(options.seed ?? 0) };
  const progress = new Progress("measuring drift", names.length);
  const columns: ColumnDrift[] = [];
  for (const name of names) {
    columns.push(columnDrift(name, ref.column(name), cur.column(name), judge, options.psi === true));
    await progress.step();
  }
  progress.finish();
  const predictions = options.model ? predictionDrift(options.model, ref, cur, judge) : undefined;
  const judged = columns.filter((c) => c.method !== "skipped");
  const driftedShare = judged.length ? judged.filter((c) => c.drifted).length / judged.length : 0;
  return {
    referenceRows: ref.nRows,
    currentRows: cur.nRows,
    regime: large ? "large reference: effect sizes" : "small reference: tests plus a minimum effect",
    threshold,
    columns,
    driftedShare,
    ...(predictions ? { predictions } : {}),
  };
}

/** The model's predictions on both sides, compared like any column: labels as categories, numbers as numbers. */
function predictionDrift(model: FittedPipeline, ref: Dataset, cur: Dataset, judge: Judge): ColumnDrift {
  const missing = model.inputs.filter((name) => !ref.has(name) || !cur.has(name));
  if (missing.length) throw message.driftColumns("the model's inputs are missing:", missing);
  const asColumn = (predicted: Int32Array | Float64Array): Column =>
    model.task === "classification" ? { type: "category", codes: predicted as Int32Array, dictionary: model.classes! } : { type: "number", values: predicted as Float64Array };
  return columnDrift(`predictions of ${model.model.model}`, asColumn(model.predict(ref)), asColumn(model.predict(cur)), judge, false);
}

function columnDrift(name: string, ref: Column, cur: Column, judge: Judge, withPsi: boolean): ColumnDrift {
  if (ref.type === "category" && cur.type === "category") return categoricalDrift(name, ref, cur, judge, withPsi);
  if (ref.type === "category" || cur.type === "category") throw message.driftColumns("the types differ for", [name]);
  const a = present(ref.values);
  const b = present(cur.values);
  if (a.length === 0 || b.length === 0) {
    return { column: name, type: "numeric", method: "skipped", effect: NaN, drifted: false, note: `all values are missing in the ${a.length === 0 ? "reference" : "current"} data; nothing to compare (fill or drop the column).` };
  }
  a.sort();
  b.sort();
  if (atMostTwoValues(a)) return binaryDrift(name, a, b, judge);
  const extra = withPsi ? { psi: numericPsi(a, b) } : {};
  if (judge.large) {
    const sd = populationStd(a);
    const effect = wasserstein(a, b) / (sd > 0 ? sd : 1);
    return { column: name, type: "numeric", method: "Wasserstein/sd", effect, drifted: effect > judge.threshold, ...extra };
  }
  const d = ksStatistic(a, b);
  const pValue = ksPValue(d, a.length, b.length);
  return { column: name, type: "numeric", method: "Kolmogorov–Smirnov D", effect: d, pValue, drifted: pValue < judge.alpha && d >= judge.threshold, ...extra };
}

/**
 * The Jensen–Shannon distance of two count vectors beyond what two samples of one
 * distribution show, and whether the divergence beats the permutations' 99th percentile.
 * Where the chance divergence is negligible (many rows per category) the first-order formula
 * stands in for the permutations.
 */
function beyondChanceJs(a: Float64Array, b: Float64Array, judge: Judge): { effect: number; raw: number; significant: boolean } {
  const kept = [...a.keys()].filter((k) => a[k] + b[k] > 0);
  const pa = Float64Array.from(kept, (k) => a[k]);
  const pb = Float64Array.from(kept, (k) => b[k]);
  const na = pa.reduce((s, x) => s + x, 0);
  const nb = pb.reduce((s, x) => s + x, 0);
  const divergence = jensenShannonDivergence(pa, pb);
  const bias = jensenShannonBias(kept.length, na, nb);
  const negligible = bias < 0.01 * judge.threshold ** 2;
  const chance = negligible ? { mean: bias, q99: 0 } : jensenShannonNull(pa, pb, na + nb > 1_000_000 ? 50 : 200, judge.random);
  return { effect: Math.sqrt(Math.max(0, divergence - chance.mean)), raw: Math.sqrt(divergence), significant: divergence > chance.q99 };
}

function binaryDrift(name: string, a: Float64Array, b: Float64Array, judge: Judge): ColumnDrift {
  const high = a[a.length - 1];
  const share = (xs: Float64Array) => xs.filter((x) => x === high).length;
  const pa = share(a);
  const pb = share(b);
  if (judge.large) {
    const { effect, raw, significant } = beyondChanceJs(Float64Array.of(pa, a.length - pa), Float64Array.of(pb, b.length - pb), judge);
    return { column: name, type: "binary", method: "Jensen–Shannon", effect, rawEffect: raw, drifted: effect > judge.threshold && significant };
  }
  const pValue = chiSquaredIndependence([pa, a.length - pa, pb, b.length - pb], 2, 2).pValue;
  const effect = Math.abs(pb / b.length - pa / a.length);
  return { column: name, type: "binary", method: "two proportions", effect, pValue, drifted: pValue < judge.alpha && effect >= judge.threshold / 2 };
}

function categoricalDrift(name: string, ref: Extract<Column, { type: "category" }>, cur: Extract<Column, { type: "category" }>, judge: Judge, withPsi: boolean): ColumnDrift {
  // Align the two dictionaries by label; labels only in the current data get their own slots.
  const labels = [...ref.dictionary];
  const index = new Map(labels.map((l, i) => [l, i]));
  const unseen: string[] = [];
  for (const label of cur.dictionary) if (!index.has(label)) index.set(label, labels.push(label) - 1);
  const count = (column: typeof ref) => {
    const counts = new Float64Array(labels.length);
    const map = column.dictionary.map((l) => index.get(l)!);
    for (const code of column.codes) if (code !== MISSING_CODE) counts[map[code]]++;
    return counts;
  };
  const a = count(ref);
  const b = count(cur);
  for (let k = ref.dictionary.length; k < labels.length; k++) if (b[k] > 0) unseen.push(labels[k]);
  const note = unseen.length ? `${unseen.length} categor${unseen.length > 1 ? "ies" : "y"} never seen in the reference (${unseen.slice(0, 5).join(", ")}${unseen.length > 5 ? ", …" : ""}); the model has never learned ${unseen.length > 1 ? "them" : "it"}.` : undefined;
  if (a.reduce((s, x) => s + x, 0) === 0 || b.reduce((s, x) => s + x, 0) === 0) {
    return { column: name, type: "categorical", method: "skipped", effect: NaN, drifted: false, note: "all values are missing on one side; nothing to compare." };
  }
  const type = labels.length === 2 ? "binary" : "categorical";
  const extra = { ...(withPsi ? { psi: psi(a, b) } : {}), ...(note ? { note } : {}) };
  const { effect, raw, significant } = beyondChanceJs(a, b, judge);
  if (judge.large) return { column: name, type, method: "Jensen–Shannon beyond chance", effect, rawEffect: raw, drifted: effect > judge.threshold && significant, ...extra };
  const table = new Float64Array(2 * labels.length);
  table.set(a, 0);
  table.set(b, labels.length);
  const pValue = chiSquaredIndependence(table, 2, labels.length).pValue;
  return { column: name, type, method: "chi-squared (effect: Jensen–Shannon beyond chance)", effect, rawEffect: raw, pValue, drifted: pValue < judge.alpha && significant && effect >= judge.threshold / 2, ...extra };
}

/** For sorted values: every value is the smallest or the largest. */
function atMostTwoValues(sorted: Float64Array): boolean {
  const low = sorted[0];
  const high = sorted[sorted.length - 1];
  for (let i = 0; i < sorted.length; i++) if (sorted[i] !== low && sorted[i] !== high) return false;
  return true;
}

function present(values: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) out[k++] = values[i];
  return out;
}

function numericPsi(a: Float64Array, b: Float64Array): number {
  const edges = bucketEdges(a, 10, "quantile");
  const bins = (xs: Float64Array) => {
    const counts = new Float64Array(edges.length + 1);
    for (const x of xs) counts[bucketOf(edges, x)]++;
    return counts;
  };
  return psi(bins(a), bins(b));
}
