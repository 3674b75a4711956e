/**
 * The pipeline `--model NAME` builds: the model plus the feature steps it needs. Dates
 * become decimal years first.
 * Linear and distance-based models get imputation (with missing indicators), one-hot
 * encoding of at most the most frequent categories of each column (the rest pooled into
 * one "(rare)" column), and standard scaling. Trees split on order, so they get ordinal
 * codes and no scaling; boosting also keeps missing values as they are, learning where
 * to send them. Baselines look at no features.
 */
import type { Dataset } from "../data/dataset.js";
import { createModel } from "../models/registry.js";
import { oneHotWidth } from "./encode.js";
import { featureColumns, Pipeline, type PipelineOptions } from "./pipeline.js";
import { targetOf } from "./target.js";
import { DateToYear, Impute, OneHot, Ordinal, Scale } from "./steps.js";

const BASELINES = new Set(["random", "stratified", "zero-rule"]);

/**
 * One-hot columns a default pipeline keeps per category column. A dense indicator per
 * category made 3 million flights with two 230-airport columns a 12 GB matrix (and a
 * ridge fit costs columns² per row); beyond the 10 most frequent, categories are pooled,
 * so the model still sees "a rare airport". Flights' matrix is then 5.6 times the data.
 */
export const DEFAULT_MAX_CATEGORIES = 10;

export function pipelineFor(name: string, params: object = {}, options: PipelineOptions = {}): Pipeline {
  const model = createModel(name, params);
  if (BASELINES.has(name)) return new Pipeline([], model, { ...options, features: [] });
  if (name === "gbdt") return new Pipeline([new DateToYear(), new Ordinal()], model, options);
  if (name === "tree") return new Pipeline([new DateToYear(), new Ordinal(), new Impute({ indicator: true })], model, options);
  return new Pipeline(
    [new DateToYear(), new Impute({ indicator: true }), new OneHot({ minFrequency: 5, maxCategories: DEFAULT_MAX_CATEGORIES }), new Scale({ method: "standard" })],
    model,
    options,
  );
}

/** The model used when an analysis is given none: logistic for classes, ridge for numbers. */
export function defaultModelFor(data: Dataset, target: string): string {
  return targetOf(data, target).kind === "classification" ? "logistic" : "ridge";
}

/**
 * How many columns the matrix `pipeline` hands its model will have on `data`, counted
 * before fitting from the steps it knows (one-hot widens a category column, imputation
 * with indicators adds one per column with missing values); a step it does not know
 * counts as keeping one column per input, so the count is a floor for custom pipelines.
 */
export function designWidth(pipeline: Pipeline, data: Dataset, target: string): number {
  const inputs = pipeline.options.features ?? featureColumns(data, target);
  const oneHot = pipeline.steps.find((s): s is OneHot => s instanceof OneHot);
  const indicators = pipeline.steps.some((s) => s instanceof Impute && (s.params.indicator ?? true));
  let width = 0;
  for (const name of inputs) {
    const column = data.column(name);
    if (column.type === "category") {
      const spread = oneHot !== undefined && (oneHot.params.columns === undefined || oneHot.params.columns.includes(name));
      width += spread ? oneHotWidth(column, oneHot.params.maxCategories) : 1;
    } else {
      width += 1 + (indicators && column.values.some((v) => v !== v) ? 1 : 0);
    }
  }
  return width;
}
