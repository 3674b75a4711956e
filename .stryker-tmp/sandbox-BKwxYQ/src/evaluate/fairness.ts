/**
 * fairness(DATA, { target, sensitive }): does the model treat groups alike? From
 * out-of-fold predictions of a two-class target, per group of the sensitive column: the
 * selection rate (share predicted positive), the true and false positive rates, each with a
 * Wilson interval; and between groups the demographic parity difference (largest minus
 * smallest selection rate) and the equalized odds difference (the larger of the true- and
 * false-positive-rate ranges), with bootstrap intervals.
 */
// @ts-nocheck

import { fairnessChart } from "../charts/fairness.js";
import { type DataInput, resolveData } from "../data/convert.js";
import { formatCell, formatPercent } from "../display/format.js";
import type { FramingCard } from "../frame/card.js";
import { targetOf } from "../features/target.js";
import { message } from "../messages.js";
import { checkOptions, columnOf, columnsOf, MODEL_OPTIONS, numberOption, shareOption } from "../options.js";
import { createResult, type Result, type VerdictLevel } from "../result.js";
import { Progress } from "../runtime/context.js";
import { chooseModel, type ModelInput } from "../validate/model.js";
import { atRows, outOfFold } from "../validate/out-of-fold.js";
import { planFolds } from "../validate/plan.js";
import { bootstrap, wilson } from "../stats/intervals.js";
import { groupCodes, positiveClass } from "./two-class.js";

export interface FairnessOptions {
  readonly target?: string;
  readonly sensitive?: string;
  /** The favourable outcome (being hired, a loan granted). Default: the rarer class. */
  readonly positive?: string;
  readonly model?: ModelInput;
  readonly params?: object;
  /** The model's inputs (default: every column but the target). Leave the sensitive column out to train a model blind to it. */
  readonly features?: readonly string[];
  readonly folds?: number;
  /** A difference from which the groups count as treated differently. Default 0.1. */
  readonly tolerance?: number;
  readonly resamples?: number;
  readonly seed?: number;
  readonly card?: FramingCard;
}

export interface GroupRates {
  readonly group: string;
  readonly rows: number;
  readonly selectionRate: number;
  readonly selectionLow: number;
  readonly selectionHigh: number;
  readonly truePositiveRate: number;
  readonly truePositiveLow: number;
  readonly truePositiveHigh: number;
  readonly falsePositiveRate: number;
  readonly falsePositiveLow: number;
  readonly falsePositiveHigh: number;
}

export interface Difference {
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

export interface FairnessData {
  readonly target: string;
  readonly positive: string;
  readonly sensitive: string;
  readonly model: string;
  readonly tolerance: number;
  readonly groups: readonly GroupRates[];
  readonly demographicParity: Difference;
  readonly equalizedOdds: Difference;
  /** Smallest selection rate over the largest (the "four-fifths rule" looks for at least 0.8). */
  readonly disparateImpactRatio: number;
}

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

export async function fairness(data: DataInput, options: FairnessOptions = {}): Promise<Result<FairnessData>> {
  const dataset = await resolveData(data);
  const column = columnOf(ANALYSIS, dataset);
  checkOptions(ANALYSIS, options, {
    target: column,
    sensitive: column,
    positive: () => {},
    ...MODEL_OPTIONS,
    features: columnsOf(ANALYSIS, dataset),
    folds: numberOption(ANALYSIS, 2, true),
    tolerance: shareOption(ANALYSIS, "a difference between 0 and 1"),
    resamples: numberOption(ANALYSIS, 100, true),
    seed: numberOption(ANALYSIS, 0, true),
  });
  const targetName = options.target ?? dataset.roles.target;
  if (targetName === undefined) throw message.badOption(ANALYSIS, "target", undefined, "the column to predict (--target COL)");
  const sensitive = options.sensitive ?? dataset.roles.sensitive?.[0];
  if (sensitive === undefined) throw message.badOption(ANALYSIS, "sensitive", undefined, "the column whose groups to compare (--sensitive COL)");
  const truth = targetOf(dataset, targetName, "classification");
  const { positive, positiveCode, classes } = positiveClass(ANALYSIS, targetName, truth, options.positive);
  const { codes: allGroups, labels } = groupCodes(ANALYSIS, sensitive, dataset.column(sensitive));
  const chosen = chooseModel(ANALYSIS, options, dataset, targetName, options.features ? { features: options.features } : {});
  const model = chosen.name;
  const tolerance = options.tolerance ?? 0.1;

  const plan = planFolds(ANALYSIS, dataset, truth, { folds: options.folds, seed: options.seed }, options.card);
  const progress = new Progress("predicting out of fold", plan.folds.length);
  const { rows, predictions } = await outOfFold(dataset, targetName, chosen.predictor, plan, { withProba: false, progress });
  progress.finish();
  const n = rows.length;
  const group = atRows(allGroups, rows);
  const predicted = Uint8Array.from(predictions.labels!, (label) => (label === positiveCode ? 1 : 0));
  const actual = Uint8Array.from(atRows(classes.codes, rows), (code) => (code === positiveCode ? 1 : 0));
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
  const fairnessData: FairnessData = {
    target: targetName,
    positive,
    sensitive,
    model,
    tolerance,
    groups,
    demographicParity: { value: observed.parity, low: parityInterval.low, high: parityInterval.high },
    equalizedOdds: { value: observed.odds, low: oddsInterval.low, high: oddsInterval.high },
    disparateImpactRatio: Math.min(...selectionRates) / Math.max(...selectionRates),
  };
  return createResult({
    kind: "fairness",
    version: 1,
    title: `Fairness of ${model} predicting "${positive}" across ${sensitive}`,
    verdict: verdictOf(fairnessData),
    notes: notesOf(fairnessData),
    table: {
      columns: [sensitive, "rows", `predicted "${positive}"`, "true positive rate", "false positive rate"],
      rows: groups.map((g) => [g.group, g.rows, g.selectionRate, g.truePositiveRate, g.falsePositiveRate]),
    },
    chart: fairnessChart(fairnessData),
    data: fairnessData,
    datasets: [{ name: dataset.meta.name ?? "data", hash: dataset.contentHash(), rows: n }],
    seed,
  });
}

function judge(d: Difference, tolerance: number): VerdictLevel {
  if (!(d.value >= tolerance) || !(d.low > 0)) return "ok";
  return d.value >= 2 * tolerance ? "fail" : "warn";
}

function verdictOf(d: FairnessData) {
  const parity = judge(d.demographicParity, d.tolerance);
  const odds = judge(d.equalizedOdds, d.tolerance);
  const level: VerdictLevel = parity === "fail" || odds === "fail" ? "fail" : parity === "warn" || odds === "warn" ? "warn" : "ok";
  const stated = (name: string, x: Difference) => `${name} difference ${formatCell(x.value)} (95% CI ${formatCell(x.low)} to ${formatCell(x.high)})`;
  const [most, least] = [...d.groups].sort((a, b) => b.selectionRate - a.selectionRate).filter((_, i, all) => i === 0 || i === all.length - 1);
  return {
    level,
    text:
      level === "ok"
        ? `No difference between groups of ${d.sensitive} reaches ${d.tolerance}: ${stated("demographic parity", d.demographicParity)}, ${stated("equalized odds", d.equalizedOdds)}. The upper ends of the intervals are the largest gaps these rows cannot rule out.`
        : `The model treats groups of ${d.sensitive} differently: it predicts "${d.positive}" for ${formatPercent(most.selectionRate)} of ${most.group} but ${formatPercent(least.selectionRate)} of ${least.group}; ` +
          `${stated("demographic parity", d.demographicParity)}, ${stated("equalized odds", d.equalizedOdds)}. Find out whether the gap is in the data, the features or the model before deploying.`,
  };
}

function notesOf(d: FairnessData): string[] {
  return [
    `Disparate impact ratio (lowest selection rate over the highest) ${formatCell(d.disparateImpactRatio)}; the "four-fifths rule" asks for at least 0.8.`,
    "Equal selection rates (demographic parity) and equal error rates (equalized odds) usually cannot both hold when the groups' base rates differ; decide which one the problem needs.",
    "Out-of-fold predictions; group rates with Wilson intervals, differences with bootstrap intervals.",
  ];
}
