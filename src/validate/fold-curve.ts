/**
 * One fold of a learning curve: the model fitted on growing prefixes of the fold's
 * shuffled training rows (each size starting from the previous size's model) and scored
 * on them and on the fold's test rows. learningCurve runs it per fold, in this thread or
 * in a worker of the pool (src/validate/pool.ts).
 */
import type { Dataset } from "../data/dataset.js";
import { LitmlError } from "../errors.js";
import type { FittedPipeline, Pipeline } from "../features/pipeline.js";
import type { MetricSpec } from "../metrics/registry.js";
import type { Target } from "../models/contract.js";
import { type Progress, quietly } from "../runtime/context.js";
import { predict } from "./predictor.js";

export interface FoldCurve {
  readonly train: number[];
  readonly validation: number[];
}

/** One fold's scores at each size: fits on growing prefixes of `order` (the fold's shuffled training rows), scored on them and on `testRows`. */
export async function foldCurve(dataset: Dataset, targetName: string, pipeline: Pipeline, order: Int32Array, testRows: Int32Array, sizes: readonly number[], spec: MetricSpec, progress?: Progress): Promise<FoldCurve> {
  const withProba = spec.needs === "proba";
  // Nested subsets: each size's rows include the previous size's, as if data kept arriving.
  const shuffled = dataset.take(order);
  const test = dataset.take(testRows);
  // Coded once per set of classes the fits know (normally one per fold), not once per size.
  const testTargets = new Map<string, Target>();
  const testTarget = (fitted: FittedPipeline): Target => {
    const key = (fitted.classes ?? []).join("\n");
    if (!testTargets.has(key)) testTargets.set(key, fitted.targetOf(test));
    return testTargets.get(key)!;
  };
  const curve: FoldCurve = { train: [], validation: [] };
  // Each size starts from the previous size's model: iterative models then need fewer steps.
  let previous: FittedPipeline | undefined;
  for (const size of sizes) {
    const train = shuffled.slice(0, size);
    const fitted = await fitOrSkip(() => pipeline.fit(train, targetName, { warmStart: previous }));
    if (fitted === undefined) {
      curve.train.push(NaN);
      curve.validation.push(NaN);
    } else {
      previous = fitted;
      curve.train.push(spec.compute(fitted.trainingTarget ?? fitted.targetOf(train), predict(fitted, train, withProba)));
      curve.validation.push(spec.compute(testTarget(fitted), predict(fitted, test, withProba)));
    }
    await progress?.step();
  }
  return curve;
}

/** A fit that fails because a tiny subset holds one class is a degenerate size, not an error. */
async function fitOrSkip(fit: () => Promise<FittedPipeline>): Promise<FittedPipeline | undefined> {
  try {
    return await quietly(fit);
  } catch (error) {
    if (error instanceof LitmlError && error.code === "single-class") return undefined;
    throw error;
  }
}

