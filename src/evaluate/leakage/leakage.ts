/**
 * leakage(DATA, { target }): does information about the answer reach the model, or the
 * validation, by a back door? Inside each fold the validation would use (or between DATA
 * and a separate test set), four checks: test rows with an exact or near copy among the
 * training rows; ids or groups on both sides; test rows older than the training rows; and
 * features that predict the target almost perfectly on their own, each scored out of fold
 * with a small tree, the way a leaked column gives itself away.
 */
import { leakageChart } from "../../charts/leakage.js";
import type { Column } from "../../data/column.js";
import { type DataInput, resolveData } from "../../data/convert.js";
import { Dataset } from "../../data/dataset.js";
import type { Fold } from "../../data/splits/fold.js";
import { stackRows } from "../../data/stack.js";
import { formatCell, formatPercent } from "../../display/format.js";
import { pipelineFor } from "../../features/default-pipeline.js";
import type { FramingCard } from "../../frame/card.js";
import { framedTime } from "../../frame/defaults.js";
import { targetOf } from "../../features/target.js";
import { message } from "../../messages.js";
import { checkOptions, columnOf, numberOption, shareOption } from "../../options.js";
import { createResult, type Result, type VerdictLevel } from "../../result.js";
import { Progress } from "../../runtime/context.js";
import { collect, runFolds } from "../../validate/out-of-fold.js";
import { planFolds, SPLIT_KINDS, type SplitKind } from "../../validate/plan.js";
import { asPredictor } from "../../validate/predictor.js";
import { metric } from "../../metrics/registry.js";
import { testRowsBeforeTraining, testRowsSharingKeys } from "./overlap.js";
import { rowKeys } from "./row-keys.js";

export interface LeakageOptions {
  readonly target?: string;
  /** A separate test set: the checks then compare DATA (training) with it instead of folds. */
  readonly test?: DataInput;
  readonly time?: string;
  /** An id or group column (a patient, a customer) that must not appear on both sides. */
  readonly group?: string;
  /** The validation to check, as cross-validation would split (default: what it would choose). */
  readonly split?: SplitKind;
  readonly folds?: number;
  /** A single feature scoring at least this out of fold is called a leak. Default 0.95. */
  readonly threshold?: number;
  readonly seed?: number;
  readonly card?: FramingCard;
}

export interface SoloScore {
  readonly column: string;
  readonly score: number;
  readonly suspicious: boolean;
}

export interface LeakageCheck {
  readonly check: "duplicates" | "near-duplicates" | "shared groups" | "time overlap" | "single-feature power";
  readonly level: VerdictLevel;
  /** Test rows affected (summed over folds), where the check counts rows. */
  readonly rows?: number;
  readonly text: string;
}

export interface LeakageData {
  readonly target: string;
  readonly validation: string;
  readonly testRows: number;
  readonly metric: string;
  readonly threshold: number;
  readonly solo: readonly SoloScore[];
  readonly checks: readonly LeakageCheck[];
}

const ANALYSIS = "leakage";
const SEVERITY: Record<VerdictLevel, number> = { ok: 0, warn: 1, fail: 2 };

export async function leakage(data: DataInput, options: LeakageOptions = {}): Promise<Result<LeakageData>> {
  const train = await resolveData(data);
  const column = columnOf(ANALYSIS, train);
  checkOptions(ANALYSIS, options, {
    target: column,
    test: () => {},
    time: column,
    group: column,
    split: (v, o) => {
      if (!SPLIT_KINDS.includes(v as SplitKind)) throw message.badOption(ANALYSIS, o, v, SPLIT_KINDS.join(", "));
    },
    folds: numberOption(ANALYSIS, 2, true),
    threshold: shareOption(ANALYSIS, "a score between 0 and 1", 0, 1 + Number.EPSILON),
    seed: numberOption(ANALYSIS, 0, true),
    card: () => {},
  });
  const target = options.target ?? train.roles.target;
  if (target === undefined) throw message.badOption(ANALYSIS, "target", undefined, "the column to predict (--target COL)");
  const time = options.time ?? train.roles.time ?? framedTime(options.card);
  const group = options.group ?? train.roles.group;
  const threshold = options.threshold ?? 0.95;
  const { dataset, folds, validation } = await validationOf(train, target, options, time, group);
  const task = targetOf(dataset, target).kind;
  // The time and group columns are checked on their own; as features they would only repeat those checks.
  const features = dataset.names.filter((n) => n !== target && n !== time && n !== group);
  const testRows = folds.reduce((n, f) => n + f.test.length, 0);

  const checks: LeakageCheck[] = [];
  const columns = features.map((n) => dataset.column(n));
  const exact = testRowsSharingKeys(rowKeys(columns, dataset.nRows, false), folds);
  const near = testRowsSharingKeys(rowKeys(columns, dataset.nRows, true), folds) - exact;
  checks.push(copiesCheck("duplicates", exact, testRows, "an exact copy (every feature equal)"));
  checks.push(copiesCheck("near-duplicates", Math.max(0, near), testRows, "a near copy (numbers within 1% of a standard deviation)"));
  if (group !== undefined) checks.push(groupCheck(group, dataset.column(group), folds, testRows));
  if (time !== undefined) checks.push(timeCheck(time, dataset.column(time), folds, testRows));

  const metricName = task === "classification" ? "balanced-accuracy" : "r2";
  const solo = await soloScores(dataset, target, features, folds, metricName, threshold);
  const suspicious = solo.filter((s) => s.suspicious);
  checks.push({
    check: "single-feature power",
    level: suspicious.length > 0 ? "fail" : "ok",
    text:
      suspicious.length > 0
        ? `${suspicious.map((s) => `"${s.column}" alone scores ${metricName} ${formatCell(s.score)}`).join("; ")} out of fold: is it computed from the target, or recorded after the outcome?`
        : `no single feature predicts the target on its own (best: "${solo[0]?.column}" at ${metricName} ${formatCell(solo[0]?.score ?? NaN)}, below ${threshold}).`,
  });

  const leakData: LeakageData = { target, validation, testRows, metric: metricName, threshold, solo, checks };
  const worst = checks.reduce((a, c) => (SEVERITY[c.level] > SEVERITY[a] ? c.level : a), "ok" as VerdictLevel);
  const problems = checks.filter((c) => c.level !== "ok").sort((a, b) => SEVERITY[b.level] - SEVERITY[a.level]);
  return createResult({
    kind: "leakage",
    version: 1,
    title: `Leakage checks for ${target} (${validation})`,
    verdict: {
      level: worst,
      text:
        problems.length === 0
          ? `No sign of leakage in ${validation}: no copies of test rows in training${group ? ", no shared groups" : ""}${time ? ", no test row older than its training rows" : ""}, and no feature predicts the target on its own.`
          : `${problems.length === 1 ? "One check" : `${problems.length} checks`} found a back door: ${problems.map((c) => `${c.check}: ${c.text}`).join(" ")}`,
    },
    notes: problems.length > 0 ? [`Checked: ${validation}. A leak makes validation scores optimistic; fix it before trusting any score.`] : [],
    table: {
      columns: ["check", "level", "test rows affected", "finding"],
      rows: checks.map((c) => [c.check, c.level, c.rows ?? null, c.text]),
    },
    chart: leakageChart(leakData),
    data: leakData,
    datasets: [{ name: train.meta.name ?? "data", hash: train.contentHash(), rows: train.nRows }],
    seed: options.seed ?? 0,
  });
}

/** The rows and folds to check: the folds cross-validation would use, or DATA against a separate test set. */
async function validationOf(
  train: Dataset,
  target: string,
  options: LeakageOptions,
  time: string | undefined,
  group: string | undefined,
): Promise<{ dataset: Dataset; folds: Fold[]; validation: string }> {
  if (options.test === undefined) {
    // A time or group column shapes the folds only when the split is left to cross-validation or asks for it.
    const plan = planFolds(ANALYSIS, train, targetOf(train, target), { folds: options.folds, split: options.split, seed: options.seed, time, group }, options.card);
    return { dataset: train, folds: [...plan.folds], validation: plan.description };
  }
  const test = await resolveData(options.test, "test");
  const missing = train.names.filter((n) => !test.has(n));
  if (missing.length > 0) throw message.testColumns(ANALYSIS, missing);
  const dataset = stackRows([train, test], train.names);
  const rows = (from: number, count: number) => Int32Array.from({ length: count }, (_, i) => from + i);
  return { dataset, folds: [{ train: rows(0, train.nRows), test: rows(train.nRows, test.nRows) }], validation: "the training data against the test set" };
}

function copiesCheck(check: "duplicates" | "near-duplicates", rows: number, testRows: number, what: string): LeakageCheck {
  const share = rows / testRows;
  return {
    check,
    level: rows === 0 ? "ok" : share >= 0.05 ? "fail" : "warn",
    rows,
    text:
      rows === 0
        ? `no test row has ${what} in training.`
        : `${rows.toLocaleString("en-US")} test rows (${formatPercent(share)}) have ${what} in training; the model is tested on rows it has seen. Drop the copies, or split so that copies stay together.`,
  };
}

function groupCheck(name: string, column: Column, folds: readonly Fold[], testRows: number): LeakageCheck {
  const keys = column.type === "category" ? column.codes : column.values;
  const rows = testRowsSharingKeys(keys, folds);
  return {
    check: "shared groups",
    level: rows > 0 ? "fail" : "ok",
    rows,
    text:
      rows > 0
        ? `${rows.toLocaleString("en-US")} test rows (${formatPercent(rows / testRows)}) share a "${name}" value with training rows: the model can recognise the group instead of learning the task. Split by group (split: "group").`
        : `no "${name}" value appears on both sides.`,
  };
}

function timeCheck(name: string, column: Column, folds: readonly Fold[], testRows: number): LeakageCheck {
  if (column.type === "category") throw message.badOption(ANALYSIS, "time", name, "a date or numeric column");
  const rows = testRowsBeforeTraining(column.values, folds);
  return {
    check: "time overlap",
    level: rows > 0 ? "warn" : "ok",
    rows,
    text:
      rows > 0
        ? `${rows.toLocaleString("en-US")} test rows (${formatPercent(rows / testRows)}) are older than the latest training row: the model learns from the future to predict the past. Validate in time order (split: "time", or %backtest).`
        : `every test row is later than the training rows it is compared with.`,
  };
}

/** Each feature alone, in a depth-3 tree, scored out of fold on the same folds. */
async function soloScores(dataset: Dataset, target: string, features: readonly string[], folds: readonly Fold[], metricName: string, threshold: number): Promise<SoloScore[]> {
  const spec = metric(metricName);
  const progress = new Progress("scoring each feature alone", features.length);
  const scores: SoloScore[] = [];
  for (const name of features) {
    // Only the two columns are copied per fold; the pipeline turns a date into a number like any feature.
    const single = dataset.select([name, target]);
    const runs = await runFolds(single, target, asPredictor(pipelineFor("tree", { maxDepth: 3 }, { features: [name] })), folds, { withProba: false });
    // Scored on the rows a fold tested only: with a separate test set or time-ordered folds, the training rows have no prediction.
    const { truth, predictions } = collect(runs, dataset.nRows);
    const score = spec.compute(truth, predictions);
    scores.push({ column: name, score, suspicious: score >= threshold });
    await progress.step();
  }
  progress.finish();
  return scores.sort((a, b) => b.score - a.score);
}
