/** `baseline`'s options, declared once: checks, defaults and the magic's flags come from here. */
import { defineOptions } from "../../options/schema.js";
import type { BaselineOptions } from "./types.js";

export const BASELINE_OPTIONS = defineOptions<BaselineOptions>("baseline", {
  target: { kind: "column", help: "the column to predict", default: "the data set's target role" },
  models: { kind: "models", flag: "model", help: "candidate models, e.g. logistic,gbdt", default: "logistic, or ridge for numbers" },
  model: { kind: "model", flag: false, help: "one candidate model (the same as models: [model])" },
  params: { kind: "params", help: "params for the registry models named, e.g. {C: 0.5}" },
  metric: { kind: "metric", help: "the metric, e.g. accuracy, balanced-accuracy, roc-auc, rmse", default: "the framing card's, else accuracy or rmse" },
  folds: { kind: "number", whole: true, min: 2, help: "cross-validation folds", default: "5" },
  seed: { kind: "number", whole: true, help: "seed for folds, baselines and the bootstrap", default: "0" },
  heuristic: {
    kind: "value",
    expected: "a function of the row, { column, pattern, match, otherwise }, or a predictor with fit()",
    test: (v) => typeof v === "function" || (typeof v === "object" && v !== null && ("fit" in v || ("column" in v && "pattern" in v))),
    help: "a hand-written rule as {expr}: a function of the row, or { column, pattern, match, otherwise }",
  },
  human: {
    kind: "value",
    expected: "{ score: number, source?: string }",
    test: (v) => typeof v === "object" && v !== null && typeof (v as { score?: unknown }).score === "number" && Number.isFinite((v as { score: number }).score),
    magic: "json",
    help: "a human or current-process score on the same metric: { score, source }",
    default: "the framing card's existing score",
  },
  minGain: { kind: "number", min: 0, help: "the gain over the best baseline that counts as success, in metric units", default: "the framing card's minimum gain" },
  resamples: { kind: "number", whole: true, min: 10, help: "bootstrap resamples for the intervals", default: "1000, or 200 above 20,000 rows" },
  card: { kind: "card", help: "the framing card" },
});
