/**
 * The pipeline `--model NAME` builds: the model plus the feature steps it needs. Dates
 * become decimal years first.
 * Linear and distance-based models get imputation (with missing indicators), one-hot
 * encoding with a rare bucket, and standard scaling. Trees split on order, so they get
 * ordinal codes and no scaling; boosting also keeps missing values as they are, learning
 * where to send them. Baselines look at no features.
 */
// @ts-nocheck

import type { Dataset } from "../data/dataset.js";
import { createModel } from "../models/registry.js";
import { Pipeline, type PipelineOptions } from "./pipeline.js";
import { targetOf } from "./target.js";
import { DateToYear, Impute, OneHot, Ordinal, Scale } from "./steps.js";

const BASELINES = new Set(["random", "stratified", "zero-rule"]);

export function pipelineFor(name: string, params: object = {}, options: PipelineOptions = {}): Pipeline {
  const model = createModel(name, params);
  if (BASELINES.has(name)) return new Pipeline([], model, { ...options, features: [] });
  if (name === "gbdt") return new Pipeline([new DateToYear(), new Ordinal()], model, options);
  if (name === "tree") return new Pipeline([new DateToYear(), new Ordinal(), new Impute({ indicator: true })], model, options);
  return new Pipeline([new DateToYear(), new Impute({ indicator: true }), new OneHot({ minFrequency: 5 }), new Scale({ method: "standard" })], model, options);
}

/** The model used when an analysis is given none: logistic for classes, ridge for numbers. */
export function defaultModelFor(data: Dataset, target: string): string {
  return targetOf(data, target).kind === "classification" ? "logistic" : "ridge";
}
