/**
 * The guarded test set. Every model evaluated on a test set bends later choices toward
 * it; the book counts a test set's life in such "tuning cycles". holdout() splits off
 * the test rows; evaluate() scores a fitted pipeline on them, judges the score by the
 * framing card's success value (and minimum gain over its existing score), and counts the
 * look in the .litml/ store: one look per distinct model (its saved state's hash), keyed by
 * the test rows' hash, so a kernel restart or another notebook does not reset the count.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import type { Dataset } from "../../data/dataset.js";
import type { FittedPipeline } from "../../features/pipeline.js";
import { message } from "../../messages.js";
import { createResult, type Result } from "../../result.js";
import { computeEvaluation, splitHoldout } from "./compute.js";
import { EVALUATE_OPTIONS, HOLDOUT_OPTIONS } from "./options.js";
import type { EvaluateOptions, GuardedTestSet, HoldoutOptions, TestEvaluation } from "./types.js";
import { evaluateVerdict } from "./verdict.js";

export type { EvaluateOptions, GuardedTestSet, HoldoutOptions, TestEvaluation } from "./types.js";

export async function holdout(data: DataInput, options: HoldoutOptions = {}): Promise<{ train: Dataset; test: GuardedTestSet }> {
  const dataset = await resolveData(data);
  HOLDOUT_OPTIONS.check(options, dataset);
  return splitHoldout(dataset, options);
}

export async function evaluate(fitted: FittedPipeline, test: GuardedTestSet, options: EvaluateOptions = {}): Promise<Result<TestEvaluation>> {
  if (!test || typeof test.hash !== "string" || !test.data) throw message.badOption("evaluate", "test", test, "a test set from litml.holdout(...)");
  EVALUATE_OPTIONS.check(options);
  const d = computeEvaluation(fitted, test, options);
  const model = fitted.model.model;
  const rows = test.data.nRows;
  return createResult({
    kind: "test-evaluation",
    version: 2,
    title: `Test set evaluation (look ${d.looks})`,
    verdict: evaluateVerdict(d, model, rows),
    notes: d.notes,
    table: {
      columns: ["model", d.metric, "test rows", "looks at this test set", ...(d.goal?.success !== undefined ? ["success value"] : [])],
      rows: [[model, d.score, rows, d.looks, ...(d.goal?.success !== undefined ? [d.goal.success] : [])]],
    },
    data: d,
    datasets: [{ name: test.data.meta.name ?? "test set", hash: test.hash, rows }],
  });
}
