/**
 * thresholds(DATA, { target }): turn a classifier's probabilities into decisions with a
 * threshold learned from validation data instead of the habitual 0.5. Probabilities are out
 * of fold; the threshold that minimises the expected cost (given the two error costs) or
 * maximises F1 is chosen on them, and its performance is estimated honestly by choosing it
 * on the other folds' rows and applying it to each fold in turn. With costs, the threshold
 * a calibrated model would need, C_FP / (C_FP + C_FN), is reported beside it.
 */
// @ts-nocheck

import { thresholdsChart } from "../charts/thresholds.js";
import { type DataInput, resolveData } from "../data/convert.js";
import { formatCell, formatPercent } from "../display/format.js";
import type { FramingCard } from "../frame/card.js";
import { targetOf } from "../features/target.js";
import { framedCosts } from "../frame/defaults.js";
import { message } from "../messages.js";
import { checkOptions, columnOf, MODEL_OPTIONS, numberOption } from "../options.js";
import { createResult, type Result } from "../result.js";
import { Progress } from "../runtime/context.js";
import { chooseModel, type ModelInput } from "../validate/model.js";
import { runFolds } from "../validate/out-of-fold.js";
import { planFolds } from "../validate/plan.js";
import { averagePrecision } from "../metrics/ranking.js";
import { positiveClass } from "./two-class.js";

export interface ThresholdsOptions {
  readonly target?: string;
  /** The class that counts as positive (the rare one you want to find). Default: the less frequent class. */
  readonly positive?: string;
  readonly model?: ModelInput;
  readonly params?: object;
  readonly folds?: number;
  /** What each kind of error costs, or [false positive, false negative]; default the framing card's. Without costs the threshold maximises F1. */
  readonly costs?: { readonly falsePositive: number; readonly falseNegative: number } | readonly [number, number];
  readonly seed?: number;
  readonly card?: FramingCard;
}

export interface Rates {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Mean cost per row, when costs are known. */
  readonly cost?: number;
}

export interface OperatingPoint extends Rates {
  readonly threshold: number;
}

export interface ThresholdsData {
  readonly target: string;
  readonly positive: string;
  readonly prevalence: number;
  readonly model: string;
  readonly objective: "cost" | "f1";
  readonly costs?: { readonly falsePositive: number; readonly falseNegative: number };
  readonly averagePrecision: number;
  /** The threshold chosen on all out-of-fold probabilities, and its in-sample operating point. */
  readonly learned: OperatingPoint;
  /** The learned-threshold policy, each fold scored with a threshold chosen on the other folds. */
  readonly honest: Rates;
  readonly atHalf: OperatingPoint;
  /** With costs: the threshold that minimises expected cost for perfectly calibrated probabilities. */
  readonly theoretical?: number;
  readonly curve: readonly OperatingPoint[];
}

const ANALYSIS = "thresholds";
const GRID = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

interface Counts {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  n: number;
}

function countsAt(isPositive: Uint8Array, scores: Float64Array, threshold: number, rows?: Int32Array): Counts {
  const c: Counts = { truePositive: 0, falsePositive: 0, falseNegative: 0, n: 0 };
  const visit = (i: number) => {
    const predicted = scores[i] >= threshold;
    if (predicted && isPositive[i]) c.truePositive++;
    else if (predicted) c.falsePositive++;
    else if (isPositive[i]) c.falseNegative++;
    c.n++;
  };
  if (rows) for (const i of rows) visit(i);
  else for (let i = 0; i < scores.length; i++) visit(i);
  return c;
}

function ratesOf(c: Counts, costs?: ThresholdsData["costs"]): Rates {
  const precision = c.truePositive + c.falsePositive > 0 ? c.truePositive / (c.truePositive + c.falsePositive) : 0;
  const recall = c.truePositive + c.falseNegative > 0 ? c.truePositive / (c.truePositive + c.falseNegative) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, ...(costs ? { cost: (c.falsePositive * costs.falsePositive + c.falseNegative * costs.falseNegative) / c.n } : {}) };
}

function pointOf(threshold: number, c: Counts, costs?: ThresholdsData["costs"]): OperatingPoint {
  return { threshold, ...ratesOf(c, costs) };
}

function sumCounts(parts: readonly Counts[]): Counts {
  return parts.reduce((a, c) => ({ truePositive: a.truePositive + c.truePositive, falsePositive: a.falsePositive + c.falsePositive, falseNegative: a.falseNegative + c.falseNegative, n: a.n + c.n }), {
    truePositive: 0,
    falsePositive: 0,
    falseNegative: 0,
    n: 0,
  });
}

/** The grid threshold with the lowest cost (or highest F1) on the given rows; ties go to the one nearest 0.5. */
function bestThreshold(isPositive: Uint8Array, scores: Float64Array, costs: ThresholdsData["costs"], rows?: Int32Array): number {
  let best = 0.5;
  let bestValue = -Infinity;
  for (const t of GRID) {
    const p = pointOf(t, countsAt(isPositive, scores, t, rows), costs);
    const value = costs ? -p.cost! : p.f1;
    if (value > bestValue + 1e-12 || (Math.abs(value - bestValue) <= 1e-12 && Math.abs(t - 0.5) < Math.abs(best - 0.5))) [best, bestValue] = [t, value];
  }
  return best;
}

function costsOf(costs: ThresholdsOptions["costs"]): ThresholdsData["costs"] {
  if (costs === undefined || costs === null) return undefined;
  if (Array.isArray(costs)) return costs.length === 2 ? { falsePositive: costs[0], falseNegative: costs[1] } : undefined;
  return costs as ThresholdsData["costs"];
}

export async function thresholds(data: DataInput, options: ThresholdsOptions = {}): Promise<Result<ThresholdsData>> {
  const dataset = await resolveData(data);
  checkOptions(ANALYSIS, options, {
    target: columnOf(ANALYSIS, dataset),
    positive: () => {},
    ...MODEL_OPTIONS,
    folds: numberOption(ANALYSIS, 2, true),
    costs: (v, o) => {
      const c = costsOf(v as ThresholdsOptions["costs"]);
      if (!c || !(c.falsePositive >= 0) || !(c.falseNegative >= 0) || c.falsePositive + c.falseNegative === 0) {
        throw message.badOption(ANALYSIS, o, v, "{ falsePositive, falseNegative } or [falsePositive, falseNegative]: two costs ≥ 0, not both 0");
      }
    },
    seed: numberOption(ANALYSIS, 0, true),
  });
  const targetName = options.target ?? dataset.roles.target;
  if (targetName === undefined) throw message.badOption(ANALYSIS, "target", undefined, "the column to predict (--target COL)");
  const truth = targetOf(dataset, targetName, "classification");
  const { positive, positiveCode, classes } = positiveClass(ANALYSIS, targetName, truth, options.positive);
  const positives = classes.codes.filter((code) => code === positiveCode).length;
  const costs = costsOf(options.costs) ?? framedCosts(options.card);
  const chosen = chooseModel(ANALYSIS, options, dataset, targetName);
  const model = chosen.name;

  const { folds } = planFolds(ANALYSIS, dataset, truth, { folds: options.folds, seed: options.seed }, options.card);
  const progress = new Progress("scoring out of fold", folds.length);
  const runs = await runFolds(dataset, targetName, chosen.predictor, folds, { withProba: true, progress });
  const tested = Int32Array.from(runs.flatMap((run) => [...run.test])).sort();
  progress.finish();
  const n = dataset.nRows;
  const scores = new Float64Array(n);
  const isPositive = new Uint8Array(n);
  for (const run of runs) {
    const { proba } = run.predictions;
    const column = proba!.names.indexOf(positive);
    run.test.forEach((row, i) => {
      scores[row] = proba!.data[column * run.test.length + i];
      isPositive[row] = classes.codes[row] === positiveCode ? 1 : 0;
    });
  }

  const learnedThreshold = bestThreshold(isPositive, scores, costs, tested);
  const honestParts = runs.map((run) => {
    const others = Int32Array.from(runs.filter((r) => r !== run).flatMap((r) => [...r.test]));
    return countsAt(isPositive, scores, bestThreshold(isPositive, scores, costs, others), run.test);
  });
  const thresholdsData: ThresholdsData = {
    target: targetName,
    positive,
    prevalence: positives / n,
    model,
    objective: costs ? "cost" : "f1",
    ...(costs ? { costs, theoretical: costs.falsePositive / (costs.falsePositive + costs.falseNegative) } : {}),
    averagePrecision: averagePrecision(isPositive, scores),
    learned: pointOf(learnedThreshold, countsAt(isPositive, scores, learnedThreshold, tested), costs),
    honest: ratesOf(sumCounts(honestParts), costs),
    atHalf: pointOf(0.5, countsAt(isPositive, scores, 0.5, tested), costs),
    curve: GRID.map((t) => pointOf(t, countsAt(isPositive, scores, t, tested), costs)),
  };
  return createResult({
    kind: "thresholds",
    version: 1,
    title: `Decision threshold for "${positive}" in ${targetName} (${model})`,
    verdict: verdictOf(thresholdsData),
    notes: notesOf(thresholdsData),
    table: {
      columns: ["decision rule", "threshold", "precision", "recall", "F1", ...(costs ? ["cost per row"] : [])],
      rows: [
        ["fixed at 0.5", 0.5, thresholdsData.atHalf.precision, thresholdsData.atHalf.recall, thresholdsData.atHalf.f1, ...(costs ? [thresholdsData.atHalf.cost!] : [])],
        ["learned (chosen on other folds)", null, thresholdsData.honest.precision, thresholdsData.honest.recall, thresholdsData.honest.f1, ...(costs ? [thresholdsData.honest.cost!] : [])],
        ["learned on all rows", learnedThreshold, thresholdsData.learned.precision, thresholdsData.learned.recall, thresholdsData.learned.f1, ...(costs ? [thresholdsData.learned.cost!] : [])],
      ],
    },
    chart: thresholdsChart(thresholdsData),
    data: thresholdsData,
    datasets: [{ name: dataset.meta.name ?? "data", hash: dataset.contentHash(), rows: n }],
    seed: options.seed ?? 0,
  });
}

function verdictOf(d: ThresholdsData) {
  const objective = d.costs ? "cost per row" : "F1";
  const value = (p: Rates) => (d.costs ? p.cost! : p.f1);
  const better = d.costs ? value(d.honest) < value(d.atHalf) : value(d.honest) > value(d.atHalf);
  const same = Math.abs(d.learned.threshold - 0.5) < 0.015;
  return {
    level: same || !better ? ("ok" as const) : ("warn" as const),
    text: same
      ? `The best threshold for "${d.positive}" is 0.5 here (${objective} ${formatCell(value(d.learned))}); keep it.`
      : `Use a threshold of ${d.learned.threshold.toFixed(2)} for "${d.positive}", not 0.5: learned on other folds it gives ${objective} ${formatCell(value(d.honest))} against ${formatCell(value(d.atHalf))} at 0.5 ` +
        `(precision ${formatCell(d.honest.precision)}, recall ${formatCell(d.honest.recall)}).` +
        (better ? "" : " The gain does not hold up on held-out folds: keep 0.5."),
  };
}

function notesOf(d: ThresholdsData): string[] {
  const notes = [`"${d.positive}" is ${formatPercent(d.prevalence)} of the rows; average precision (area under the precision–recall curve) ${formatCell(d.averagePrecision)}.`];
  if (d.costs && d.theoretical !== undefined) {
    notes.push(
      `With a false positive costing ${formatCell(d.costs.falsePositive)} and a miss ${formatCell(d.costs.falseNegative)}, perfectly calibrated probabilities would call for a threshold of ${d.theoretical.toFixed(2)}; the learned ${d.learned.threshold.toFixed(2)} also corrects for how calibrated ${d.model}'s probabilities are.`,
    );
  }
  notes.push("Probabilities are out of fold; the threshold is chosen on a grid of 0.01. Drag the slider on the chart to see precision, recall and cost at any threshold.");
  return notes;
}
