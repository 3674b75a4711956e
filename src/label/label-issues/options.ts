import { defineOptions } from "../../options/schema.js";
import { SPLIT_KINDS } from "../../validate/plan.js";
import type { LabelIssuesOptions } from "./types.js";

export const LABEL_ISSUES_OPTIONS = defineOptions<LabelIssuesOptions>("labelIssues", {
  target: { kind: "column", help: "the class column whose labels are checked", default: "the data set's target role" },
  model: { kind: "model", help: "the model whose out-of-fold probabilities judge the labels (a registry name or a Pipeline)", default: "the default for the target" },
  params: { kind: "params", help: "the model's params as {expr}, checked against the model's own" },
  folds: { kind: "number", whole: true, min: 2, help: "folds for the out-of-fold probabilities", default: "5" },
  split: { kind: "choice", choices: SPLIT_KINDS, help: "how rows are split into folds", default: "stratified (time or group from the card or the roles)" },
  group: { kind: "column", help: "a column whose groups stay on one side of each split" },
  time: { kind: "column", help: "a column that orders rows in time: each fold then tests only later rows", default: "the framing card's time" },
  metric: { kind: "metric", help: "the score of the model retrained without the suspects", default: "the framing card's metric, else accuracy" },
  rankBy: { kind: "choice", choices: ["self-confidence", "normalized-margin"], help: "how suspects are ordered, surest first", default: "self-confidence" },
  seed: { kind: "number", whole: true, min: 0, help: "seed for the folds and the interval", default: "0" },
  card: { kind: "card", help: "the framing card" },
});
