import { defineOptions } from "../../options/schema.js";
import { SPLIT_KINDS } from "../../validate/plan.js";
import type { HumanInTheLoopOptions } from "./types.js";

export const HUMAN_IN_THE_LOOP_OPTIONS = defineOptions<HumanInTheLoopOptions>("humanInTheLoop", {
  target: { kind: "column", help: "the class column the model predicts", default: "the data set's target role" },
  costs: {
    kind: "numbers",
    min: 0,
    help: "act,ask,error: what acting on a prediction costs, what asking a person costs, and what a wrong automated prediction adds (act,ask takes the error cost from the framing card)",
  },
  model: { kind: "model", help: "the classifier whose out-of-fold probabilities are routed (a registry name or a Pipeline)", default: "the default for the target" },
  params: { kind: "params", help: "the model's params as {expr}, checked against the model's own" },
  folds: { kind: "number", whole: true, min: 2, help: "folds for the out-of-fold probabilities", default: "5" },
  split: { kind: "choice", choices: SPLIT_KINDS, help: "how rows are split into folds", default: "stratified (time or group from the card or the roles)" },
  group: { kind: "column", help: "a column whose groups stay on one side of each split" },
  time: { kind: "column", help: "a column that orders rows in time: each fold then tests only later rows", default: "the framing card's time" },
  neighbours: { kind: "number", whole: true, min: 1, help: "how many similar past requests judge each request", default: "10" },
  seed: { kind: "number", whole: true, min: 0, help: "seed for the folds and the intervals", default: "0" },
  card: { kind: "card", help: "the framing card" },
});
