/**
 * The guarded test set's numbers: the split (the latest rows with a time column, else a
 * seeded, stratified random share) and a fitted pipeline's score on the test rows, with
 * the look counted in the .litml/ store and the framing card's goal beside it.
 */
import type { Dataset } from "../../data/dataset.js";
import { complementFold } from "../../data/splits/fold.js";
import { holdout as holdoutSplit } from "../../data/splits/kfold.js";
import type { FittedPipeline } from "../../features/pipeline.js";
import { targetOf } from "../../features/target.js";
import { framedHuman, framedMetric, framedTime } from "../../frame/defaults.js";
import { defaultMetric, metric } from "../../metrics/registry.js";
import { recordLook } from "../../state/store.js";
import { shortHash } from "../../util/hash.js";
import { timeOrder } from "../../validate/plan.js";
import { predict } from "../../validate/predictor.js";
import { cardGoal, gainOver, shortOf } from "../card-goal.js";
import type { EvaluateOptions, GuardedTestSet, HoldoutOptions, TestEvaluation } from "./types.js";

export function splitHoldout(dataset: Dataset, options: HoldoutOptions): { train: Dataset; test: GuardedTestSet } {
  const testSize = options.testSize ?? 0.2;
  const targetName = options.target ?? dataset.roles.target;
  const target = targetName === undefined ? undefined : targetOf(dataset, targetName);
  const time = options.time ?? framedTime(options.card);
  const stratify = options.stratify ?? target?.kind === "classification";
  const { train, test } =
    time !== undefined
      ? complementFold(dataset.nRows, timeOrder("holdout", dataset, time).subarray(dataset.nRows - Math.round(dataset.nRows * testSize)))
      : holdoutSplit(dataset.nRows, { testSize, seed: options.seed ?? 0, ...(stratify && target?.kind === "classification" ? { stratify: target.codes } : {}) });
  const testData = dataset.take(test);
  return { train: dataset.take(train), test: { data: testData, hash: testData.contentHash() } };
}

export function computeEvaluation(fitted: FittedPipeline, test: GuardedTestSet, options: EvaluateOptions): TestEvaluation {
  const notes: string[] = [];
  const truth = fitted.targetOf(test.data);
  const spec = metric(options.metric ?? framedMetric(options.card, truth.kind) ?? defaultMetric(truth.kind), truth.kind);
  const score = spec.compute(truth, predict(fitted, test.data, spec.needs === "proba"));
  const fingerprint = shortHash(JSON.stringify(fitted.toJSON()));
  const looks = recordLook(test.hash, fingerprint);
  const goal = cardGoal("evaluate", options.card, truth.kind, spec, notes);
  // The minimum gain is over a baseline; on the test set the only one at hand is the card's existing score.
  const existing = goal?.minGain !== undefined ? framedHuman(options.card, truth.kind)?.score : undefined;
  if (goal?.minGain !== undefined && existing === undefined) {
    notes.push(`The framing card's minimum gain is over a baseline, and the test set has none to compare with: give the card an existing score to judge it here, or run backtest or baseline.`);
  }
  return {
    metric: spec.name,
    score,
    looks,
    fingerprint,
    ...(goal ? { goal } : {}),
    ...(goal?.success !== undefined ? { shortOfSuccess: shortOf(goal, score) } : {}),
    ...(existing !== undefined ? { existingScore: existing, gain: gainOver(spec.greaterIsBetter, score, existing) } : {}),
    notes,
  };
}
