/** `overfitCheck`'s options, declared once: checks, defaults and the magic's flags come from here. */
import { defineOptions } from "../../options/schema.js";
import type { OverfitCheckOptions } from "./types.js";

export const OVERFIT_CHECK_OPTIONS = defineOptions<OverfitCheckOptions>("overfitCheck", {
  target: { kind: "column", help: "the column to predict", default: "the data set's target role" },
  model: { kind: "model", help: "the model or your own Pipeline", default: "a nearly unregularised logistic or linear model" },
  params: { kind: "params", help: "params for a registry model, e.g. {C: 0.5}" },
  rows: { kind: "number", whole: true, min: 4, help: "the batch size", default: "32" },
  shuffles: { kind: "number", whole: true, min: 5, max: 200, help: "refits with the batch's labels shuffled, to compare with", default: "19, or 59 when the batch may grow twice" },
  seed: { kind: "number", whole: true, help: "seed for the batch and the shuffles", default: "0" },
});
