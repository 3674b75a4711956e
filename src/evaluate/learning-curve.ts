/**
 * learningCurve(DATA, { target }): would more data help? The model is trained on
 * nested, growing subsets of each fold's training rows and scored on them and on the
 * fold's held-out rows. A power law fitted to the validation error, error ≈ a·n^(−b),
 * gives the gain per doubling of the data and (with a success value from the framing
 * card) about how many rows would reach it; the gap between training and validation
 * scores tells high variance from high bias.
 */
import { learningCurveChart } from "../charts/learning-curve.js";
import { type DataInput, resolveData } from "../data/convert.js";
import { formatCell } from "../display/format.js";
import type { FittedPipeline } from "../features/pipeline.js";
import type { FramingCard } from "../frame/card.js";
import type { Target } from "../models/contract.js";
import { targetOf } from "../features/target.js";
import { framedMetric, framedSuccess } from "../frame/defaults.js";
import { message } from "../messages.js";
import { checkOptions, columnOf, numberOption } from "../options.js";
import { createResult, type Result, type Verdict } from "../result.js";
import { Progress, quietly } from "../runtime/context.js";
import { addPair, emptyMoments, slopeOf } from "../stats/slope.js";
import { Random } from "../util/random.js";
import { chooseModel, type ModelInput } from "../validate/model.js";
import { planFolds } from "../validate/plan.js";
import { predict } from "../validate/predictor.js";
import { defaultMetric, metric, type MetricSpec } from "../metrics/registry.js";
import { mean, sampleStd } from "../stats/summary.js";

export interface LearningCurveOptions {
  readonly target?: string;
  /** A registry name, or your own Pipeline (refitted at every size). */
  readonly model?: ModelInput;
  /** Parameters for the model, e.g. { C: 0.5 }. */
  readonly params?: object;
  readonly metric?: string;
  /** Training-set sizes in rows (or shares of the training fold, when all are ≤ 1). Default: 6 log-spaced sizes. */
  readonly sizes?: readonly number[];
  readonly folds?: number;
  readonly seed?: number;
  /** The score that counts as success (from the framing card), to estimate the rows needed. */
  readonly successValue?: number;
  readonly card?: FramingCard;
}

export interface CurvePoint {
  readonly size: number;
  readonly train: number;
  readonly trainStd: number;
  readonly validation: number;
  readonly validationStd: number;
}

export interface PowerLaw {
  /** validation error ≈ scale · n^(−exponent), error = |perfect − score|. */
  readonly scale: number;
  readonly exponent: number;
  readonly exponentLow: number;
  readonly exponentHigh: number;
}

export interface LearningCurveData {
  readonly target: string;
  readonly model: string;
  readonly metric: string;
  readonly greaterIsBetter: boolean;
  readonly points: readonly CurvePoint[];
  readonly fit?: PowerLaw;
  readonly gainPerDoubling: number;
  readonly rowsForSuccess?: number;
  readonly successValue?: number;
  readonly state: "rising" | "plateaued";
  readonly diagnosis: "high variance" | "high bias" | "balanced";
  readonly notes: readonly string[];
}

const ANALYSIS = "learningCurve";

export async function learningCurve(data: DataInput, options: LearningCurveOptions = {}): Promise<Result<LearningCurveData>> {
  const dataset = await resolveData(data);
  const number = numberOption(ANALYSIS);
  checkOptions(ANALYSIS, options, {
    target: columnOf(ANALYSIS, dataset),
    model: () => {},
    params: () => {},
    metric: () => {},
    sizes: (v, o) => {
      if (!Array.isArray(v) || v.length < 2 || v.some((s) => typeof s !== "number" || !(s > 0))) throw message.badOption(ANALYSIS, o, v, "two or more positive sizes");
    },
    folds: number,
    seed: number,
    successValue: number,
    card: () => {},
  });
  const targetName = options.target ?? dataset.roles.target;
  if (targetName === undefined) throw message.badOption(ANALYSIS, "target", undefined, "the column to predict (--target COL)");
  const target = targetOf(dataset, targetName);
  const spec = metric(options.metric ?? framedMetric(options.card, target.kind) ?? defaultMetric(target.kind), target.kind);
  const successValue = options.successValue ?? framedSuccess(options.card, target.kind);
  const chosen = chooseModel(ANALYSIS, options, dataset, targetName);
  const modelName = chosen.name;
  const pipeline = chosen.pipeline!;
  const seed = options.seed ?? 0;
  const { folds } = planFolds(ANALYSIS, dataset, target, { folds: options.folds, seed }, options.card);
  const smallestTrain = Math.min(...folds.map((f) => f.train.length));
  const notes: string[] = [];
  const sizes = chooseSizes(options.sizes, smallestTrain, target.kind === "classification" ? target.classes.length : 1, notes);
  const random = new Random(seed);
  const progress = new Progress(`learning curve of ${modelName}`, sizes.length * folds.length);
  const trainScores = sizes.map(() => [] as number[]);
  const validationScores = sizes.map(() => [] as number[]);
  for (const fold of folds) {
    // Nested subsets: each size's rows include the previous size's, as if data kept arriving.
    // One shuffled copy per fold; each size is a prefix of it, taken without copying.
    const shuffled = dataset.take(random.shuffle(Int32Array.from(fold.train)));
    const test = dataset.take(fold.test);
    // Coded once per set of classes the fits know (normally one per fold), not once per size.
    const testTargets = new Map<string, Target>();
    const testTarget = (fitted: FittedPipeline): Target => {
      const key = (fitted.classes ?? []).join("\n");
      if (!testTargets.has(key)) testTargets.set(key, fitted.targetOf(test));
      return testTargets.get(key)!;
    };
    // Each size starts from the previous size's model: iterative models then need fewer
    // steps to reach the same optimum.
    let previous: FittedPipeline | undefined;
    for (const [s, size] of sizes.entries()) {
      const train = shuffled.slice(0, size);
      const fitted = await quietly(() => pipeline.fit(train, targetName, { warmStart: previous }));
      previous = fitted;
      const withProba = spec.needs === "proba";
      trainScores[s].push(spec.compute(fitted.trainingTarget ?? fitted.targetOf(train), predict(fitted, train, withProba)));
      validationScores[s].push(spec.compute(testTarget(fitted), predict(fitted, test, withProba)));
      await progress.step();
    }
  }
  progress.finish();
  const points: CurvePoint[] = sizes.map((size, s) => ({ size, train: mean(trainScores[s]), trainStd: sampleStd(trainScores[s]), validation: mean(validationScores[s]), validationStd: sampleStd(validationScores[s]) }));
  const curve = analyse(points, spec, successValue, notes);
  const curveData: LearningCurveData = { target: targetName, model: modelName, metric: spec.name, greaterIsBetter: spec.greaterIsBetter, points, ...curve, notes };
  return createResult({
    kind: "learning-curve",
    version: 1,
    title: `Learning curve of ${modelName} for ${targetName} (${spec.name})`,
    verdict: verdictOf(curveData),
    notes,
    table: { columns: ["training rows", `train ${spec.name}`, "± (sd over folds)", `validation ${spec.name}`, "± (sd over folds)"], rows: points.map((p) => [p.size, p.train, p.trainStd, p.validation, p.validationStd]) },
    chart: learningCurveChart(curveData, spec.perfect),
    data: curveData,
    seed,
    datasets: [{ name: dataset.meta.name ?? "data", hash: dataset.contentHash(), rows: dataset.nRows }],
  });
}

function chooseSizes(asked: readonly number[] | undefined, available: number, classes: number, notes: string[]): number[] {
  if (asked) {
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

/** Fits log(error) = log(scale) − exponent · log(n) on the validation points; reads the curve's state. */
function analyse(points: readonly CurvePoint[], spec: MetricSpec, successValue: number | undefined, notes: string[]) {
  const error = (score: number) => Math.abs(spec.perfect - score);
  const moments = emptyMoments();
  for (const p of points) if (error(p.validation) > 0) addPair(moments, Math.log(p.size), Math.log(error(p.validation)));
  const last = points[points.length - 1];
  const gap = spec.greaterIsBetter ? last.train - last.validation : last.validation - last.train;
  const room = error(last.validation);
  let fit: PowerLaw | undefined;
  let gainPerDoubling = 0;
  let rowsForSuccess: number | undefined;
  if (moments.n >= 3 && moments.sxx > 0) {
    const s = slopeOf(moments);
    fit = { scale: Math.exp(moments.meanY - s.slope * moments.meanX), exponent: -s.slope, exponentLow: -s.high, exponentHigh: -s.low };
    // Predicted improvement from doubling the largest size, in metric units.
    gainPerDoubling = room * (1 - 2 ** -fit.exponent);
    if (successValue !== undefined) {
      const targetError = error(successValue);
      if (fit.exponent > 0 && targetError > 0) rowsForSuccess = Math.ceil((fit.scale / targetError) ** (1 / fit.exponent));
      else if (targetError > 0) notes.push(`The validation error is not falling, so no amount of data of this kind is predicted to reach ${formatCell(successValue)}.`);
    }
  } else {
    notes.push("Too few sizes with a non-zero error to fit a power law.");
  }
  // Rising: the exponent is clearly positive and one more doubling would still gain half a point on a
  // bounded metric (accuracy, AUC …), or 1% of the current error on an unbounded one (RMSE …).
  const meaningful = spec.perfect === 1 ? 0.005 : 0.01 * room;
  const state: "rising" | "plateaued" = fit !== undefined && fit.exponentLow > 0 && gainPerDoubling > meaningful ? "rising" : "plateaued";
  const diagnosis: LearningCurveData["diagnosis"] =
    gap > Math.max(0.02, 0.25 * room) ? "high variance" : room > 0.1 * Math.max(1, Math.abs(spec.perfect)) && gap < 0.25 * room ? "high bias" : "balanced";
  return { fit, gainPerDoubling, rowsForSuccess, successValue, state, diagnosis };
}

function verdictOf(d: LearningCurveData): Verdict {
  const last = d.points[d.points.length - 1];
  const at = `at ${last.size} training rows, validation ${d.metric} is ${formatCell(last.validation)} (training ${formatCell(last.train)})`;
  const law = d.fit ? `; the fitted power law's exponent is ${formatCell(d.fit.exponent)} (95% CI ${formatCell(d.fit.exponentLow)} to ${formatCell(d.fit.exponentHigh)})` : "";
  const advice =
    d.diagnosis === "high variance"
      ? "The gap between training and validation says high variance: more data, stronger regularisation or a simpler model should help."
      : d.diagnosis === "high bias"
        ? "Training and validation are close but far from perfect, which says high bias: more rows of the same kind will not help; better features or a more flexible model might."
        : "Training and validation scores are close.";
  const success = d.rowsForSuccess !== undefined ? ` About ${d.rowsForSuccess.toLocaleString("en-US")} rows would reach the success value ${formatCell(d.successValue!)}.` : "";
  if (d.state === "rising") {
    return { level: "ok", text: `Still rising: ${at}${law}, and each doubling of the data is predicted to gain about ${formatCell(d.gainPerDoubling)}.${success} ${advice}` };
  }
  return { level: "warn", text: `Plateaued: ${at}${law}; another doubling is predicted to gain only ${formatCell(d.gainPerDoubling)}. More data of the same kind is unlikely to help. ${advice}` };
}


