import { defineOptions } from "../../options/schema.js";
import { labelingFunctionsOf } from "../functions.js";
import type { LabelingOptions } from "./types.js";

export const LABELING_OPTIONS = defineOptions<LabelingOptions>("labeling", {
  lfs: {
    kind: "value",
    expected: "a list of labeling functions (lf.regex, lf.keywords, lf.fn) or an object of name → function of the row",
    test: (v) => (labelingFunctionsOf(v)?.length ?? 0) > 0,
    help: "the labeling functions as {expr}: [lf.regex(name, column, /re/, label), lf.keywords(…), lf.fn(name, row => label or ABSTAIN)]",
  },
  gold: { kind: "column", help: "a column of true labels (missing where unknown), to score the functions, the label model and the end model" },
  classes: { kind: "strings", help: "the classes", default: "the gold column's, else those the functions vote for" },
  method: { kind: "choice", choices: ["matrix-completion", "dawid-skene"], help: "the label model: Snorkel's matrix completion, or Dawid–Skene EM", default: "matrix-completion" },
  classBalance: { kind: "numbers", min: 0, help: "fixed class shares for the label model, in the order of the classes", default: "uniform (matrix completion), learned (Dawid–Skene)" },
  model: { kind: "model", help: "the end model trained on weak and on gold labels: a registry name or a Pipeline", default: "naive-bayes (multinomial) on a bag of words for text, else logistic" },
  params: { kind: "params", help: "the model's params as {expr}, checked against the model's own" },
  features: { kind: "columns", help: "the end model's input columns", default: "every column but the gold one and role columns" },
  folds: { kind: "number", min: 2, whole: true, help: "folds of the gold rows for the end-model comparison", default: "5" },
  goldSizes: { kind: "numbers", min: 1, help: "numbers of gold labels for the learning curve", default: "25, 50, 100, … below a fold's training rows" },
  seed: { kind: "number", min: 0, whole: true, help: "seed for the folds, the curve's samples and majority-vote ties", default: "0" },
});
