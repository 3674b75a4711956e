/**
 * The model's metric per slice of the data (and per intersection of two columns), from
 * out-of-fold predictions, so every row is scored by a model that never saw it. A slice
 * is called worse only if it is big enough to judge and its shortfall survives a
 * correction for the number of slices compared.
 */
import type { Dataset } from "../../data/dataset.js";
import { groupRows } from "../../data/group.js";
import { crossGroupings, grouping } from "../../features/grouping.js";
import { targetOf } from "../../features/target.js";
import { framedMetric, framedSlices } from "../../frame/defaults.js";
import { message } from "../../messages.js";
import { defaultMetric, metric, type MetricSpec, type Predictions } from "../../metrics/registry.js";
import type { Target } from "../../models/contract.js";
import { Progress } from "../../runtime/context.js";
import { holm } from "../../stats/adjust.js";
import { subsampledBootstrap, wilson } from "../../stats/intervals.js";
import { twoProportionP } from "../../stats/tests.js";
import { checkDesignFits, poolingNotes } from "../../validate/design.js";
import { chooseModel } from "../../validate/model.js";
import { atRows, outOfFold, subsetPredictions, subsetTarget } from "../../validate/out-of-fold.js";
import { planFolds } from "../../validate/plan.js";
import type { Slice, SlicesData, SlicesOptions } from "./types.js";

const ANALYSIS = "slices";
/** Metrics that are a weighted share of rows (so slice-vs-rest is a two-proportion test). */
const PROPORTIONS = new Set(["accuracy", "f1-micro"]);

export async function computeSlices(dataset: Dataset, options: SlicesOptions): Promise<SlicesData> {
  const p = await slicePredictions(dataset, options);
  const computed = sliceMetrics(p.truth, p.predictions, p.codes, p.labels, p.spec, p.weights, options.minSize ?? 30, options.seed ?? 0);
  return { target: p.target, by: p.by, model: p.model, metric: p.spec.name, ...(options.weight ? { weight: options.weight } : {}), ...computed, encoding: p.encoding };
}

export interface SlicePredictions {
  readonly target: string;
  readonly by: readonly string[];
  readonly model: string;
  readonly spec: MetricSpec;
  /** Aligned with the tested rows: their truth, out-of-fold predictions, slice codes and weights. */
  readonly truth: Target;
  readonly predictions: Predictions;
  readonly codes: Int32Array;
  readonly labels: readonly string[];
  readonly weights?: Float64Array;
  readonly encoding: readonly string[];
}

/** The slicing, checked before any model trains, then every tested row's out-of-fold prediction. */
export async function slicePredictions(given: Dataset, options: SlicesOptions): Promise<SlicePredictions> {
  const by = options.by === undefined ? [...(framedSlices(options.card) ?? [])] : typeof options.by === "string" ? [options.by] : [...options.by];
  if (by.length === 0) throw message.badOption(ANALYSIS, "by", undefined, "the column(s) to slice by (--by COL or --by COL1,COL2), or slices of concern on the framing card");
  if (by.length > 2) throw message.badOption(ANALYSIS, "by", by, "one column, or two for intersections");
  const targetName = options.target ?? given.roles.target;
  if (targetName === undefined) throw message.badOption(ANALYSIS, "target", undefined, "the column to predict (--target COL)");
  const maxSlices = options.maxSlices ?? 60;
  // Validate the slicing first: a column with 100k values fails here, before any model trains.
  const groups = by.map((name) => grouping(given.column(name), name, options.buckets ?? 4, maxSlices));
  const { codes, labels } = groups.length === 1 ? groups[0] : crossGroupings(groups[0], groups[1]);
  if (labels.length > maxSlices * 4) throw message.tooManyGroups(by.join(" × "), labels.length, maxSlices * 4);
  // A weight column is a role, not a feature: the model fits with it and never reads it as an input.
  const weights = options.weight === undefined ? undefined : weightColumn(given, options.weight);
  const dataset = options.weight === undefined ? given : given.withRoles({ weight: options.weight });
  const target = targetOf(dataset, targetName);
  const spec = metric(options.metric ?? framedMetric(options.card, target.kind) ?? defaultMetric(target.kind), target.kind);
  const chosen = chooseModel(ANALYSIS, options, dataset, targetName);
  const plan = planFolds(ANALYSIS, dataset, target, { folds: options.folds, seed: options.seed ?? 0 }, options.card);
  checkDesignFits(ANALYSIS, chosen, dataset, targetName, plan);
  let encoding: string[] | undefined;
  const { rows, truth, predictions } = await outOfFold(dataset, targetName, chosen.predictor, plan, {
    withProba: spec.needs === "proba",
    progress: new Progress(`slicing ${chosen.name}`, plan.folds.length),
    probe: (fitted) => (encoding ??= poolingNotes(fitted)),
  });
  return {
    target: targetName,
    by,
    model: chosen.name,
    spec,
    truth,
    predictions,
    codes: atRows(codes, rows),
    labels,
    ...(weights ? { weights: atRows(weights, rows) } : {}),
    encoding: encoding ?? [],
  };
}

function weightColumn(dataset: Dataset, name: string): Float64Array {
  const column = dataset.column(name);
  if (column.type !== "number") throw message.badOption(ANALYSIS, "weight", name, "a numeric column of row weights");
  const values = column.values;
  for (let i = 0; i < values.length; i++) if (!(values[i] >= 0)) throw message.badOption(ANALYSIS, "weight", `${name}[${i}] = ${values[i]}`, "weights ≥ 0 in every row");
  return values;
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
  const classTruth = truth.kind === "classification" ? truth.codes : undefined;
  const hit = (r: number) => (classTruth![r] === predictions.labels![r] ? 1 : 0);
  let totalHits = 0;
  let totalWeight = 0;
  let totalSquares = 0;
  if (proportion) {
    for (let r = 0; r < codes.length; r++) {
      const w = weights ? weights[r] : 1;
      totalWeight += w;
      totalSquares += w * w;
      totalHits += w * hit(r);
    }
  }
  // Kish's effective sample size turns weighted counts into a binomial-like n (the count itself when unweighted).
  const effective = (w: number, w2: number) => (w2 > 0 ? (w * w) / w2 : 0);
  const raw = present.map((g) => {
    const rows = order.subarray(offsets[g], offsets[g + 1]);
    const big = rows.length >= minSize;
    if (proportion) {
      // A share of rows: one pass over the slice's rows gives the value, the interval and the test.
      let hits = 0;
      let w = 0;
      let w2 = 0;
      for (let i = 0; i < rows.length; i++) {
        const weight = weights ? weights[rows[i]] : 1;
        w += weight;
        w2 += weight * weight;
        hits += weight * hit(rows[i]);
      }
      const nEffective = effective(w, w2);
      const { low, high } = wilson((hits / w) * nEffective, nEffective);
      const pValue = big ? twoProportionP(hits / w, nEffective, (totalHits - hits) / (totalWeight - w), effective(totalWeight - w, totalSquares - w2)) : NaN;
      return { g, label: labels[g], n: rows.length, value: hits / w, low, high, big, pValue };
    }
    const subTruth = subsetTarget(truth, rows);
    const subPredictions = subsetPredictions(predictions, rows);
    const subWeights = weights ? Float64Array.from(rows, (r) => weights[r]) : undefined;
    const value = spec.compute(subTruth, subPredictions, subWeights);
    const statistic = (sample: Int32Array) => spec.compute(subsetTarget(subTruth, sample), subsetPredictions(subPredictions, sample), subWeights && Float64Array.from(sample, (r) => subWeights[r]));
    // Past 20,000 rows the interval comes from a subsample, scaled: resampling three million rows 200 times took minutes.
    const interval = subsampledBootstrap(rows.length, statistic, value, { seed: seed + g, resamples: 200, confidence: big ? level : 0.95, maxRows: 20_000 });
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
  const correction = proportion ? `Holm correction over ${judged.length} slices (two-proportion test, slice against the rest)` : `Bonferroni-corrected bootstrap intervals (95% for all ${judged.length} slices together)`;
  return { overall, correction, slices };
}
