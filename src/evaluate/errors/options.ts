/** The options of errors, declared once: checks, defaults, the magic's flags and help come from here. */
import { defineOptions } from "../../options/schema.js";
import type { ErrorsOptions } from "./types.js";

export const ERRORS_OPTIONS = defineOptions<ErrorsOptions>("errors", {
  target: { kind: "column", help: "the column to predict", default: "the data set's target role" },
  model: { kind: "model", help: "the model: a registry name, or {pipeline}", default: "logistic, or ridge for numbers" },
  params: { kind: "params", help: 'the model\'s params as JSON, e.g. {"C": 0.5} (checked against the model\'s own)' },
  by: { kind: "columns", help: "the columns to search for slices", default: "every feature" },
  folds: { kind: "number", whole: true, min: 2, help: "folds for the out-of-fold predictions", default: "5" },
  minSupport: { kind: "number", whole: true, min: 1, help: "smallest slice worth reporting, in rows", default: "1% of rows, at least 30" },
  maxLevel: { kind: "number", whole: true, min: 1, max: 3, help: "predicates per slice, 1 to 3", default: "2" },
  alpha: { kind: "number", above: 0, max: 1, help: "SliceLine's weight of error against size, in (0, 1]", default: "0.95" },
  top: { kind: "number", whole: true, min: 1, help: "slices to report", default: "10" },
  bins: { kind: "number", whole: true, min: 2, help: "bins per numeric column", default: "10" },
  clusters: { kind: "number", whole: true, min: 1, help: "clusters of the misclassified rows", default: "3" },
  seed: { kind: "number", whole: true, min: 0, help: "seed for the folds and the clusters", default: "0" },
  card: { kind: "card", help: "the framing card (its time column decides the folds)" },
});
