/**
 * Group rates from out-of-fold PREDICTIONS of a two-class target (never from the labels
 * alone: a label says who deserved the outcome, a prediction who gets it). Per group of the
 * sensitive column: the selection rate (share predicted positive), the true and false
 * positive rates with Wilson intervals; between groups the demographic parity difference
 * (largest minus smallest selection rate) and the equalized odds difference (the larger of
 * the true- and false-positive-rate ranges), Fairlearn's definitions, over the groups with
 * at least `minSize` rows (smaller ones are listed, not judged), with Newcombe intervals.
 */
import type { Dataset } from "../../data/dataset.js";
import { targetOf } from "../../features/target.js";
import { message } from "../../messages.js";
import { Progress } from "../../runtime/context.js";
import { wilson } from "../../stats/intervals.js";
import { chooseModel } from "../../validate/model.js";
import { atRows, outOfFold } from "../../validate/out-of-fold.js";
import { planFolds } from "../../validate/plan.js";
import { sensitiveGroups } from "../../validate/sensitive.js";
import { labelledRows, positiveClass, targetName } from "../../validate/target.js";
import { newcombe, rangeWithInterval } from "./difference.js";
import type { Difference, FairnessData, FairnessOptions, GroupRates } from "./types.js";

const ANALYSIS = "fairness";

/** Per group: [selected, rows, true positives, positives, false positives, negatives]. */
function tallies(rows: ArrayLike<number>, group: Int32Array, groups: number, actual: Uint8Array, predicted: Uint8Array): Float64Array[] {
  const t = Array.from({ length: groups }, () => new Float64Array(6));
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const g = group[r];
    if (g < 0) continue;
    const row = t[g];
    row[0] += predicted[r];
    row[1]++;
    if (actual[r]) {
      row[2] += predicted[r];
      row[3]++;
    } else {
      row[4] += predicted[r];
      row[5]++;
    }
  }
  return t;
}

/** Demographic parity and equalized odds differences over the judged groups' tallies. */
function differences(t: readonly Float64Array[]): { parity: Difference; odds: Difference } {
  const pairs = (t.length * (t.length - 1)) / 2;
  const parity = rangeWithInterval(t.map((g) => [g[0], g[1]] as const), pairs);
  const tpr = rangeWithInterval(t.map((g) => [g[2], g[3]] as const), 2 * pairs);
  const fpr = rangeWithInterval(t.map((g) => [g[4], g[5]] as const), 2 * pairs);
  const present = [tpr, fpr].filter((d) => !Number.isNaN(d.value));
  // The larger of two ranges: its lower end is at least either one's, its upper end at most the larger one's.
  const odds = present.length === 0 ? { value: NaN, low: NaN, high: NaN } : { value: Math.max(...present.map((d) => d.value)), low: Math.max(...present.map((d) => d.low)), high: Math.max(...present.map((d) => d.high)) };
  return { parity, odds };
}

export async function computeFairness(raw: Dataset, options: FairnessOptions): Promise<FairnessData> {
  const notes: string[] = [];
  const target = targetName(ANALYSIS, raw, options.target);
  const sensitive = options.sensitive ?? raw.roles.sensitive?.[0];
  if (sensitive === undefined) throw message.badOption(ANALYSIS, "sensitive", undefined, "the column whose groups to compare (--sensitive COL)");
  const labelled = labelledRows(ANALYSIS, raw, target);
  if (labelled.note) notes.push(labelled.note);
  const dataset = labelled.dataset;
  const truth = targetOf(dataset, target, "classification");
  const { positive } = positiveClass(ANALYSIS, target, truth, options.positive);
  const { codes: allGroups, labels } = sensitiveGroups(ANALYSIS, sensitive, dataset.column(sensitive));
  if (options.features?.includes(target)) throw message.targetInFeatures(ANALYSIS, target, options.features);
  const minSize = options.minSize ?? 30;
  const chosen = chooseModel(ANALYSIS, options, dataset, target, options.features ? { features: options.features } : {});
  const tolerance = options.tolerance ?? 0.1;

  const plan = planFolds(ANALYSIS, dataset, truth, { folds: options.folds, seed: options.seed }, options.card);
  const progress = new Progress("predicting out of fold", plan.folds.length);
  const oof = await outOfFold(dataset, target, chosen.predictor, plan, { withProba: false, progress });
  progress.finish();
  const tested = positiveClass(ANALYSIS, target, oof.truth, positive);
  const n = oof.rows.length;
  const group = atRows(allGroups, oof.rows);
  const predicted = Uint8Array.from(oof.predictions.labels!, (label) => (label === tested.positiveCode ? 1 : 0));
  const actual = Uint8Array.from(tested.classes.codes, (code) => (code === tested.positiveCode ? 1 : 0));
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const t = tallies(all, group, labels.length, actual, predicted);
  const groups: GroupRates[] = t.flatMap((g, k) => {
    if (g[1] === 0) return [];
    const selection = wilson(g[0], g[1]);
    const tpr = wilson(g[2], g[3]);
    const fpr = wilson(g[4], g[5]);
    return [{
      group: labels[k],
      rows: g[1],
      judged: g[1] >= minSize,
      selectionRate: g[0] / g[1],
      selectionLow: selection.low,
      selectionHigh: selection.high,
      truePositiveRate: g[3] > 0 ? g[2] / g[3] : NaN,
      truePositiveLow: tpr.low,
      truePositiveHigh: tpr.high,
      falsePositiveRate: g[5] > 0 ? g[4] / g[5] : NaN,
      falsePositiveLow: fpr.low,
      falsePositiveHigh: fpr.high,
    }];
  });
  if (groups.length < 2) throw message.badOption(ANALYSIS, "sensitive", sensitive, "a column with at least two groups that have rows");
  const judged = t.filter((g) => g[1] >= minSize);
  if (judged.length < 2) notes.push(`Fewer than two groups of ${sensitive} have ${minSize} rows (minSize), so no difference between groups is judged.`);
  const observed = differences(judged);
  const selectionRates = groups.filter((g) => g.judged).map((g) => g.selectionRate);
  return {
    target,
    positive,
    sensitive,
    model: chosen.name,
    tolerance,
    minSize,
    groups,
    demographicParity: observed.parity,
    equalizedOdds: observed.odds,
    disparateImpactRatio: selectionRates.length < 2 ? NaN : Math.min(...selectionRates) / Math.max(...selectionRates),
    predictedPositives: predicted.reduce((a, b) => a + b, 0),
    skill: skillOf(actual, predicted),
    rows: groups.reduce((s, g) => s + g.rows, 0),
    notes,
  };
}

/** Youden's J (true positive rate minus false positive rate) over all rows, with Newcombe's interval: 0 is a model that predicts no better than chance. */
function skillOf(actual: Uint8Array, predicted: Uint8Array): Difference {
  const [tp, pos, fp, neg] = actual.reduce((c, a, i) => (a ? [c[0] + predicted[i], c[1] + 1, c[2], c[3]] : [c[0], c[1], c[2] + predicted[i], c[3] + 1]), [0, 0, 0, 0]);
  return pos > 0 && neg > 0 ? newcombe([tp, pos], [fp, neg]) : { value: NaN, low: NaN, high: NaN };
}
