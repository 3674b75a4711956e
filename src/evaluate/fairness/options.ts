import { defineOptions } from "../../options/schema.js";
import type { FairnessOptions } from "./types.js";

export const FAIRNESS_OPTIONS = defineOptions<FairnessOptions>("fairness", {
  target: { kind: "column", help: "the two-class column to predict", default: "the data set's target role" },
  sensitive: { kind: "column", help: "the column whose groups to compare", default: "the data set's sensitive role" },
  positive: { kind: "string", help: "the favourable outcome", default: "the rarer class" },
  model: { kind: "model", help: "the model", default: "logistic" },
  params: { kind: "params", help: "the model's params as {expr}, checked against the model's own" },
  features: { kind: "columns", help: "the model's inputs; leave the sensitive column out for a blind model", default: "every column but the target" },
  folds: { kind: "number", whole: true, min: 2, help: "folds for the out-of-fold predictions", default: "5" },
  tolerance: { kind: "number", above: 0, below: 1, help: "a difference from which groups count as treated differently", default: "0.1" },
  minSize: { kind: "number", whole: true, min: 1, help: "rows a group needs to be judged (smaller ones are listed, not compared)", default: "30" },
  seed: { kind: "number", whole: true, min: 0, help: "seed for the folds", default: "0" },
  card: { kind: "card", help: "the framing card" },
});
