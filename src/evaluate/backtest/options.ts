import { defineOptions } from "../../options/schema.js";
import type { BacktestOptions } from "./types.js";

export const BACKTEST_OPTIONS = defineOptions<BacktestOptions>("backtest", {
  target: { kind: "column", help: "the column to predict", default: "the data set's target role" },
  time: { kind: "column", help: "the column that orders rows in time", default: "the framing card's time, or the data set's time role" },
  series: { kind: "column", help: "a column telling interleaved series apart (several stocks or cities in one table): baselines and comparisons per series" },
  window: { kind: "choice", choices: ["expanding", "sliding"], help: "expanding (all past rows) or sliding (the latest --train-size steps)", default: "expanding" },
  folds: { kind: "number", whole: true, min: 2, help: "test periods", default: "5" },
  gap: { kind: "number", whole: true, min: 0, help: "time steps left out between training and test", default: "0" },
  horizon: { kind: "number", whole: true, min: 1, help: "time steps per test period (a step is a row, or one timestamp of every series)", default: "steps / (folds + 1)" },
  trainSize: { kind: "number", whole: true, min: 1, help: "time steps in a sliding window", default: "twice the horizon" },
  model: { kind: "model", help: "the model, refitted per period", default: "logistic, or ridge for numbers" },
  params: { kind: "params", help: "the model's params as {expr}, checked against the model's own" },
  metric: { kind: "metric", help: "the metric", default: "the framing card's, else accuracy or rmse" },
  baseline: { kind: "choice", choices: ["zero-rule", "last-value", "seasonal"], help: "zero-rule, last-value (persistence) or seasonal", default: "zero-rule for classes, last-value for numbers" },
  season: { kind: "number", whole: true, min: 1, help: "time steps per season, for the seasonal baseline" },
  card: { kind: "card", help: "the framing card" },
});
