import { defineOptions } from "../../options/schema.js";
import type { OutliersOptions } from "./types.js";

export const OUTLIERS_OPTIONS = defineOptions<OutliersOptions>("outliers", {
  target: { kind: "column", help: "the column a model predicts: tells edge cases from harmless outliers (rows without it are left out)" },
  columns: { kind: "columns", help: "the columns to examine (at least one numeric)", default: "all but the target and dates" },
  contamination: { kind: "number", above: 0, below: 0.5, help: "the share of rows each detector flags", default: "0.01" },
  k: { kind: "number", whole: true, min: 1, help: "neighbours for the distance detector", default: "5" },
  model: { kind: "model", help: "the model that finds the edge cases", default: "logistic, or ridge for numbers" },
  params: { kind: "params", help: "the model's params as {expr}, checked against the model's own" },
  folds: { kind: "number", whole: true, min: 2, help: "folds for the out-of-fold predictions", default: "5" },
  seed: { kind: "number", whole: true, min: 0, help: "seed for the isolation forest and the folds", default: "0" },
  card: { kind: "card", help: "the framing card" },
});
