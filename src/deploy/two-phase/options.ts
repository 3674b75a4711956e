import { defineOptions } from "../../options/schema.js";
import { SPLIT_KINDS } from "../../validate/plan.js";
import type { TwoPhaseOptions } from "./types.js";

export const TWO_PHASE_OPTIONS = defineOptions<TwoPhaseOptions>("twoPhase", {
  target: { kind: "column", help: "the class column to predict", default: "the data set's target role" },
  small: { kind: "model", help: "the cheap model that answers first (a registry name or a Pipeline)", default: "logistic" },
  smallParams: { kind: "params", help: "the small model's params as {expr}" },
  large: { kind: "model", help: "the expensive model asked when the small one is unsure", default: "gbdt" },
  largeParams: { kind: "params", help: "the large model's params as {expr}" },
  tolerance: { kind: "number", min: 0, below: 1, help: "the accuracy the two-phase system may lose against the large model alone", default: "the card's minimum gain when its metric is accuracy, else 0.005" },
  roundTrip: { kind: "number", min: 0, help: "milliseconds added to every call of the large model (a network round trip)", default: "0" },
  repeats: { kind: "number", whole: true, min: 1, max: 101, help: "timing repeats per model; the median is kept", default: "7" },
  folds: { kind: "number", whole: true, min: 2, help: "folds for the out-of-fold probabilities", default: "5" },
  split: { kind: "choice", choices: SPLIT_KINDS, help: "how rows are split into folds", default: "stratified (time or group from the card or the roles)" },
  group: { kind: "column", help: "a column whose groups stay on one side of each split" },
  time: { kind: "column", help: "a column that orders rows in time", default: "the framing card's time" },
  seed: { kind: "number", whole: true, min: 0, help: "seed for the folds and the intervals", default: "0" },
  card: { kind: "card", help: "the framing card" },
});
