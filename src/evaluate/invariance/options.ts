import { defineOptions } from "../../options/schema.js";
import type { InvarianceOptions } from "./types.js";

const directions = (value: unknown): boolean =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((d) => d === "+" || d === "-");

export const INVARIANCE_OPTIONS = defineOptions<InvarianceOptions>("invariance", {
  target: { kind: "column", help: "the column to predict", default: "the data set's target role" },
  sensitive: { kind: "column", help: "the attribute to swap", default: "the data set's sensitive role" },
  expect: { kind: "value", expected: '{ column: "+" | "-" }: "+" (should raise the prediction) or "-" (should lower it)', test: directions, help: 'numeric columns whose increase should raise ("+") or lower ("-") the prediction, as {expr}' },
  model: { kind: "model", help: "the model", default: "logistic, or ridge for numbers" },
  params: { kind: "params", help: "the model's params as {expr}, checked against the model's own" },
  features: { kind: "columns", help: "the model's inputs", default: "every column but the target" },
  folds: { kind: "number", whole: true, min: 2, help: "folds for the out-of-fold models", default: "5" },
  seed: { kind: "number", whole: true, min: 0, help: "seed for the folds", default: "0" },
  card: { kind: "card", help: "the framing card" },
});
