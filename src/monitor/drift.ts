/**
 * drift(REFERENCE, CURRENT): has the data changed? Per column, a test chosen by type
 * and size. With a small reference, significance tests (Kolmogorov–Smirnov for numbers,
 * chi-squared for categories, two proportions for binary columns), Bonferroni-corrected
 * over the columns and required to show a minimum effect too, so a tiny sample cannot
 * raise an alarm on noise. With a large reference, effect sizes alone (Wasserstein
 * distance over the reference's standard deviation; Jensen–Shannon distance in base 2),
 * each against a threshold of 0.1, so a huge sample cannot raise an alarm on a
 * difference too small to matter. PSI on request.
 */
import { driftChart } from "../charts/drift.js";
import { type Column, MISSING_CODE } from "../data/column.js";
import { type DataInput, resolveData } from "../data/convert.js";
import type { Dataset } from "../data/dataset.js";
import { formatCell, formatPercent } from "../display/format.js";
import { bucketEdges, bucketOf } from "../features/bucketize.js";
import { message } from "../messages.js";
import { checkOptions, numberOption } from "../options.js";
import { createResult, type Result } from "../result.js";
import { Progress } from "../runtime/context.js";
import { jensenShannon, ksPValue, ksStatistic, psi, wasserstein } from "../stats/distribution-distance.js";
import { chiSquaredIndependence } from "../stats/tests.js";
import { FittedPipeline } from "../features/pipeline.js";
import { checkComparable } from "./comparable.js";
import { populationStd } from "../stats/summary.js";

export interface DriftOptions {
  readonly columns?: readonly string[];
  /** Reference rows at or above which effect sizes replace significance tests. Default 1,000. */
  readonly largeSample?: number;
  readonly threshold?: number;
  /** Also report the population stability index (10 reference-quantile bins for numbers). */
  readonly psi?: boolean;
  /** A fitted pipeline whose predictions on both data sets are compared as well. */
  readonly model?: FittedPipeline;
}

export interface ColumnDrift {
  readonly column: string;
  readonly type: "numeric" | "categorical" | "binary";
  readonly method: string;
  /** The effect size on its own scale (KS D, normalised Wasserstein, JS distance, or difference in proportions). */
  readonly effect: number;
  readonly pValue?: number;
  readonly psi?: number;
  readonly drifted: boolean;
  readonly note?: string;
}

export interface DriftData {
  readonly referenceRows: number;
  readonly currentRows: number;
  readonly regime: "small reference: tests plus a minimum effect" | "large reference: effect sizes";
  readonly columns: readonly ColumnDrift[];
  readonly driftedShare: number;
  /** The drift of the model's predictions (labels, or values for numbers), when a model is given. */
  readonly predictions?: ColumnDrift;
}

const ANALYSIS = "drift";

export async function drift(reference: DataInput, current: DataInput, options: DriftOptions = {}): Promise<Result<DriftData>> {
  const ref = await resolveData(reference, "REFERENCE");
  const cur = await resolveData(current, "CURRENT");
  checkOptions(ANALYSIS, options, {
    columns: (v, o) => {
      if (!Array.isArray(v)) throw message.badOption(ANALYSIS, o, v, "a list of column names");
    },
    largeSample: numberOption(ANALYSIS, 1, true),
    threshold: numberOption(ANALYSIS, 0),
    psi: () => {},
    model: (v, o) => {
      if (!(v instanceof FittedPipeline)) throw message.badOption(ANALYSIS, o, v, "a fitted pipeline (await litml.pipelineFor(name).fit(data, target))");
    },
  });
  const names = options.columns ?? ref.names;
  checkComparable(ref, cur, names);
  if (ref.nRows === 0 || cur.nRows === 0) throw message.emptyData(ref.nRows === 0 ? "REFERENCE" : "CURRENT");
  const large = ref.nRows >= (options.largeSample ?? 1000);
  const threshold = options.threshold ?? 0.1;
  const alpha = 0.05 / Math.max(1, names.length);
  const progress = new Progress("measuring drift", names.length);
  const columns: ColumnDrift[] = [];
  for (const name of names) {
    columns.push(columnDrift(name, ref.column(name), cur.column(name), large, threshold, alpha, options.psi === true));
    await progress.step();
  }
  progress.finish();
  const predictions = options.model ? predictionDrift(options.model, ref, cur, large, threshold, alpha) : undefined;
  const judged = columns.filter((c) => c.method !== "skipped");
  const driftedShare = judged.length ? judged.filter((c) => c.drifted).length / judged.length : 0;
  const driftData: DriftData = { referenceRows: ref.nRows, currentRows: cur.nRows, regime: large ? "large reference: effect sizes" : "small reference: tests plus a minimum effect", columns, driftedShare, ...(predictions ? { predictions } : {}) };
  const drifted = columns.filter((c) => c.drifted);
  const level = driftedShare === 0 ? "ok" : driftedShare < 0.5 ? "warn" : "fail";
  const listing = drifted.slice(0, 4).map((c) => `"${c.column}" (${c.method} ${formatCell(c.effect)})`).join(", ");
  return createResult({
    kind: "drift",
    version: 1,
    title: `Drift: ${cur.nRows.toLocaleString("en-US")} current rows against ${ref.nRows.toLocaleString("en-US")} reference rows`,
    verdict: {
      level,
      text:
        (drifted.length === 0
          ? `No column drifted (${driftData.regime}; ${judged.length} columns compared).`
          : `${drifted.length} of ${judged.length} columns drifted (${formatPercent(driftedShare, 0)}): ${listing}${drifted.length > 4 ? ", …" : ""}. ${level === "fail" ? "Most of the data has changed: re-evaluate the model on current data before trusting it." : "Check whether the model relies on these columns, and how its predictions moved."}`) +
        (predictions ? ` The model's predictions ${predictions.drifted ? "drifted" : "did not drift"} (${predictions.method} ${formatCell(predictions.effect)}).` : ""),
    },
    notes: columns.filter((c) => c.note).map((c) => `"${c.column}": ${c.note}`),
    table: {
      columns: ["column", "type", "method", "effect", "p-value", ...(options.psi ? ["PSI"] : []), "drifted"],
      rows: [...columns, ...(predictions ? [predictions] : [])].map((c) => [c.column, c.type, c.method, Number.isNaN(c.effect) ? null : c.effect, c.pValue ?? null, ...(options.psi ? [c.psi ?? null] : []), c.drifted ? "yes" : "no"]),
    },
    chart: driftChart(driftData, threshold),
    data: driftData,
    datasets: [
      { name: ref.meta.name ?? "reference", hash: ref.contentHash(), rows: ref.nRows },
      { name: cur.meta.name ?? "current", hash: cur.contentHash(), rows: cur.nRows },
    ],
  });
}

/** The model's predictions on both sides, compared like any column: labels as categories, numbers as numbers. */
function predictionDrift(model: FittedPipeline, ref: Dataset, cur: Dataset, large: boolean, threshold: number, alpha: number): ColumnDrift {
  const missing = model.inputs.filter((name) => !ref.has(name) || !cur.has(name));
  if (missing.length) throw message.driftColumns("the model's inputs are missing:", missing);
  const asColumn = (predicted: Int32Array | Float64Array): Column =>
    model.task === "classification" ? { type: "category", codes: predicted as Int32Array, dictionary: model.classes! } : { type: "number", values: predicted as Float64Array };
  const name = `predictions of ${model.model.model}`;
  return columnDrift(name, asColumn(model.predict(ref)), asColumn(model.predict(cur)), large, threshold, alpha, false);
}

function columnDrift(name: string, ref: Column, cur: Column, large: boolean, threshold: number, alpha: number, withPsi: boolean): ColumnDrift {
  if (ref.type === "category" && cur.type === "category") return categoricalDrift(name, ref, cur, large, threshold, alpha, withPsi);
  if (ref.type === "category" || cur.type === "category") throw message.driftColumns("the types differ for", [name]);
  const a = present(ref.values);
  const b = present(cur.values);
  if (a.length === 0 || b.length === 0) {
    return { column: name, type: "numeric", method: "skipped", effect: NaN, drifted: false, note: `all values are missing in the ${a.length === 0 ? "reference" : "current"} data; nothing to compare (fill or drop the column).` };
  }
  a.sort();
  b.sort();
  if (atMostTwoValues(a)) return binaryDrift(name, a, b, large, threshold, alpha);
  const extra = withPsi ? { psi: numericPsi(a, b) } : {};
  if (large) {
    const sd = populationStd(a);
    const effect = wasserstein(a, b) / (sd > 0 ? sd : 1);
    return { column: name, type: "numeric", method: "Wasserstein/sd", effect, drifted: effect > threshold, ...extra };
  }
  const d = ksStatistic(a, b);
  const pValue = ksPValue(d, a.length, b.length);
  return { column: name, type: "numeric", method: "Kolmogorov–Smirnov D", effect: d, pValue, drifted: pValue < alpha && d >= threshold, ...extra };
}

function binaryDrift(name: string, a: Float64Array, b: Float64Array, large: boolean, threshold: number, alpha: number): ColumnDrift {
  const high = a[a.length - 1];
  const share = (xs: Float64Array) => xs.filter((x) => x === high).length;
  const pa = share(a);
  const pb = share(b);
  const counts = [pa, a.length - pa, pb, b.length - pb];
  if (large) {
    const effect = jensenShannon([pa, a.length - pa], [pb, b.length - pb]);
    return { column: name, type: "binary", method: "Jensen–Shannon", effect, drifted: effect > threshold };
  }
  const pValue = chiSquaredIndependence(counts, 2, 2).pValue;
  const effect = Math.abs(pb / b.length - pa / a.length);
  return { column: name, type: "binary", method: "two proportions", effect, pValue, drifted: pValue < alpha && effect >= threshold / 2 };
}

function categoricalDrift(name: string, ref: Extract<Column, { type: "category" }>, cur: Extract<Column, { type: "category" }>, large: boolean, threshold: number, alpha: number, withPsi: boolean): ColumnDrift {
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
  const effect = jensenShannon(a, b);
  if (large) return { column: name, type, method: "Jensen–Shannon", effect, drifted: effect > threshold, ...extra };
  const table = new Float64Array(2 * labels.length);
  table.set(a, 0);
  table.set(b, labels.length);
  const pValue = chiSquaredIndependence(table, 2, labels.length).pValue;
  return { column: name, type, method: "chi-squared (effect: Jensen–Shannon)", effect, pValue, drifted: pValue < alpha && effect >= threshold / 2, ...extra };
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
