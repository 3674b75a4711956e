import { defineOptions } from "../../options/schema.js";
import type { StageAttributionOptions } from "./types.js";

export const STAGE_ATTRIBUTION_OPTIONS = defineOptions<StageAttributionOptions>("stageAttribution", {
  metric: { kind: "metric", help: "the end-to-end score, on the last stage's target", default: "the framing card's metric, else accuracy or RMSE" },
  folds: { kind: "number", whole: true, min: 2, help: "folds for the out-of-fold predictions", default: "5" },
  split: { kind: "choice", choices: ["kfold", "stratified", "group"], help: "how rows are split into folds (every row must be tested, so not time)", default: "stratified for classes, else shuffled" },
  group: { kind: "column", help: "a column whose groups stay on one side of each split" },
  seed: { kind: "number", whole: true, min: 0, help: "seed for the folds and the intervals", default: "0" },
  resamples: { kind: "number", whole: true, min: 100, help: "bootstrap resamples for each gain's interval", default: "1000" },
  card: { kind: "card", help: "the framing card" },
});
