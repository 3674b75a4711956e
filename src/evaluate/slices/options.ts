/** The options of slices, declared once: checks, defaults, the magic's flags and help come from here. */
import { defineOptions } from "../../options/schema.js";
import type { SlicesOptions } from "./types.js";

export const SLICES_OPTIONS = defineOptions<SlicesOptions>("slices", {
  target: { kind: "column", help: "the column to predict", default: "the data set's target role" },
  by: { kind: "columns", help: "the column to slice by, or two for intersections (numbers are bucketed)", default: "the framing card's slices" },
  model: { kind: "model", help: "the model: a registry name, or {pipeline}", default: "logistic, or ridge for numbers" },
  params: { kind: "params", help: 'the model\'s params as JSON, e.g. {"alpha": 10} (checked against the model\'s own)' },
  metric: { kind: "metric", help: "the metric", default: "the card's metric, else accuracy or rmse for numbers" },
  weight: { kind: "column", help: "a column of row weights for rows that matter more (in the fit and in every metric)" },
  folds: { kind: "number", whole: true, min: 2, help: "cross-validation folds for out-of-fold predictions", default: "5" },
  minSize: { kind: "number", whole: true, min: 1, help: "rows a slice needs to be judged", default: "30" },
  buckets: { kind: "number", whole: true, min: 2, help: "buckets for numeric columns", default: "4" },
  maxSlices: { kind: "number", whole: true, min: 1, help: "most values a slice column may have", default: "60" },
  seed: { kind: "number", whole: true, help: "seed for folds and intervals", default: "0" },
  card: { kind: "card", help: "the framing card (its metric, slices and time column)" },
});
