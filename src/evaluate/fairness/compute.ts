/**
 * Group rates from out-of-fold PREDICTIONS of a two-class target (never from the labels
 * alone: a label says who deserved the outcome, a prediction who gets it). Per group of the
 * sensitive column: the selection rate (share predicted positive), the true and false
 * positive rates with Wilson intervals; between groups the demographic parity difference
 * (largest minus smallest selection rate) and the equalized odds difference (the larger of
 * the true- and false-positive-rate ranges), Fairlearn's definitions, with bootstrap intervals.
 */
import type { Dataset } from "../../data/dataset.js";
import { targetOf } from "../../features/target.js";
import { message } from "../../messages.js";
import { Progress } from "../../runtime/context.js";
import { bootstrap, wilson } from "../../stats/intervals.js";
import { chooseModel } from "../../validate/model.js";
import { atRows, outOfFold } from "../../validate/out-of-fold.js";
import { planFolds } from "../../validate/plan.js";
import { sensitiveGroups } from "../../validate/sensitive.js";
import { labelledRows, positiveClass, targetName } from "../../validate/target.js";
import type { FairnessData, FairnessOptions, GroupRates } from "./types.js";

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

const range = (values: number[]) => {
  const present = values.filter((v) => !Number.isNaN(v));
  return present.length < 2 ? NaN : Math.max(...present) - Math.min(...present);
};

function differences(t: Float64Array[]): { parity: number; odds: number } {
  const parity = range(t.map((g) => g[0] / g[1]));
  const odds = Math.max(range(t.map((g) => g[2] / g[3])), range(t.map((g) => g[4] / g[5])));
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
  const observed = differences(t);
  const seed = options.seed ?? 0;
  const resampled = (pick: "parity" | "odds") =>
    bootstrap(n, (rows) => differences(tallies(rows, group, labels.length, actual, predicted))[pick], { seed, resamples: options.resamples ?? 1000 });
  const parityInterval = resampled("parity");
  const oddsInterval = resampled("odds");
  const selectionRates = groups.map((g) => g.selectionRate);
  return {
    target,
    positive,
    sensitive,
    model: chosen.name,
    tolerance,
    groups,
    demographicParity: { value: observed.parity, low: parityInterval.low, high: parityInterval.high },
    equalizedOdds: { value: observed.odds, low: oddsInterval.low, high: oddsInterval.high },
    disparateImpactRatio: Math.min(...selectionRates) / Math.max(...selectionRates),
    rows: groups.reduce((s, g) => s + g.rows, 0),
    notes,
  };
}
