/**
 * Label errors by confident learning: out-of-fold probabilities from the validation engine
 * (each row judged by a model that never saw its label), the confident joint of given and
 * likely labels (src/stats/confident-learning.ts, cleanlab's default method), each suspect
 * with its given and likely label, and then the user's model refitted on the same folds
 * with the suspects left out of training, scored against the same model trained on
 * everything, on the same test rows.
 */
import { Dataset } from "../../data/dataset.js";
import { type Matrix, matrix } from "../../data/matrix.js";
import { targetOf } from "../../features/target.js";
import { framedMetric } from "../../frame/defaults.js";
import { message } from "../../messages.js";
import type { Target } from "../../models/contract.js";
import { metric as metricSpec, type Predictions } from "../../metrics/registry.js";
import { Progress } from "../../runtime/context.js";
import { confidentLearning, normalizedMargin, selfConfidence } from "../../stats/confident-learning.js";
import { subsampledBootstrap } from "../../stats/intervals.js";
import { chooseModel, type ModelChoice } from "../../validate/model.js";
import { collect, type OutOfFold, outOfFold, runFolds, subsetPredictions, subsetTarget } from "../../validate/out-of-fold.js";
import { type FoldPlan, planFolds } from "../../validate/plan.js";
import { labelledTarget } from "../../validate/target.js";
import type { ClassNoise, LabelIssuesData, LabelIssuesOptions, NoisePair, Retrain, Suspect } from "./types.js";

const ANALYSIS = "labelIssues";
/** Suspects listed in full in the result (all of them are in `suspectRows`). */
export const LISTED = 500;
/** A numeric target with at most this many distinct whole values is read as class codes (0/1/2 of scikit-learn's CSVs). */
const CODED_CLASSES = 10;

type ClassTarget = Extract<Target, { kind: "classification" }>;

export interface LabelIssuesProbabilities {
  readonly dataset: Dataset;
  readonly target: string;
  readonly chosen: ModelChoice;
  readonly plan: FoldPlan;
  readonly oof: OutOfFold;
  /** The tested rows' labels, as codes into `classes`. */
  readonly codes: Int32Array;
  readonly classes: readonly string[];
  /** Out-of-fold probabilities of the tested rows, columns in the order of `classes`. */
  readonly proba: Matrix;
  /** Row numbers in the data as given, of the tested rows. */
  readonly rows: Int32Array;
  readonly notes: string[];
}

/**
 * The class target, with the analysis's own errors for one class, a regression target and a
 * class too rare for the folds. A numeric column of a few whole values (0/1/2) is read as
 * class codes: the data set comes back with it as a category column, so the model classifies.
 */
function classTarget(given: Dataset, target: string, folds: number, notes: string[]): { dataset: Dataset; truth: ClassTarget } {
  let dataset = given;
  const column = dataset.column(target);
  let truth = targetOf(dataset, target);
  if (truth.kind === "regression" && column.type === "number") {
    const distinct = [...new Set(column.values)].sort((a, b) => a - b);
    if (distinct.length > CODED_CLASSES || distinct.some((v) => !Number.isInteger(v))) throw message.labelIssuesNumericTarget(target, distinct.length);
    const index = new Map(distinct.map((v, i) => [v, i]));
    const coded = { type: "category" as const, codes: Int32Array.from(column.values, (v) => index.get(v)!), dictionary: distinct.map(String) };
    dataset = new Dataset(dataset.names.map((name) => [name, name === target ? coded : dataset.column(name)] as const), dataset.roles, dataset.meta, dataset.nRows);
    truth = targetOf(dataset, target);
    notes.push(`"${target}" is numeric with ${distinct.length} whole values; they are read as class codes.`);
  }
  if (truth.kind !== "classification") throw message.labelIssuesNumericTarget(target, dataset.nRows);
  const counts = new Int32Array(truth.classes.length);
  for (const c of truth.codes) counts[c]++;
  const present = truth.classes.filter((_, k) => counts[k] > 0);
  if (present.length < 2) throw message.labelIssuesOneClass(target, present[0] ?? truth.classes[0] ?? "(none)", dataset.nRows);
  truth.classes.forEach((label, k) => {
    if (counts[k] < folds) throw message.labelIssuesRareClass(target, label, counts[k], folds);
  });
  return { dataset, truth };
}

/** Everything confident learning reads: the tested rows, their labels and their out-of-fold probabilities. */
export async function labelIssuesProbabilities(raw: Dataset, options: LabelIssuesOptions): Promise<LabelIssuesProbabilities> {
  const notes: string[] = [];
  const labelled = labelledTarget(ANALYSIS, raw, options.target, notes);
  const { target } = labelled;
  const { dataset, truth } = classTarget(labelled.dataset, target, options.folds ?? 5, notes);
  const chosen = chooseModel(ANALYSIS, options, dataset, target);
  const plan = planFolds(ANALYSIS, dataset, truth, { folds: options.folds, seed: options.seed, split: options.split, group: options.group, time: options.time }, options.card);
  const progress = new Progress("scoring out of fold", plan.folds.length);
  const oof = await outOfFold(dataset, target, chosen.predictor, plan, { withProba: true, progress });
  progress.finish();
  const tested = oof.truth as ClassTarget;
  const given = oof.predictions.proba!;
  const n = oof.rows.length;
  const proba = matrix(n, tested.classes.length, tested.classes);
  tested.classes.forEach((label, c) => {
    const from = given.names!.indexOf(label);
    if (from >= 0) proba.data.set(given.data.subarray(from * n, (from + 1) * n), c * n);
  });
  if (!plan.coversEveryRow) notes.push(`The folds follow time (${plan.description}): the ${dataset.nRows - n} earliest rows only train and carry no out-of-fold probability, so their labels are not judged.`);
  return { dataset, target, chosen, plan, oof, codes: tested.codes, classes: tested.classes, proba, rows: Int32Array.from(oof.rows, (r) => labelled.rows[r]), notes };
}

export async function computeLabelIssues(raw: Dataset, options: LabelIssuesOptions): Promise<LabelIssuesData> {
  const p = await labelIssuesProbabilities(raw, options);
  const { codes, classes, proba } = p;
  const n = codes.length;
  const k = classes.length;
  const learned = confidentLearning(codes, proba);
  const self = selfConfidence(codes, proba);
  const margin = normalizedMargin(codes, proba);
  const rankBy = options.rankBy ?? "self-confidence";
  const score = rankBy === "self-confidence" ? self : margin;
  const flaggedAt: number[] = [];
  for (let i = 0; i < n; i++) if (learned.issues[i]) flaggedAt.push(i);
  flaggedAt.sort((a, b) => score[a] - score[b] || a - b);
  const likelyOf = (i: number) => {
    let best = 0;
    for (let c = 1; c < k; c++) if (proba.data[c * n + i] > proba.data[best * n + i]) best = c;
    return best;
  };
  const suspects: Suspect[] = flaggedAt.slice(0, LISTED).map((i) => {
    const likely = likelyOf(i);
    return { row: p.rows[i], given: classes[codes[i]], likely: classes[likely], selfConfidence: self[i], likelyProbability: proba.data[likely * n + i], normalizedMargin: margin[i] };
  });
  const flaggedPairs = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const i of flaggedAt) flaggedPairs[codes[i]][likelyOf(i)]++;
  const joint = learned.calibratedJoint;
  const labelCounts = joint.map((row) => row.reduce((a, b) => a + b, 0));
  const pairs: NoisePair[] = joint.flatMap((row, g) =>
    row.map((rows, t) => ({ given: classes[g], likely: classes[t], rows, share: rows / n, ofGiven: labelCounts[g] > 0 ? rows / labelCounts[g] : 0, flagged: flaggedPairs[g][t] })),
  );
  const classNoise: ClassNoise[] = classes.map((label, c) => {
    const lookLike = joint.reduce((a, row) => a + row[c], 0);
    return { label, labelled: labelCounts[c], ofLabelled: labelCounts[c] > 0 ? 1 - joint[c][c] / labelCounts[c] : 0, lookLike, ofLookLike: lookLike > 0 ? 1 - joint[c][c] / lookLike : 0 };
  });
  const offDiagonal = pairs.filter((q) => q.given !== q.likely).reduce((a, q) => a + q.rows, 0);
  let correct = 0;
  let certain = 0;
  for (let i = 0; i < n; i++) {
    const likely = likelyOf(i);
    if (likely === codes[i]) correct++;
    if (proba.data[likely * n + i] >= 1) certain++;
  }
  const suspect = new Uint8Array(p.dataset.nRows);
  for (const i of flaggedAt) suspect[p.oof.rows[i]] = 1;
  const retrain = flaggedAt.length > 0 ? await retrainWithout(p, suspect, options) : undefined;
  if (!retrain) p.notes.push("No row is flagged, so there is no model to retrain without suspects.");
  const data: LabelIssuesData = {
    target: p.target,
    classes,
    rows: n,
    model: p.chosen.name,
    validation: p.plan.description,
    rankBy,
    thresholds: [...learned.thresholds],
    joint,
    pairs,
    noiseRate: offDiagonal / n,
    classNoise,
    flagged: flaggedAt.length,
    suspects,
    suspectRows: [],
    accuracy: correct / n,
    majorityShare: Math.max(...labelCounts) / n,
    certainShare: certain / n,
    distinctProbabilities: new Set(proba.data.subarray(0, n * k)).size,
    ...(retrain ? { retrain } : {}),
    notes: p.notes,
  };
  // Every suspect's row number stays on the result for code to use, but out of its JSON: on millions of rows it would outgrow any notebook output.
  Object.defineProperty(data, "suspectRows", { value: flaggedAt.map((i) => p.rows[i]), enumerable: false });
  return data;
}

/**
 * The same folds, each fold's training rows without the suspects among them; the test rows
 * unchanged. Both models are scored on every tested row against the given labels (a gain
 * there does not take the flags on trust), and on the unflagged tested rows.
 */
async function retrainWithout(p: LabelIssuesProbabilities, suspect: Uint8Array, options: LabelIssuesOptions): Promise<Retrain> {
  const name = options.metric ?? framedMetric(options.card, "classification") ?? "accuracy";
  const spec = metricSpec(name, "classification");
  let removed = 0;
  const folds = p.plan.folds.map((fold) => {
    const train = fold.train.filter((r) => !suspect[r]);
    removed += fold.train.length - train.length;
    return { train, test: fold.test };
  });
  const progress = new Progress("refitting without the suspects", folds.length);
  const runs = await runFolds(p.dataset, p.target, p.chosen.predictor, { ...p.plan, folds }, { withProba: spec.needs === "proba", progress });
  progress.finish();
  const cleaned = collect(runs, p.dataset.nRows);
  const truth = p.oof.truth;
  const before = p.oof.predictions;
  const after = cleaned.predictions;
  const sign = spec.greaterIsBetter ? 1 : -1;
  const scoreOn = (rows: Int32Array | undefined, predictions: Predictions) => (rows ? spec.compute(subsetTarget(truth, rows), subsetPredictions(predictions, rows)) : spec.compute(truth, predictions));
  const everything = scoreOn(undefined, before);
  const withoutSuspects = scoreOn(undefined, after);
  const gain = sign * (withoutSuspects - everything);
  const interval = subsampledBootstrap(truth.kind === "classification" ? truth.codes.length : 0, (rows) => sign * (scoreOn(rows, after) - scoreOn(rows, before)), gain, { seed: options.seed ?? 0, resamples: 500, maxRows: 20_000 });
  const unflagged = Int32Array.from(p.oof.rows.keys()).filter((i) => !suspect[p.oof.rows[i]]);
  return {
    metric: name,
    greaterIsBetter: spec.greaterIsBetter,
    everything,
    withoutSuspects,
    gain,
    low: interval.low,
    high: interval.high,
    everythingOnUnflagged: scoreOn(unflagged, before),
    withoutSuspectsOnUnflagged: scoreOn(unflagged, after),
    removedPerFold: removed / folds.length,
  };
}
