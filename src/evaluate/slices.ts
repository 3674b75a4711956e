/**
 * slices(DATA, { target, by }): the model's metric per slice of the data (and per
 * intersection of two columns), because an average can hide a group the model fails.
 * Predictions are out of fold, so every row is scored by a model that never saw it.
 * A slice is called worse only if it is big enough to judge and its shortfall survives
 * a correction for the number of slices compared.
 */
import { slicesChart } from "../charts/slices.js";
import { type DataInput, resolveData } from "../data/convert.js";
import type { Dataset } from "../data/dataset.js";
import { groupRows } from "../data/group.js";
import { formatCell } from "../display/format.js";
import type { FramingCard } from "../frame/card.js";
import { targetOf } from "../features/target.js";
import { framedMetric, framedSlices } from "../frame/defaults.js";
import { message } from "../messages.js";
import type { Target } from "../models/contract.js";
import { checkOptions, columnOf, numberOption } from "../options.js";
import { createResult, type Result, type Verdict } from "../result.js";
import { Progress } from "../runtime/context.js";
import { holm } from "../stats/adjust.js";
import { normalCdf } from "../stats/normal.js";
import { chooseModel, type ModelInput } from "../validate/model.js";
import { atRows, outOfFold, subsetPredictions, subsetTarget } from "../validate/out-of-fold.js";
import { planFolds } from "../validate/plan.js";
import { bootstrap, wilson } from "../stats/intervals.js";
import { defaultMetric, metric, type MetricSpec, type Predictions } from "../metrics/registry.js";
import { grouping } from "./simpson/prepare.js";

export interface SlicesOptions {
  readonly target?: string;
  /** One column, or two for their intersections. */
  readonly by?: string | readonly string[];
  /** A registry name (with `params`) or your own Pipeline. */
  readonly model?: ModelInput;
  readonly params?: object;
  readonly metric?: string;
  /** A column of row weights, for rows that matter more (revenue, risk). */
  readonly weight?: string;
  readonly folds?: number;
  /** Slices with fewer rows are listed but never judged. Default 30. */
  readonly minSize?: number;
  readonly buckets?: number;
  readonly maxSlices?: number;
  readonly seed?: number;
  readonly card?: FramingCard;
}

export interface Slice {
  readonly label: string;
  readonly n: number;
  readonly value: number;
  readonly low: number;
  readonly high: number;
  /** Slice minus overall, signed so that negative is worse. */
  readonly gap: number;
  readonly adjustedPValue: number;
  readonly status: "worse" | "ok" | "too small";
}

export interface SlicesData {
  readonly target: string;
  readonly by: readonly string[];
  readonly model: string;
  readonly metric: string;
  readonly overall: number;
  readonly correction: string;
  readonly slices: readonly Slice[];
}

const ANALYSIS = "slices";
/** Metrics that are a weighted share of rows (so slice-vs-rest is a two-proportion test). */
const PROPORTIONS = new Set(["accuracy", "f1-micro"]);

export async function slices(data: DataInput, options: SlicesOptions): Promise<Result<SlicesData>> {
  const dataset = await resolveData(data);
  const count = numberOption(ANALYSIS, 1, true);
  checkOptions(ANALYSIS, options, {
    target: columnOf(ANALYSIS, dataset),
    by: (v, o) => {
      const names = typeof v === "string" ? [v] : v;
      if (!Array.isArray(names) || names.length < 1 || names.length > 2) throw message.badOption(ANALYSIS, o, v, "one column, or two for intersections");
      for (const name of names) dataset.column(String(name));
    },
    model: () => {},
    params: () => {},
    metric: () => {},
    weight: columnOf(ANALYSIS, dataset),
    folds: count,
    minSize: count,
    buckets: count,
    maxSlices: count,
    seed: numberOption(ANALYSIS),
    card: () => {},
  });
  const by = options?.by === undefined ? [...(framedSlices(options.card) ?? [])] : typeof options.by === "string" ? [options.by] : [...options.by];
  if (by.length === 0) throw message.badOption(ANALYSIS, "by", undefined, "the column(s) to slice by (--by COL or --by COL1,COL2), or slices of concern on the framing card");
  const targetName = options.target ?? dataset.roles.target;
  if (targetName === undefined) throw message.badOption(ANALYSIS, "target", undefined, "the column to predict (--target COL)");
  const maxSlices = options.maxSlices ?? 60;
  // Validate the slicing first: a column with 100k values fails here, before any model trains.
  const groups = by.map((name) => grouping(dataset.column(name), name, options.buckets ?? 4, maxSlices));
  const { codes, labels } = groups.length === 1 ? groups[0] : intersect(groups[0], groups[1]);
  if (labels.length > maxSlices * 4) throw message.tooManyGroups(by.join(" × "), labels.length, maxSlices * 4);
  const target = targetOf(dataset, targetName);
  const spec = metric(options.metric ?? framedMetric(options.card, target.kind) ?? defaultMetric(target.kind), target.kind);
  const chosen = chooseModel(ANALYSIS, options, dataset, targetName);
  const modelName = chosen.name;
  const seed = options.seed ?? 0;
  const plan = planFolds(ANALYSIS, dataset, target, { folds: options.folds, seed }, options.card);
  const { rows, truth, predictions } = await outOfFold(dataset, targetName, chosen.predictor, plan, { withProba: spec.needs === "proba", progress: new Progress(`slicing ${modelName}`, plan.folds.length) });
  const weights = options.weight === undefined ? undefined : weightColumn(dataset, options.weight);
  const computed = sliceMetrics(truth, predictions, atRows(codes, rows), labels, spec, weights && atRows(weights, rows), options.minSize ?? 30, seed);
  const slicesData: SlicesData = { target: targetName, by, model: modelName, metric: spec.name, ...computed };
  return createResult({
    kind: "slices",
    version: 1,
    title: `${spec.name} of ${modelName} per ${by.join(" × ")} slice`,
    verdict: verdictOf(slicesData),
    table: {
      columns: [by.join(" × "), "n", spec.name, "interval", "gap to overall", "adjusted p", "status"],
      rows: slicesData.slices.map((s) => [s.label, s.n, s.value, Number.isNaN(s.low) ? null : `${formatCell(s.low)} to ${formatCell(s.high)}`, s.gap, Number.isNaN(s.adjustedPValue) ? null : s.adjustedPValue, s.status]),
    },
    chart: slicesChart(slicesData),
    data: slicesData,
    seed,
    datasets: [{ name: dataset.meta.name ?? "data", hash: dataset.contentHash(), rows: dataset.nRows }],
  });
}

function intersect(a: { codes: Int32Array; labels: readonly string[] }, b: { codes: Int32Array; labels: readonly string[] }) {
  const codes = Int32Array.from(a.codes, (ca, i) => (ca < 0 || b.codes[i] < 0 ? -1 : ca * b.labels.length + b.codes[i]));
  const labels = a.labels.flatMap((la) => b.labels.map((lb) => `${la} × ${lb}`));
  return { codes, labels };
}

function weightColumn(dataset: Dataset, name: string): Float64Array {
  const column = dataset.column(name);
  if (column.type !== "number") throw message.badOption(ANALYSIS, "weight", name, "a numeric column of row weights");
  return column.values;
}

/** Per-slice metric, interval, gap and a multiplicity-corrected judgement, worst first. */
export function sliceMetrics(
  truth: Target,
  predictions: Predictions,
  codes: Int32Array,
  labels: readonly string[],
  spec: MetricSpec,
  weights: Float64Array | undefined,
  minSize: number,
  seed: number,
): { overall: number; correction: string; slices: Slice[] } {
  const overall = spec.compute(truth, predictions, weights);
  const sign = spec.greaterIsBetter ? 1 : -1;
  const { order, offsets } = groupRows(codes, labels.length);
  const present = labels.map((_, g) => g).filter((g) => offsets[g + 1] > offsets[g]);
  const judged = present.filter((g) => offsets[g + 1] - offsets[g] >= minSize);
  const proportion = PROPORTIONS.has(spec.name) && truth.kind === "classification" && predictions.labels !== undefined;
  // Correct over the slices actually judged: Holm for slice-vs-rest tests, Bonferroni-level intervals otherwise.
  const level = 1 - 0.05 / Math.max(1, judged.length);
  let totalHits = 0;
  let totalWeight = 0;
  if (proportion) {
    for (let i = 0; i < codes.length; i++) {
      const w = weights ? weights[i] : 1;
      totalWeight += w;
      if ((truth as Extract<Target, { kind: "classification" }>).codes[i] === predictions.labels![i]) totalHits += w;
    }
  }
  const classTruth = truth.kind === "classification" ? truth.codes : undefined;
  const raw = present.map((g) => {
    const rows = order.subarray(offsets[g], offsets[g + 1]);
    const big = rows.length >= minSize;
    if (proportion) {
      // A share of rows: one pass over the slice's rows gives the value, the interval and the test.
      let hits = 0;
      let w = 0;
      let w2 = 0;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        const weight = weights ? weights[r] : 1;
        w += weight;
        w2 += weight * weight;
        if (classTruth![r] === predictions.labels![r]) hits += weight;
      }
      // Kish's effective sample size turns weighted counts into a binomial-like n.
      const nEffective = (w * w) / w2;
      const { low, high } = wilson((hits / w) * nEffective, nEffective);
      const pValue = big ? twoProportionP(hits, w, totalHits - hits, totalWeight - w) : NaN;
      return { g, label: labels[g], n: rows.length, value: hits / w, low, high, big, pValue };
    }
    const subTruth = subsetTarget(truth, rows);
    const subPredictions = subsetPredictions(predictions, rows);
    const subWeights = weights ? Float64Array.from(rows, (r) => weights[r]) : undefined;
    const value = spec.compute(subTruth, subPredictions, subWeights);
    const interval = bootstrap(rows.length, (sample) => spec.compute(subsetTarget(subTruth, sample), subsetPredictions(subPredictions, sample)), {
      seed: seed + g,
      resamples: 200,
      confidence: big ? level : 0.95,
    });
    return { g, label: labels[g], n: rows.length, value, low: interval.low, high: interval.high, big, pValue: NaN };
  });
  const adjusted = proportion ? holm(raw.map((s) => (s.big ? s.pValue : NaN))) : raw.map(() => NaN);
  const slices: Slice[] = raw.map((s, i) => {
    const gap = sign * (s.value - overall);
    // Worse: the corrected test rejects, or the whole (Bonferroni-level) interval lies on the bad side of overall.
    const clearlyBelow = spec.greaterIsBetter ? s.high < overall : s.low > overall;
    const worse = s.big && gap < 0 && (proportion ? adjusted[i] < 0.05 : clearlyBelow);
    return { label: s.label, n: s.n, value: s.value, low: s.low, high: s.high, gap, adjustedPValue: adjusted[i], status: !s.big ? "too small" : worse ? "worse" : "ok" };
  });
  // Judged slices first, worst first; those too small to judge after them.
  slices.sort((a, b) => Number(a.status === "too small") - Number(b.status === "too small") || a.gap - b.gap);
  const correction = proportion ? `Holm correction over ${judged.length} slices (two-proportion test, slice against the rest)` : `Bonferroni-level ${(level * 100).toFixed(2)}% bootstrap intervals over ${judged.length} slices`;
  return { overall, correction, slices };
}

/** Two-sided p-value of the two-proportion z-test (hits1 / n1 against hits2 / n2). */
function twoProportionP(hits1: number, n1: number, hits2: number, n2: number): number {
  if (n1 <= 0 || n2 <= 0) return NaN;
  const p = (hits1 + hits2) / (n1 + n2);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return 1;
  const z = (hits1 / n1 - hits2 / n2) / se;
  return 2 * (1 - normalCdf(Math.abs(z)));
}

function verdictOf(d: SlicesData): Verdict {
  const worse = d.slices.filter((s) => s.status === "worse");
  const small = d.slices.filter((s) => s.status === "too small").length;
  const by = d.by.join(" × ");
  const describe = (s: Slice) => `${by} = ${s.label}: ${formatCell(s.value)} (interval ${formatCell(s.low)} to ${formatCell(s.high)}, n = ${s.n})`;
  const smallNote = small ? ` ${small} slice${small > 1 ? "s are" : " is"} too small to judge.` : "";
  if (worse.length === 0) {
    const worst = d.slices.find((s) => s.status === "ok");
    return {
      level: "ok",
      text: `No slice is significantly worse than the overall ${d.metric} of ${formatCell(d.overall)} after a ${d.correction}${worst ? `; the weakest, ${describe(worst)}, is within the noise` : ""}.${smallNote}`,
    };
  }
  return {
    level: "warn",
    text: `${worse.length} of ${d.slices.length} slices are significantly worse than the overall ${d.metric} of ${formatCell(d.overall)} (${d.correction}); worst: ${worse.slice(0, 3).map(describe).join("; ")}.${smallNote}`,
  };
}
