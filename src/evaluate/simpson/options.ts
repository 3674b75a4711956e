/** The options of simpson, declared once: checks, defaults, the magic's flags and help come from here. */
import { defineOptions } from "../../options/schema.js";
import type { SimpsonOptions } from "./types.js";

export const SIMPSON_OPTIONS = defineOptions<SimpsonOptions>("simpson", {
  outcome: { kind: "column", help: "the outcome column" },
  target: { kind: "column", help: "instead of --outcome: analyse the out-of-fold errors of a model predicting this column" },
  model: { kind: "model", help: "with --target, the model whose errors to analyse", default: "logistic, or ridge for numbers" },
  params: { kind: "params", help: 'with --target, the model\'s params as JSON, e.g. {"C": 0.5}' },
  treatment: { kind: "column", help: "the column whose effect on the outcome is in question (omit with --by to scan every pair)" },
  by: { kind: "column", help: "the column to hold fixed (numbers are cut into --buckets equal-count groups)" },
  count: { kind: "column", help: "a column of counts, for tables where each row stands for many cases" },
  positive: { kind: "string", help: "the outcome value to count", default: "the last in sorted order" },
  levels: { kind: "strings", help: "the two treatment values to compare: reference,comparison", default: "the two most frequent" },
  minGroupSize: { kind: "number", min: 1, help: "cases each treatment needs in a group for it to count", default: "10" },
  minEffect: { kind: "number", min: 0, help: "smallest reversed effect that counts: a rate difference, Cohen's d or a correlation", default: "0.01" },
  buckets: { kind: "number", whole: true, min: 2, help: "groups for a numeric --by", default: "4" },
  maxLevels: { kind: "number", whole: true, min: 2, help: "most categories a column may have to be scanned", default: "20" },
  card: { kind: "card", help: "the framing card (its time column, with --target)" },
});
