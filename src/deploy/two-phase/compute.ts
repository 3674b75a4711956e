/**
 * Two-phase prediction measured: both models' out-of-fold probabilities on the same folds
 * (the validation engine), the system's accuracy, share escalated and mean latency against
 * the cut, and each model's per-row predict time measured on this machine.
 */
import { availableParallelism } from "node:os";
import type { Dataset } from "../../data/dataset.js";
import { type Matrix, matrix } from "../../data/matrix.js";
import { targetOf } from "../../features/target.js";
import { framedMetric, framedMinGain } from "../../frame/defaults.js";
import { message } from "../../messages.js";
import type { Target } from "../../models/contract.js";
import { Progress } from "../../runtime/context.js";
import { subsampledBootstrap, wilson } from "../../stats/intervals.js";
import { chooseModel, type ModelChoice } from "../../validate/model.js";
import { fitFold, outOfFold } from "../../validate/out-of-fold.js";
import { type FoldPlan, planFolds } from "../../validate/plan.js";
import type { FittedPredictor } from "../../validate/predictor.js";
import { labelledTarget } from "../../validate/target.js";
import { cascadeAt, leastEscalation, topAndRight } from "./cascade.js";
import type { CutPoint, ModelTiming, TwoPhaseData, TwoPhaseOptions } from "./types.js";

const ANALYSIS = "twoPhase";
/** Rows predicted one at a time in each timing repeat. */
const TIMED_ROWS = 100;
const DEFAULT_TOLERANCE = 0.005;

type ClassTarget = Extract<Target, { kind: "classification" }>;

export interface TwoPhaseProbabilities {
  readonly target: string;
  readonly plan: FoldPlan;
  readonly codes: Int32Array;
  readonly classes: readonly string[];
  readonly small: { readonly choice: ModelChoice; readonly proba: Matrix; readonly fitted: FittedPredictor; readonly test: Dataset };
  readonly large: { readonly choice: ModelChoice; readonly proba: Matrix; readonly fitted: FittedPredictor; readonly test: Dataset };
  readonly notes: string[];
}

/** The probabilities' columns in the order of `classes` (a class missing from a fold's training gets 0). */
function aligned(given: Matrix, classes: readonly string[]): Matrix {
  const n = given.rows;
  const out = matrix(n, classes.length, classes);
  classes.forEach((label, c) => {
    const from = given.names!.indexOf(label);
    if (from >= 0) out.data.set(given.data.subarray(from * n, (from + 1) * n), c * n);
  });
  return out;
}

/** Both models' out-of-fold probabilities on the same folds, and each one's first fold model (for timing). */
export async function twoPhaseProbabilities(raw: Dataset, options: TwoPhaseOptions): Promise<TwoPhaseProbabilities> {
  const notes: string[] = [];
  const { target, dataset } = labelledTarget(ANALYSIS, raw, options.target, notes);
  const truth = targetOf(dataset, target);
  if (truth.kind !== "classification") throw message.badOption(ANALYSIS, "target", target, "a class column (two-phase prediction escalates on the small model's class probability)");
  const small = chooseModel(ANALYSIS, { model: options.small, params: options.smallParams }, dataset, target, { fallback: "logistic" });
  const large = chooseModel(ANALYSIS, { model: options.large, params: options.largeParams }, dataset, target, { fallback: "gbdt" });
  const plan = planFolds(ANALYSIS, dataset, truth, { folds: options.folds, seed: options.seed, split: options.split, group: options.group, time: options.time }, options.card);
  // No probe: the folds may then run on the pool of worker threads; the model timed here is refitted on the first fold's training rows.
  const first = plan.folds[0];
  const run = async (choice: ModelChoice, label: string) => {
    const progress = new Progress(`${label} model out of fold`, plan.folds.length);
    const oof = await outOfFold(dataset, target, choice.predictor, plan, { withProba: true, progress });
    progress.finish();
    const fitted = await fitFold(choice.predictor, dataset.take(first.train), target, 0);
    return { oof, kept: { fitted, test: dataset.take(first.test) } };
  };
  const s = await run(small, "small");
  const l = await run(large, "large");
  const tested = s.oof.truth as ClassTarget;
  if (!plan.coversEveryRow) notes.push(`The folds follow time (${plan.description}): the ${dataset.nRows - s.oof.rows.length} earliest rows only train.`);
  return {
    target,
    plan,
    codes: tested.codes,
    classes: tested.classes,
    small: { choice: small, proba: aligned(s.oof.predictions.proba!, tested.classes), ...s.kept },
    large: { choice: large, proba: aligned(l.oof.predictions.proba!, tested.classes), ...l.kept },
    notes,
  };
}

/** Milliseconds to predict one row, rows predicted one at a time: the median over repeats. */
export async function timePerRow(fitted: FittedPredictor, test: Dataset, repeats: number, name: string): Promise<ModelTiming> {
  const count = Math.min(TIMED_ROWS, test.nRows);
  const rows = Array.from({ length: count }, (_, i) => test.take(Int32Array.of(i)));
  for (const row of rows) fitted.predictProba(row); // a warm-up pass: compiled code, caches
  const times: number[] = [];
  const progress = new Progress(`timing ${name}`, repeats);
  for (let r = 0; r < repeats; r++) {
    const began = performance.now();
    for (const row of rows) fitted.predictProba(row);
    times.push((performance.now() - began) / count);
    await progress.step();
  }
  progress.finish();
  times.sort((a, b) => a - b);
  return { model: name, msPerRow: times[Math.floor(times.length / 2)], repeats, rowsTimed: count };
}

function meanDiffInterval(diff: Float64Array, seed: number) {
  const n = diff.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += diff[i];
  const value = total / n;
  const interval = subsampledBootstrap(n, (rows) => {
    let s = 0;
    for (let i = 0; i < rows.length; i++) s += diff[rows[i]];
    return s / rows.length;
  }, value, { seed, resamples: 1000, maxRows: 20_000 });
  return { value, low: interval.low, high: interval.high };
}

/** The cuts drawn: 101 evenly from 1/classes to 1, with the chosen cut. */
export function curveCuts(classes: number, chosen: number): number[] {
  const from = 1 / classes;
  const cuts = Array.from({ length: 101 }, (_, i) => Number((from + ((1 - from) * i) / 100).toFixed(6)));
  return [...new Set([...cuts, chosen])].sort((a, b) => a - b);
}

export async function computeTwoPhase(raw: Dataset, options: TwoPhaseOptions): Promise<TwoPhaseData> {
  const p = await twoPhaseProbabilities(raw, options);
  const n = p.codes.length;
  const seed = options.seed ?? 0;
  const s = topAndRight(p.codes, p.small.proba);
  const l = topAndRight(p.codes, p.large.proba);
  const accuracyOf = (right: Uint8Array) => right.reduce((a, b) => a + b, 0);
  const smallCorrect = accuracyOf(s.right);
  const largeCorrect = accuracyOf(l.right);
  const cardGain = framedMetric(options.card, "classification") === "accuracy" ? framedMinGain(options.card, "classification") : undefined;
  const tolerance = options.tolerance ?? cardGain ?? DEFAULT_TOLERANCE;
  const toleranceSource = options.tolerance !== undefined ? "option" : cardGain !== undefined ? "card" : "default";
  if (options.tolerance === undefined && cardGain === undefined && options.card?.minGain !== undefined) p.notes.push(`The framing card's minimum gain is in ${options.card.metric ?? "another metric"}, not accuracy, so the tolerance is the default ${DEFAULT_TOLERANCE}.`);
  const repeats = options.repeats ?? 7;
  const smallTime = await timePerRow(p.small.fitted, p.small.test, repeats, p.small.choice.name);
  const largeTime = await timePerRow(p.large.fitted, p.large.test, repeats, p.large.choice.name);
  const roundTrip = options.roundTrip ?? 0;
  const latencyAt = (escalated: number) => smallTime.msPerRow + (escalated / n) * (largeTime.msPerRow + roundTrip);
  const point = (a: { cut: number; correct: number; escalated: number }): CutPoint => {
    const w = wilson(a.correct, n);
    return { cut: a.cut, accuracy: a.correct / n, low: w.low, high: w.high, escalated: a.escalated / n, latency: latencyAt(a.escalated) };
  };
  const best = leastEscalation(s.top, s.right, l.right, largeCorrect / n - tolerance);
  const chosen = point(best);
  const curve = cascadeAt(s.top, s.right, l.right, curveCuts(p.classes.length, Math.min(1, chosen.cut))).map(point);
  const gainDiff = new Float64Array(n);
  const chosenDiff = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    gainDiff[i] = l.right[i] - s.right[i];
    chosenDiff[i] = (s.top[i] < best.cut ? l.right[i] : s.right[i]) - l.right[i];
  }
  const ws = wilson(smallCorrect, n);
  const wl = wilson(largeCorrect, n);
  return {
    target: p.target,
    classes: p.classes,
    rows: n,
    validation: p.plan.description,
    small: { ...smallTime, accuracy: smallCorrect / n, low: ws.low, high: ws.high },
    large: { ...largeTime, accuracy: largeCorrect / n, low: wl.low, high: wl.high },
    largeGain: meanDiffInterval(gainDiff, seed),
    tolerance,
    toleranceSource,
    roundTrip,
    cores: availableParallelism(),
    curve,
    chosen,
    chosenVsLarge: meanDiffInterval(chosenDiff, seed + 1),
    largeLatency: largeTime.msPerRow + roundTrip,
    notes: p.notes,
  };
}
