/** `selectionBias`'s options, declared once: checks, defaults and the magic's flags come from here. */
import { defineOptions } from "../../options/schema.js";
import type { SelectionBiasOptions } from "./types.js";

export const SELECTION_BIAS_OPTIONS = defineOptions<SelectionBiasOptions>("selectionBias", {
  by: { kind: "columns", help: "the metadata columns to compare and reweight on", default: "every column both have, except the target" },
  target: { kind: "column", help: "the column a model predicts: trained on the sample with and without the weights, scored on the population" },
  model: { kind: "model", help: "the model or your own Pipeline, for the score", default: "logistic, or ridge for numbers" },
  params: { kind: "params", help: "params for a registry model, e.g. {C: 0.5}" },
  metric: { kind: "metric", help: "the score's metric", default: "the framing card's, else accuracy or rmse" },
  bins: { kind: "number", whole: true, min: 2, max: 20, help: "equal-count bins of a numeric column, cut at the population's quantiles", default: "5" },
  sharesOnly: { kind: "flag", help: "compare shares only, without the adversarial model (faster)" },
  folds: { kind: "number", whole: true, min: 2, help: "folds of the adversarial model", default: "3" },
  seed: { kind: "number", whole: true, min: 0, help: "seed for the adversarial model, the subsamples and the bootstrap", default: "0" },
  card: { kind: "card", help: "the framing card (the kernel passes it)" },
});
