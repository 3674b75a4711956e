/**
 * The size of the matrix a model is fitted on, checked before any fold starts: a
 * one-hot encoding of wide category columns over millions of rows can need more memory
 * than the process has, and it is kinder to say so at once than after minutes of work.
 */
import { getHeapStatistics } from "node:v8";
import type { Dataset } from "../data/dataset.js";
import { designWidth } from "../features/default-pipeline.js";
import { pooledCategories } from "../features/encode.js";
import { FittedPipeline } from "../features/pipeline.js";
import { message } from "../messages.js";
import type { ModelChoice } from "./model.js";
import type { FoldPlan } from "./plan.js";
import type { FittedPredictor } from "./predictor.js";

/** Copies of the matrix alive at once while a pipeline fits: a step's input and its output. */
const COPIES = 2;

export interface DesignSize {
  readonly rows: number;
  readonly columns: number;
  readonly bytes: number;
}

/** The largest training matrix `plan` will build for `choice`: rows × columns × 8 bytes, twice. */
export function designSize(choice: ModelChoice, dataset: Dataset, target: string, plan: FoldPlan): DesignSize {
  const rows = plan.folds.reduce((most, fold) => Math.max(most, fold.train.length), 0);
  const columns = choice.pipeline ? designWidth(choice.pipeline, dataset, target) : 0;
  return { rows, columns, bytes: rows * columns * 8 * COPIES };
}

/** Stops `analysis` before it starts when the matrix will not fit under the heap limit (`limit` in bytes, for tests). */
export function checkDesignFits(analysis: string, choice: ModelChoice, dataset: Dataset, target: string, plan: FoldPlan, limit = getHeapStatistics().heap_size_limit): DesignSize {
  const size = designSize(choice, dataset, target, plan);
  if (size.bytes > limit) throw message.designTooLarge(analysis, choice.name, size.rows, size.columns, size.bytes / 1e9, limit / 1e9);
  return size;
}

/** Notes on what a fitted pipeline's one-hot steps pooled, one per column ("origin: 16 of 230 kept…"). */
export function poolingNotes(fitted: FittedPredictor): string[] {
  if (!(fitted instanceof FittedPipeline)) return [];
  return pooledCategories(fitted.steps).map(
    (p) => `${p.column}: the ${p.kept} most frequent of its ${p.kept + p.pooled} values are one-hot encoded and the other ${p.pooled} share one "(rare)" column, to keep the matrix small; pass a Pipeline with OneHot({ maxCategories }) to choose otherwise.`,
  );
}
