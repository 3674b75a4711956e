/**
 * The transformer contract, like the model contract: a step's constructor stores its
 * params; `fit` learns from training rows and returns a fitted step that transforms any
 * rows the same way. Steps work on Datasets (typed columns in, typed columns out), so
 * they can see column types and names; the pipeline turns the result into a matrix.
 */
// @ts-nocheck

import type { Dataset } from "../data/dataset.js";
import type { Target } from "../models/contract.js";

export interface SavedStep {
  readonly step: string;
  readonly params: unknown;
  readonly state: unknown;
}

export interface FittedStep {
  readonly step: string;
  transform(data: Dataset): Dataset;
  toJSON(): SavedStep;
}

export interface Step<Params = unknown> {
  readonly step: string;
  readonly params: Params;
  fit(data: Dataset, y?: Target): FittedStep;
  /**
   * Fit and transform the training rows in one go. Steps that learn from the target
   * (target encoding) return out-of-fold values here, so a training row's encoding never
   * saw its own label.
   */
  fitTransform?(data: Dataset, y?: Target): { fitted: FittedStep; transformed: Dataset };
  /**
   * Samplers (under- and oversampling, SMOTE, augmentation) change which rows the model
   * trains on: the pipeline calls this on the training rows only, and the fitted step passes
   * rows through unchanged at prediction time. A sampler may return row weights (mixup does).
   */
  resample?(data: Dataset, y: Target, weights?: Float64Array): { data: Dataset; y: Target; weights?: Float64Array };
}

/** The columns a step applies to: those named, or every column of the types it handles. */
export function selectColumns(data: Dataset, named: readonly string[] | undefined, types: readonly string[]): string[] {
  if (named) {
    for (const name of named) data.column(name);
    return [...named];
  }
  return data.names.filter((name) => types.includes(data.column(name).type));
}
