import { defineOptions } from "../../options/schema.js";
import type { EvaluateOptions, HoldoutOptions } from "./types.js";

export const HOLDOUT_OPTIONS = defineOptions<HoldoutOptions>("holdout", {
  target: { kind: "column", help: "the column to predict (to stratify by)", default: "the data set's target role" },
  testSize: { kind: "number", above: 0, below: 1, help: "the share of rows kept for the test set", default: "0.2" },
  seed: { kind: "number", help: "the seed of the random split", default: "0" },
  stratify: { kind: "flag", help: "keep class shares equal in train and test", default: "yes for classes, not with a time column" },
  time: { kind: "column", help: "a time column: the latest rows become the test set", default: "the framing card's time" },
  card: { kind: "card", help: "the framing card" },
});

export const EVALUATE_OPTIONS = defineOptions<EvaluateOptions>("evaluate", {
  metric: { kind: "metric", help: "the metric", default: "the framing card's, else accuracy or rmse" },
  card: { kind: "card", help: "the framing card: its metric, success value and minimum gain" },
});
