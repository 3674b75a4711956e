/**
 * The model is trained on nested, growing subsets of each fold's training rows and scored
 * on them and on the fold's held-out rows. The validation error is fitted as a power law
 * with an irreducible floor, weighted by each size's spread over folds; the fit and the
 * measured points are then read together, so the reading never contradicts the points.
 */
import type { Dataset } from "../../data/dataset.js";
import type { Pipeline } from "../../features/pipeline.js";
import type { Fold } from "../../data/splits/fold.js";
import { targetOf } from "../../features/target.js";
import { framedMetric, framedSuccess } from "../../frame/defaults.js";
import { message } from "../../messages.js";
import { defaultMetric, metric, type MetricSpec } from "../../metrics/registry.js";
import { Progress } from "../../runtime/context.js";
import { type FoldCurve, foldCurve } from "../../validate/fold-curve.js";
import { poolAvailable, type PoolReply, runOnPool } from "../../validate/pool.js";
import { pipelineSpec } from "../../validate/pool-spec.js";
import { quantileSorted } from "../../stats/intervals.js";
import { fitFloorPowerLaw, powerLawAt, powerLawRows } from "../../stats/power-law.js";
import { mean, sampleStd } from "../../stats/summary.js";
import { Random } from "../../util/random.js";
import { chooseModel } from "../../validate/model.js";
import { planFolds } from "../../validate/plan.js";
import type { CurvePoint, LearningCurveData, LearningCurveOptions, PowerLaw, RowsNeeded } from "./types.js";

export const ANALYSIS = "learningCurve";
/** Refits of the curve behind the rows-needed interval. */
const REFITS = 300;

export async function computeLearningCurve(dataset: Dataset, options: LearningCurveOptions): Promise<LearningCurveData> {
  const targetName = options.target ?? dataset.roles.target;
  if (targetName === undefined) throw message.badOption(ANALYSIS, "target", undefined, "the column to predict (--target COL)");
  const target = targetOf(dataset, targetName);
  const spec = metric(options.metric ?? framedMetric(options.card, target.kind) ?? defaultMetric(target.kind), target.kind);
  const successValue = options.successValue ?? framedSuccess(options.card, target.kind);
  const chosen = chooseModel(ANALYSIS, options, dataset, targetName);
  const pipeline = chosen.pipeline!;
  const seed = options.seed ?? 0;
  const { folds } = planFolds(ANALYSIS, dataset, target, { folds: options.folds, seed }, options.card);
  const smallestTrain = Math.min(...folds.map((f) => f.train.length));
  const notes: string[] = [];
  const sizes = chooseSizes(options.sizes, smallestTrain, target.kind === "classification" ? target.classes.length : 1, notes);
  const random = new Random(seed);
  const progress = new Progress(`learning curve of ${chosen.name}`, sizes.length * folds.length);
  const trainScores = sizes.map(() => [] as number[]);
  const validationScores = sizes.map(() => [] as number[]);
  // Each fold's shuffle is drawn here, in fold order, whether the folds then run in this thread or on the pool: the same rows either way.
  const orders = folds.map((fold) => random.shuffle(Int32Array.from(fold.train)));
  const pooled = await curvesOnPool(dataset, targetName, pipeline, folds, orders, sizes, spec, progress);
  for (const [f, fold] of folds.entries()) {
    const curve = pooled?.[f] ?? (await foldCurve(dataset, targetName, pipeline, orders[f], fold.test, sizes, spec, progress));
    curve.train.forEach((score, s) => trainScores[s].push(score));
    curve.validation.forEach((score, s) => validationScores[s].push(score));
  }
  progress.finish();
  const points: CurvePoint[] = sizes.map((size, s) => {
    const train = trainScores[s].filter(Number.isFinite);
    const validation = validationScores[s].filter(Number.isFinite);
    return { size, train: mean(train), trainStd: sampleStd(train), validation: mean(validation), validationStd: sampleStd(validation), folds: validation.length };
  });
  return { target: targetName, model: chosen.name, metric: spec.name, greaterIsBetter: spec.greaterIsBetter, perfect: spec.perfect, points, ...readCurve(points, spec, successValue, folds.length, notes, seed), notes };
}

/**
 * The folds' curves from the pool of worker threads (src/validate/pool.ts), or undefined
 * where they are fitted in this thread: LITML_THREADS=1, one fold, a pipeline a worker
 * cannot rebuild (see pipelineSpec) or a metric that is not the registry's own.
 */
async function curvesOnPool(dataset: Dataset, targetName: string, pipeline: Pipeline, folds: readonly Fold[], orders: readonly Int32Array[], sizes: readonly number[], spec: MetricSpec, progress: Progress): Promise<FoldCurve[] | undefined> {
  if (folds.length < 2 || !poolAvailable() || metric(spec.name, spec.task) !== spec) return undefined;
  const pipelineSpecOf = pipelineSpec(pipeline);
  if (pipelineSpecOf === undefined) return undefined;
  const curves: FoldCurve[] = [];
  const tasks = folds.map((fold, f) => ({ kind: "curve" as const, spec: pipelineSpecOf, target: targetName, train: orders[f], test: fold.test, sizes, metric: spec.name, targetKind: spec.task }));
  await runOnPool<Extract<PoolReply, { kind: "curve" }>>(dataset, tasks, `fitting the learning curve of ${pipeline.model.model}`, (_, reply) => curves.push({ train: reply.train, validation: reply.validation }), progress, folds.map(() => sizes.length));
  return curves;
}

function chooseSizes(asked: readonly number[] | undefined, available: number, classes: number, notes: string[]): number[] {
  if (asked) {
    if (asked.length < 2 || asked.some((s) => !(s > 0))) throw message.badOption(ANALYSIS, "sizes", asked, "two or more positive sizes");
    const rows = asked.every((s) => s <= 1) ? asked.map((s) => Math.round(s * available)) : [...asked];
    const kept = rows.filter((s) => s <= available);
    if (kept.length < rows.length) notes.push(`Sizes above ${available} rows (the smallest training fold) were dropped: ${rows.filter((s) => s > available).join(", ")}.`);
    if (kept.length < 2) throw message.badOption(ANALYSIS, "sizes", asked, `at least two sizes of at most ${available} rows (the training folds hold no more)`);
    return [...new Set(kept)].sort((a, b) => a - b);
  }
  const smallest = Math.min(available, Math.max(20, 5 * classes));
  const count = 6;
  return [...new Set(Array.from({ length: count }, (_, i) => Math.round(smallest * (available / smallest) ** (i / (count - 1)))))];
}

type Reading = Omit<LearningCurveData, "target" | "model" | "metric" | "greaterIsBetter" | "perfect" | "points" | "notes">;

/**
 * Fits the floor power law to the usable points and reads the curve: the predicted gain of
 * one more doubling, the measured gain of the last step, whether the success value is
 * already reached, lies beyond the floor, or how many rows would reach it.
 */
export function readCurve(points: readonly CurvePoint[], spec: Pick<MetricSpec, "perfect" | "greaterIsBetter">, successValue: number | undefined, folds: number, notes: string[], seed = 0): Reading {
  const error = (score: number) => Math.abs(spec.perfect - score);
  const dropped: { size: number; reason: string }[] = [];
  const usable = points.filter((p) => {
    if (!Number.isFinite(p.validation) || p.folds < folds) dropped.push({ size: p.size, reason: "its score is undefined in some folds (a subset too small to hold every class)" });
    else if (folds > 1 && p.validationStd === 0) dropped.push({ size: p.size, reason: "the same score in every fold, as constant predictions give" });
    else return true;
    return false;
  });
  if (dropped.length > 0) notes.push(`Left out of the fit: ${dropped.map((d) => `${d.size} rows (${d.reason})`).join("; ")}.`);
  const last = points[points.length - 1];
  const gap = spec.greaterIsBetter ? last.train - last.validation : last.validation - last.train;
  const room = error(last.validation);
  const better = (a: number, b: number) => (spec.greaterIsBetter ? a >= b : a <= b);
  const reachedPoint = successValue === undefined ? undefined : points.find((p) => Number.isFinite(p.validation) && better(p.validation, successValue));
  // Each point's weight is its standard error over folds, kept away from zero so one lucky size cannot pin the curve.
  const standardErrors = usable.map((p) => (Number.isFinite(p.validationStd) ? p.validationStd : 0) / Math.sqrt(p.folds));
  const typical = quantileSorted([...standardErrors].sort((a, b) => a - b), 0.5);
  const sigmas = Float64Array.from(standardErrors, (s) => Math.max(s, 0.25 * typical, 1e-6 * Math.max(1, Math.abs(spec.perfect))));
  const sizes = usable.map((p) => p.size);
  const errors = usable.map((p) => error(p.validation));
  let fit: PowerLaw | undefined;
  let gainPerDoubling = 0;
  let rowsNeeded: RowsNeeded | null = null;
  let beyondFloor = false;
  if (usable.length >= 4) {
    const law = fitFloorPowerLaw(sizes, errors, sigmas);
    fit = { floor: law.floor, scale: law.scale, exponent: law.exponent, sizes };
    const largest = sizes[sizes.length - 1];
    gainPerDoubling = powerLawAt(law, largest) - powerLawAt(law, 2 * largest);
    if (successValue !== undefined && reachedPoint === undefined) {
      const goal = error(successValue);
      const estimate = powerLawRows(law, goal);
      if (!Number.isFinite(estimate)) beyondFloor = true;
      else {
        const interval = rowsInterval(sizes, sigmas, law, goal, seed);
        rowsNeeded = { estimate: Math.ceil(estimate), low: Math.min(interval.low, Math.ceil(estimate)), high: interval.high === null ? null : Math.max(interval.high, Math.ceil(estimate)) };
      }
    }
  } else {
    notes.push(`Too few usable sizes (${usable.length}) to fit a power law with a floor: it needs four.`);
  }
  // The measured gain per doubling over the last step, which the reading must not contradict.
  const previous = usable.length >= 2 ? usable[usable.length - 2] : undefined;
  const lastPoint = usable[usable.length - 1] ?? last;
  const lastGainPerDoubling = previous ? (error(previous.validation) - error(lastPoint.validation)) / Math.log2(lastPoint.size / previous.size) : 0;
  // Worth another doubling: half a point on a bounded metric (accuracy, AUC …), or 1% of the current error on an unbounded one (RMSE …).
  const meaningful = spec.perfect === 1 ? 0.005 : 0.01 * room;
  const fitRises = gainPerDoubling > meaningful;
  const pointsRise = lastGainPerDoubling > meaningful / 2;
  if (fitRises && !pointsRise) notes.push(`The fitted curve predicts ${round3(gainPerDoubling)} per doubling, but the last two sizes gained ${round3(lastGainPerDoubling)} per doubling: the points say the curve has flattened.`);
  const state: "rising" | "plateaued" = fitRises && pointsRise ? "rising" : "plateaued";
  const diagnosis: LearningCurveData["diagnosis"] =
    gap > Math.max(0.02, 0.25 * room) ? "high variance" : room > 0.1 * Math.max(1, Math.abs(spec.perfect)) && gap < 0.25 * room ? "high bias" : "balanced";
  return {
    ...(fit ? { fit } : {}),
    dropped,
    gainPerDoubling,
    lastGainPerDoubling,
    ...(successValue !== undefined ? { successValue } : {}),
    reached: reachedPoint !== undefined,
    ...(reachedPoint ? { reachedAt: reachedPoint.size } : {}),
    rowsNeeded,
    beyondFloor,
    state,
    diagnosis,
  };
}

/**
 * The rows-needed interval from refits of the curve to points redrawn around the fitted
 * one (each by its standard error, scaled by the fit's own residual spread): the 2.5th and
 * 97.5th percentiles of the refits' answers; no upper bound when more than 2.5% of the
 * refits put the goal beyond their floor.
 */
function rowsInterval(sizes: number[], sigmas: Float64Array, law: { floor: number; scale: number; exponent: number; ssr: number }, goal: number, seed: number): { low: number; high: number | null } {
  const random = new Random(seed);
  const dof = sizes.length - 3;
  const spread = dof > 0 ? Math.max(1, Math.sqrt(law.ssr / dof)) : 1;
  const answers = new Float64Array(REFITS);
  for (let r = 0; r < REFITS; r++) {
    const redrawn = sizes.map((n, i) => Math.max(0, powerLawAt(law, n) + spread * sigmas[i] * random.normal()));
    answers[r] = powerLawRows(fitFloorPowerLaw(sizes, redrawn, sigmas), goal);
  }
  answers.sort();
  // Infinite answers sort last; an interpolation that touches one is unbounded.
  const high = quantileSorted(answers, 0.975);
  const low = quantileSorted(answers, 0.025);
  return { low: Number.isFinite(low) ? Math.ceil(low) : Infinity, high: Number.isFinite(high) ? Math.ceil(high) : null };
}

function round3(x: number): string {
  return x.toPrecision(2);
}
