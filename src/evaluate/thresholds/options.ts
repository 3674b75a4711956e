import { defineOptions } from "../../options/schema.js";
import type { ThresholdsOptions } from "./types.js";

const twoCosts = (value: unknown): boolean => {
  const pair = Array.isArray(value) ? (value.length === 2 ? { falsePositive: value[0], falseNegative: value[1] } : undefined) : (value as Record<string, unknown> | null);
  if (pair === undefined || pair === null || typeof pair !== "object") return false;
  const { falsePositive: fp, falseNegative: fn } = pair as { falsePositive: unknown; falseNegative: unknown };
  return typeof fp === "number" && typeof fn === "number" && fp >= 0 && fn >= 0 && fp + fn > 0;
};

export const THRESHOLDS_OPTIONS = defineOptions<ThresholdsOptions>("thresholds", {
  target: { kind: "column", help: "the class column (two classes)", default: "the data set's target role" },
  positive: { kind: "string", help: "the class to find", default: "the rarer one" },
  model: { kind: "model", help: "the model", default: "logistic" },
  params: { kind: "params", help: "the model's params as {expr}, checked against the model's own" },
  folds: { kind: "number", whole: true, min: 2, help: "folds for the out-of-fold probabilities", default: "5" },
  time: { kind: "column", help: "a column that orders rows in time: each fold then tests only later rows", default: "the framing card's time" },
  costs: {
    kind: "value",
    expected: "{ falsePositive, falseNegative } or [falsePositive, falseNegative]: two costs ≥ 0, not both 0",
    test: twoCosts,
    help: "the cost of a false positive and of a miss, e.g. 1,10 (without costs, the card's metric decides when it is f1, accuracy or balanced-accuracy, else F1)",
    magic: "numbers",
    default: "the framing card's",
  },
  seed: { kind: "number", whole: true, min: 0, help: "seed for the folds", default: "0" },
  card: { kind: "card", help: "the framing card" },
});
