import { defineOptions } from "../../options/schema.js";
import { STRATEGIES, UNCERTAINTIES, type ActiveLearningOptions } from "./types.js";

const strategyList = (value: unknown): boolean => (typeof value === "string" ? [value] : Array.isArray(value) ? value : [null]).every((s) => STRATEGIES.includes(s as never));

export const ACTIVE_LEARNING_OPTIONS = defineOptions<ActiveLearningOptions>("activeLearning", {
  target: { kind: "column", help: "the class column whose labels are bought", default: "the data set's target role" },
  start: { kind: "number", whole: true, min: 1, help: "labels bought at random before the loop (at least the number of classes)", default: "max(20, 2 × classes)" },
  batch: { kind: "number", whole: true, min: 1, help: "labels bought per round", default: "10" },
  budget: { kind: "number", whole: true, min: 2, help: "labels spent in all, the start included (at most the pool)", default: "start + 20 batches" },
  strategy: {
    kind: "value",
    expected: `one or more of ${STRATEGIES.join(", ")}`,
    test: strategyList,
    magic: "strings",
    help: `the strategies to compare (${STRATEGIES.join(", ")}); random always runs as the yardstick`,
    default: "all four",
  },
  uncertainty: { kind: "choice", choices: UNCERTAINTIES, help: "how doubt is read from the class probabilities", default: "margin" },
  seeds: { kind: "number", whole: true, min: 2, help: "repeats of the loop, each with its own test set and start set, for the intervals", default: "5" },
  model: { kind: "model", help: "the classifier: a registry name or a Pipeline", default: "logistic" },
  params: { kind: "params", help: "the model's params as {expr}, checked against the model's own" },
  metric: { kind: "metric", help: "the score to follow", default: "the framing card's, else accuracy" },
  successValue: { kind: "number", help: "the score the labels are spent to reach", default: "the card's success value, else what random picks reach with the whole budget" },
  candidates: { kind: "number", whole: true, min: 1, help: "unlabelled rows the model scores per round (drawn at random from a larger pool)", default: "10000" },
  shortlist: { kind: "number", whole: true, min: 1, help: "combined: spread each batch over shortlist × batch most uncertain rows", default: "10" },
  testRows: { kind: "number", whole: true, min: 10, help: "held-out rows scored per round (drawn from a larger held-out fold)", default: "10000" },
  folds: { kind: "number", whole: true, min: 2, help: "one fold in this many is held out as the test set", default: "5" },
  seed: { kind: "number", whole: true, min: 0, help: "the first seed", default: "0" },
  card: { kind: "card", help: "the framing card" },
});
