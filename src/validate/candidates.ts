/**
 * Scoring candidates on folds (tune's search, and the pool's workers that run it). A candidate differs from the others only in its model's
 * params, so each fold's feature steps are fitted once (on the fold's training rows only)
 * and every candidate's model is fitted on the matrix they made: the same numbers as
 * refitting the whole pipeline per candidate, for a fraction of the work.
 */
import { argmaxRows } from "../data/matrix.js";
import type { Dataset } from "../data/dataset.js";
import type { Fold } from "../data/splits/fold.js";
import type { Pipeline } from "../features/pipeline.js";
import { metric, type MetricSpec, type Predictions } from "../metrics/registry.js";
import type { FittedModel, Target } from "../models/contract.js";
import { createModel } from "../models/registry.js";
import type { Progress } from "../runtime/context.js";
import { quietly } from "../runtime/context.js";
import { errorFrom, poolAvailable, type PoolReply, runOnPool } from "./pool.js";
import { pipelineSpec } from "./pool-spec.js";

/** A candidate: the model's params that differ from the pipeline's own (tune's search space draws them). */
export type Params = Readonly<Record<string, number | string | boolean>>;

export interface Scored {
  /** One row per candidate, one column per fold; NaN where the fit failed (scikit-learn's error_score=nan). */
  readonly scores: number[][];
  readonly fitSeconds: number[];
  readonly failures: number;
  readonly firstError?: unknown;
}

/** The model of `pipeline` with `params` over its own. */
export function withParams(pipeline: Pipeline, params: Params) {
  return createModel(pipeline.model.model, { ...(pipeline.model.params as object), ...params });
}

export async function scoreCandidates(dataset: Dataset, target: string, pipeline: Pipeline, candidates: readonly Params[], folds: readonly Fold[], spec: MetricSpec, progress?: Progress): Promise<Scored> {
  const pooled = await scoreOnPool(dataset, target, pipeline, candidates, folds, spec, progress);
  if (pooled !== undefined) return pooled;
  const scores = candidates.map(() => new Array<number>(folds.length).fill(NaN));
  const fitSeconds = candidates.map(() => 0);
  let failures = 0;
  let firstError: unknown;
  for (const [f, fold] of folds.entries()) {
    const train = dataset.take(fold.train);
    const test = dataset.take(fold.test);
    let prepared;
    try {
      prepared = await quietly(() => pipeline.prepare(train, target));
    } catch (error) {
      // The fold cannot be prepared (a subsample holding one class, say): every candidate fails on it.
      failures += candidates.length;
      firstError ??= error;
      await progress?.step(candidates.length);
      continue;
    }
    const X = prepared.features(test);
    let truth: Target | undefined;
    for (const [c, params] of candidates.entries()) {
      const began = performance.now();
      try {
        // No warm start from the previous candidate: measured on flights-200k (logistic, 20 values of C) it made the search slower, not faster.
        const fitted = await quietly(() => prepared.fit(withParams(pipeline, params)));
        truth ??= fitted.targetOf(test);
        scores[c][f] = spec.compute(truth, predictWith(fitted.model, X, spec.needs === "proba"));
      } catch (error) {
        failures++;
        firstError ??= error;
      }
      fitSeconds[c] += (performance.now() - began) / 1000;
      await progress?.step();
    }
  }
  return { scores, fitSeconds, failures, ...(firstError === undefined ? {} : { firstError }) };
}

/**
 * The folds scored on the pool of worker threads (src/validate/pool.ts), one fold per
 * task with every candidate, or undefined where they are scored in this thread: one
 * fold, LITML_THREADS=1, a pipeline a worker cannot rebuild (see pipelineSpec) or a
 * metric that is not the registry's own.
 */
async function scoreOnPool(dataset: Dataset, target: string, pipeline: Pipeline, candidates: readonly Params[], folds: readonly Fold[], spec: MetricSpec, progress?: Progress): Promise<Scored | undefined> {
  if (folds.length < 2 || candidates.length === 0 || !poolAvailable()) return undefined;
  const pipelineSpecOf = pipelineSpec(pipeline);
  let registered: MetricSpec | undefined;
  try {
    registered = metric(spec.name, spec.task);
  } catch {
    return undefined;
  }
  if (pipelineSpecOf === undefined || registered !== spec) return undefined;
  const scores = candidates.map(() => new Array<number>(folds.length).fill(NaN));
  const fitSeconds = candidates.map(() => 0);
  let failures = 0;
  let firstError: unknown;
  const tasks = folds.map((fold) => ({ kind: "candidates" as const, spec: pipelineSpecOf, target, train: fold.train, test: fold.test, candidates, metric: spec.name, targetKind: spec.task }));
  await runOnPool<Extract<PoolReply, { kind: "candidates" }>>(dataset, tasks, `scoring ${candidates.length} candidates of ${pipeline.model.model}`, (f, reply) => {
    reply.scores.forEach((score, c) => (scores[c][f] = score));
    reply.fitSeconds.forEach((seconds, c) => (fitSeconds[c] += seconds));
    failures += reply.failures;
    if (reply.firstError !== undefined) firstError ??= errorFrom(reply.firstError);
  }, progress, folds.map(() => candidates.length));
  return { scores, fitSeconds, failures, ...(firstError === undefined ? {} : { firstError }) };
}

function predictWith(model: FittedModel, X: Parameters<FittedModel["predict"]>[0], withProba: boolean): Predictions {
  if (model.task === "regression") return { values: model.predict(X) };
  if (!withProba) return { labels: model.predict(X) };
  const proba = model.predictProba(X);
  return { labels: argmaxRows(proba), proba };
}
