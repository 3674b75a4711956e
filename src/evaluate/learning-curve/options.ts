/** `learningCurve`'s options, declared once: checks, defaults and the magic's flags come from here. */
import { defineOptions } from "../../options/schema.js";
import type { LearningCurveOptions } from "./types.js";

export const LEARNING_CURVE_OPTIONS = defineOptions<LearningCurveOptions>("learningCurve", {
  target: { kind: "column", help: "the column to predict", default: "the data set's target role" },
  model: { kind: "model", help: "the model or your own Pipeline", default: "logistic, or ridge for numbers" },
  params: { kind: "params", help: "params for a registry model, e.g. {C: 0.5}" },
  metric: { kind: "metric", help: "the metric", default: "the framing card's, else accuracy or rmse" },
  sizes: { kind: "numbers", help: "training sizes in rows (or shares of a training fold, all ≤ 1)", default: "6 log-spaced sizes" },
  folds: { kind: "number", whole: true, min: 2, help: "cross-validation folds", default: "5" },
  seed: { kind: "number", whole: true, help: "seed for folds and subsets", default: "0" },
  successValue: { kind: "number", help: "the score that counts as success, to estimate the rows needed", default: "the framing card's success value" },
  card: { kind: "card", help: "the framing card" },
});
