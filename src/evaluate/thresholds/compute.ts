/**
 * Out-of-fold probabilities of the positive class, then every rate on the rows the folds
 * tested (with time-ordered folds the earliest rows only train, and carry no probability).
 * The threshold that minimises the expected cost (or maximises F1) is chosen on them, and
 * its performance estimated honestly by choosing it on the other folds' rows and applying
 * it to each fold in turn.
 */
import type { Dataset } from "../../data/dataset.js";
import { targetOf } from "../../features/target.js";
import { framedCosts } from "../../frame/defaults.js";
import { averagePrecision } from "../../metrics/ranking.js";
import { Progress } from "../../runtime/context.js";
import { bootstrap } from "../../stats/intervals.js";
import { chooseModel } from "../../validate/model.js";
import { outOfFold } from "../../validate/out-of-fold.js";
import { planFolds } from "../../validate/plan.js";
import { labelledTarget, positiveClass } from "../../validate/target.js";
import type { Costs, Objective, OperatingPoint, Rates, ThresholdsData, ThresholdsOptions } from "./types.js";

const ANALYSIS = "thresholds";
const GRID = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

interface Counts {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  n: number;
}

function countsAt(isPositive: Uint8Array, scores: Float64Array, threshold: number, rows?: ArrayLike<number>): Counts {
  const c: Counts = { truePositive: 0, falsePositive: 0, falseNegative: 0, n: 0 };
  const count = rows?.length ?? scores.length;
  for (let j = 0; j < count; j++) {
    const i = rows ? rows[j] : j;
    const predicted = scores[i] >= threshold;
    if (predicted && isPositive[i]) c.truePositive++;
    else if (predicted) c.falsePositive++;
    else if (isPositive[i]) c.falseNegative++;
    c.n++;
  }
  return c;
}

function ratesOf(c: Counts, costs?: Costs): Rates {
  const positives = c.truePositive + c.falseNegative;
  const negatives = c.n - positives;
  const trueNegative = negatives - c.falsePositive;
  const accuracy = c.n > 0 ? (c.truePositive + trueNegative) / c.n : 0;
  const specificity = negatives > 0 ? trueNegative / negatives : 0;
  const precision = c.truePositive + c.falsePositive > 0 ? c.truePositive / (c.truePositive + c.falsePositive) : 0;
  const recall = c.truePositive + c.falseNegative > 0 ? c.truePositive / (c.truePositive + c.falseNegative) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, accuracy, balancedAccuracy: (recall + specificity) / 2, ...(costs ? { cost: (c.falsePositive * costs.falsePositive + c.falseNegative * costs.falseNegative) / c.n } : {}) };
}

function pointOf(threshold: number, c: Counts, costs?: Costs): OperatingPoint {
  return { threshold, ...ratesOf(c, costs) };
}

function sumCounts(parts: readonly Counts[]): Counts {
  const total: Counts = { truePositive: 0, falsePositive: 0, falseNegative: 0, n: 0 };
  for (const c of parts) [total.truePositive, total.falsePositive, total.falseNegative, total.n] = [total.truePositive + c.truePositive, total.falsePositive + c.falsePositive, total.falseNegative + c.falseNegative, total.n + c.n];
  return total;
}

/** The value a threshold is chosen on, larger is better. */
export function objectiveValue(p: Rates, objective: Objective): number {
  if (objective === "cost") return -p.cost!;
  return objective === "f1" ? p.f1 : objective === "accuracy" ? p.accuracy : p.balancedAccuracy;
}

/** The grid threshold with the best objective on the given rows; ties go to the one nearest 0.5. */
function bestThreshold(isPositive: Uint8Array, scores: Float64Array, costs: Costs | undefined, objective: Objective, rows?: ArrayLike<number>): number {
  let best = 0.5;
  let bestValue = -Infinity;
  for (const t of GRID) {
    const p = pointOf(t, countsAt(isPositive, scores, t, rows), costs);
    const value = objectiveValue(p, objective);
    if (value > bestValue + 1e-12 || (Math.abs(value - bestValue) <= 1e-12 && Math.abs(t - 0.5) < Math.abs(best - 0.5))) [best, bestValue] = [t, value];
  }
  return best;
}

export function costsOf(costs: ThresholdsOptions["costs"]): Costs | undefined {
  if (costs === undefined || costs === null) return undefined;
  if (Array.isArray(costs)) return { falsePositive: costs[0], falseNegative: costs[1] };
  return costs as Costs;
}

export async function computeThresholds(raw: Dataset, options: ThresholdsOptions): Promise<ThresholdsData> {
  const notes: string[] = [];
  const { target, dataset } = labelledTarget(ANALYSIS, raw, options.target, notes);
  const truth = targetOf(dataset, target, "classification");
  const { positive } = positiveClass(ANALYSIS, target, truth, options.positive);
  const costs = costsOf(options.costs) ?? framedCosts(options.card);
  const chosen = chooseModel(ANALYSIS, options, dataset, target);
  const { objective, note } = objectiveOf(costs, options.card?.metric);
  if (note) notes.push(note);

  const plan = planFolds(ANALYSIS, dataset, truth, { folds: options.folds, seed: options.seed, time: options.time }, options.card);
  const progress = new Progress("scoring out of fold", plan.folds.length);
  const oof = await outOfFold(dataset, target, chosen.predictor, plan, { withProba: true, progress });
  progress.finish();
  // Everything below is indexed by position among the tested rows.
  const n = oof.rows.length;
  const tested = positiveClass(ANALYSIS, target, oof.truth, positive);
  const proba = oof.predictions.proba!;
  const column = proba.names.indexOf(positive);
  const scores = proba.data.slice(column * n, (column + 1) * n);
  const isPositive = Uint8Array.from(tested.classes.codes, (code) => (code === tested.positiveCode ? 1 : 0));
  const position = new Int32Array(dataset.nRows).fill(-1);
  oof.rows.forEach((row, i) => (position[row] = i));
  const foldPositions = oof.runs.map((run) => Int32Array.from(run.test, (row) => position[row]));

  const learnedThreshold = bestThreshold(isPositive, scores, costs, objective);
  const honestParts = foldPositions.map((test, f) => {
    const others = Int32Array.from(foldPositions.filter((_, g) => g !== f).flatMap((p) => [...p]));
    return countsAt(isPositive, scores, bestThreshold(isPositive, scores, costs, objective, others), test);
  });
  const positives = isPositive.reduce((a, b) => a + b, 0);
  // Does the model rank positives above negatives at all? Average precision against the prevalence, resampled together.
  const picked = new Uint8Array(n);
  const pickedScores = new Float64Array(n);
  const excess = bootstrap(n, (rows) => {
    let p = 0;
    for (let i = 0; i < n; i++) [picked[i], pickedScores[i], p] = [isPositive[rows[i]], scores[rows[i]], p + isPositive[rows[i]]];
    return p === 0 || p === n ? NaN : averagePrecision(picked, pickedScores) - p / n;
  }, { seed: options.seed ?? 0, resamples: 500 });
  if (!plan.coversEveryRow) notes.push(`The folds follow time (${plan.description}): the ${dataset.nRows - n} earliest rows only train, so every rate, the average precision and the curve are computed on the ${n} later rows the folds tested.`);
  return {
    target,
    positive,
    prevalence: positives / n,
    rows: n,
    model: chosen.name,
    objective,
    ...(costs ? { costs, theoretical: costs.falsePositive / (costs.falsePositive + costs.falseNegative) } : {}),
    averagePrecision: averagePrecision(isPositive, scores),
    averagePrecisionExcess: { low: excess.low, high: excess.high },
    flagEveryone: ratesOf({ truePositive: positives, falsePositive: n - positives, falseNegative: 0, n }, costs),
    flagNobody: ratesOf({ truePositive: 0, falsePositive: 0, falseNegative: positives, n }, costs),
    learned: pointOf(learnedThreshold, countsAt(isPositive, scores, learnedThreshold), costs),
    honest: ratesOf(sumCounts(honestParts), costs),
    atHalf: pointOf(0.5, countsAt(isPositive, scores, 0.5), costs),
    curve: GRID.map((t) => pointOf(t, countsAt(isPositive, scores, t), costs)),
    validation: plan.description,
    notes,
  };
}

const THRESHOLD_METRICS: Readonly<Record<string, Objective>> = { f1: "f1", accuracy: "accuracy", "balanced-accuracy": "balanced-accuracy" };

/** Costs decide when known; else the card's metric when a threshold can be chosen on it; else F1, with a note naming why. */
function objectiveOf(costs: Costs | undefined, metric: string | undefined): { objective: Objective; note?: string } {
  if (costs) return { objective: "cost" };
  if (metric === undefined) return { objective: "f1" };
  const objective = THRESHOLD_METRICS[metric];
  if (objective) return { objective, note: `The threshold is chosen to maximise the framing card's metric, ${metric}.` };
  if (metric === "precision" || metric === "recall") {
    return { objective: "f1", note: `The framing card's metric is ${metric}, which a threshold maximises trivially (${metric === "recall" ? "flag every row" : "flag only the single surest row"}); the threshold is chosen on F1, which weighs precision and recall together. Give costs to choose on them instead.` };
  }
  return { objective: "f1", note: `The framing card's metric, ${metric}, does not depend on the threshold; the threshold is chosen on F1.` };
}
