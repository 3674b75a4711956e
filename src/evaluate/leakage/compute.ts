/**
 * What leakage measures, inside each fold the validation would use (or between DATA and a
 * separate test set): test rows with an exact or near copy among the training rows, against
 * the number chance predicts; ids or groups on both sides; test rows older than the training
 * rows; and each feature alone, scored out of fold with a small tree on the tested rows only.
 */
import { coincidenceProbabilities, expectedMatches } from "../../data/coincidence.js";
import { checkComparable } from "../../data/comparable.js";
import { type DataInput, resolveData } from "../../data/convert.js";
import type { Dataset } from "../../data/dataset.js";
import type { Fold } from "../../data/splits/fold.js";
import { stackRows } from "../../data/stack.js";
import { columnKeys, combineKeys } from "../../data/row-keys.js";
import { pipelineFor } from "../../features/default-pipeline.js";
import { featureColumns } from "../../features/pipeline.js";
import { targetOf } from "../../features/target.js";
import { framedTime } from "../../frame/defaults.js";
import { message } from "../../messages.js";
import { metric } from "../../metrics/registry.js";
import { Progress } from "../../runtime/context.js";
import { collect, runFolds } from "../../validate/out-of-fold.js";
import { planFolds } from "../../validate/plan.js";
import { asPredictor } from "../../validate/predictor.js";
import { testRowsBeforeTraining, testRowsSharingKeys } from "./overlap.js";
import type { CopyCount, LeakageMeasures, LeakageOptions, SoloScore } from "./types.js";

const ANALYSIS = "leakage";

export async function computeLeakage(train: Dataset, options: LeakageOptions): Promise<LeakageMeasures> {
  const target = options.target ?? train.roles.target;
  if (target === undefined) throw message.badOption(ANALYSIS, "target", undefined, "the column to predict (--target COL)");
  train.column(target);
  const time = options.time ?? train.roles.time ?? framedTime(options.card);
  const group = options.group ?? train.roles.group;
  const threshold = options.threshold ?? 0.95;
  if (time !== undefined && train.column(time).type === "category") throw message.badOption(ANALYSIS, "time", time, "a date or numeric column");
  const { dataset, folds, validation } = await validationOf(train, target, options, time, group);
  const testRows = folds.reduce((n, f) => n + f.test.length, 0);
  // Copies are judged on exactly what the model sees: a column it never reads cannot tell two rows apart for it.
  const compared = featureColumns(train, target);
  const labels = columnKeys(dataset.column(target), false);
  const exact = copiesOf(dataset, compared, labels, folds, false);
  const near = copiesOf(dataset, compared, labels, folds, true);
  const measures = {
    target,
    validation,
    testRows,
    compared,
    exact: exact.count,
    near: { rows: near.count.rows - exact.count.rows, conflicting: Math.max(0, near.count.conflicting - exact.count.conflicting), expected: Math.max(0, near.count.expected - exact.count.expected) },
    ...(group !== undefined ? { group: { column: group, rows: groupOverlap(dataset, group, folds) } } : {}),
    ...(time !== undefined ? { time: { column: time, rows: timeOverlap(dataset, time, folds) } } : {}),
  };
  // The time and group columns are checked on their own; as features they would only repeat those checks.
  const features = compared.filter((n) => n !== time && n !== group);
  const metricName = targetOf(dataset, target).kind === "classification" ? "balanced-accuracy" : "r2";
  const solo = await soloScores(dataset, target, features, folds, metricName, threshold);
  return { ...measures, metric: metricName, threshold, solo };
}

/** The rows and folds to check: the folds cross-validation would use, or DATA against a separate test set. */
async function validationOf(train: Dataset, target: string, options: LeakageOptions, time: string | undefined, group: string | undefined): Promise<{ dataset: Dataset; folds: Fold[]; validation: string }> {
  if (options.test === undefined) {
    const plan = planFolds(ANALYSIS, train, targetOf(train, target), { folds: options.folds, split: options.split, seed: options.seed, time, group }, options.card);
    return { dataset: train, folds: [...plan.folds], validation: plan.description };
  }
  const test = await resolveData(options.test as DataInput, "test");
  const missing = train.names.filter((n) => !test.has(n));
  if (missing.length > 0) throw message.testColumns(ANALYSIS, missing);
  checkComparable(train, test, train.names, ["DATA", "the test set"]);
  const dataset = stackRows([train, test], train.names);
  const rows = (from: number, count: number) => Int32Array.from({ length: count }, (_, i) => from + i);
  return { dataset, folds: [{ train: rows(0, train.nRows), test: rows(train.nRows, test.nRows) }], validation: "the training data against the test set" };
}

/** Test rows with a copy in training, those whose copies all carry another label, and what chance predicts. */
function copiesOf(dataset: Dataset, compared: readonly string[], labels: Float64Array, folds: readonly Fold[], near: boolean): { count: CopyCount } {
  const n = dataset.nRows;
  const perColumn = compared.map((name) => columnKeys(dataset.column(name), near));
  const keys = combineKeys(perColumn, n);
  const labelled = combineKeys([keys, labels], n);
  const chance = coincidenceProbabilities(perColumn, n);
  let rows = 0;
  let conflicting = 0;
  let expected = 0;
  const seen = new Set<number>();
  const seenLabelled = new Set<number>();
  for (const { train, test } of folds) {
    seen.clear();
    seenLabelled.clear();
    for (const r of train) {
      seen.add(keys[r]);
      seenLabelled.add(labelled[r]);
    }
    for (const r of test) {
      if (!seen.has(keys[r])) continue;
      rows++;
      if (!seenLabelled.has(labelled[r])) conflicting++;
    }
    expected += expectedMatches(chance, test, train.length);
  }
  return { count: { rows, conflicting, expected } };
}

function groupOverlap(dataset: Dataset, name: string, folds: readonly Fold[]): number {
  const column = dataset.column(name);
  return testRowsSharingKeys(column.type === "category" ? column.codes : column.values, folds);
}

function timeOverlap(dataset: Dataset, name: string, folds: readonly Fold[]): number {
  const column = dataset.column(name);
  return column.type === "category" ? 0 : testRowsBeforeTraining(column.values, folds);
}

/** Each feature alone, in a depth-3 tree, scored out of fold on the same folds. */
async function soloScores(dataset: Dataset, target: string, features: readonly string[], folds: readonly Fold[], metricName: string, threshold: number): Promise<SoloScore[]> {
  const spec = metric(metricName);
  const progress = new Progress("scoring each feature alone", features.length);
  const scores: SoloScore[] = [];
  for (const name of features) {
    // Only the two columns are copied per fold; the pipeline turns a date into a number like any feature.
    const single = dataset.select([name, target]);
    const runs = await runFolds(single, target, asPredictor(pipelineFor("tree", { maxDepth: 3 }, { features: [name] })), { folds }, { withProba: false });
    // Scored on the rows a fold tested only: with a separate test set or time-ordered folds, the training rows have no prediction.
    const { truth, predictions } = collect(runs, dataset.nRows);
    const score = spec.compute(truth, predictions);
    scores.push({ column: name, score, suspicious: score >= threshold });
    await progress.step();
  }
  progress.finish();
  return scores.sort((a, b) => b.score - a.score);
}
