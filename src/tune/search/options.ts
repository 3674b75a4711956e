/** `tune`'s options, declared once: checks, defaults and the magic's flags come from here. */
import { defineOptions } from "../../options/schema.js";
import { SPLIT_KINDS } from "../../validate/plan.js";
import type { TuneOptions } from "./types.js";

const isObject = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v);

export const TUNE_OPTIONS = defineOptions<TuneOptions>("tune", {
  target: { kind: "column", help: "the column to predict", default: "the data set's target role" },
  model: { kind: "model", help: "the model to tune, or your own Pipeline", default: "logistic, or ridge for numbers" },
  params: { kind: "params", help: "params held fixed for every candidate and the defaults, as {expr}" },
  space: { kind: "value", expected: 'an object of param → list of values or {min, max, log?, integer?}, e.g. { C: [0.1, 1, 10] }', test: isObject, magic: "json", help: "the search space as {expr}: param → list of values, or {min, max, log?, integer?} for random and halving" },
  search: { kind: "choice", choices: ["grid", "random", "halving"], help: "how candidates are chosen", default: "grid when every param is a list, else random" },
  budget: { kind: "number", min: 1, whole: true, help: "candidates to draw (random, halving)", default: "10 for random; halving: as many as the rows allow" },
  nested: { kind: "flag", help: "nested cross-validation: an honest estimate of the tuned model" },
  metric: { kind: "metric", help: "the metric", default: "the framing card's, else accuracy or rmse" },
  folds: { kind: "number", whole: true, min: 2, help: "cross-validation folds", default: "5" },
  innerFolds: { kind: "number", whole: true, min: 2, help: "folds of the inner search with --nested", default: "as --folds" },
  split: { kind: "choice", choices: SPLIT_KINDS, help: "how rows are split", default: "from the card and roles: time, group, stratified or shuffled" },
  group: { kind: "column", help: "a column whose rows stay on one side of each split" },
  time: { kind: "column", help: "a column that orders rows in time" },
  gap: { kind: "number", whole: true, min: 0, help: "rows left out between training and test in time-ordered folds", default: "0" },
  minResources: { kind: "value", expected: 'a whole number of rows, "exhaust" or "smallest"', test: (v) => v === "exhaust" || v === "smallest" || (Number.isInteger(v) && (v as number) >= 1) || (typeof v === "string" && /^[1-9]\d*$/.test(v)), help: 'halving: rows of the first iteration, a number, "exhaust" or "smallest"', default: '"exhaust" with --budget, else "smallest"' },
  factor: { kind: "number", above: 1, help: "halving: keep 1/factor of the candidates, multiply the rows by factor", default: "3" },
  seed: { kind: "number", whole: true, min: 0, help: "seed for folds, draws and subsamples", default: "0" },
  card: { kind: "card", help: "the framing card" },
});
