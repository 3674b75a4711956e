import { defineOptions } from "../../options/schema.js";
import { SPLIT_KINDS } from "../../validate/plan.js";
import type { LeakageOptions } from "./types.js";

export const LEAKAGE_OPTIONS = defineOptions<LeakageOptions>("leakage", {
  target: { kind: "column", help: "the column to predict", default: "the data set's target role" },
  test: { kind: "data", help: "a separate test set to compare DATA with (instead of folds)" },
  time: { kind: "column", help: "the column that orders rows in time", default: "the data set's time role or the card's time column" },
  group: { kind: "column", help: "an id or group column that must not appear on both sides" },
  split: { kind: "choice", choices: SPLIT_KINDS, help: "the validation to check", default: "what cross-validation would choose" },
  folds: { kind: "number", min: 2, whole: true, help: "folds", default: "5" },
  threshold: { kind: "number", min: 0, max: 1, help: "single-feature score from which a feature is called a leak", default: "0.95" },
  seed: { kind: "number", min: 0, whole: true, help: "seed for the folds", default: "0" },
  card: { kind: "card", help: "the framing card (its time column orders the folds)", flag: false },
});
