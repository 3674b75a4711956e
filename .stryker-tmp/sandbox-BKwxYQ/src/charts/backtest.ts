/** The metric per test period for the model and its baseline, in time order. */
// @ts-nocheck

import type { BacktestData } from "../evaluate/backtest.js";
import type { VegaLiteSpec } from "../result.js";
import { chartSpec, PALETTE } from "./theme.js";

export function backtestChart(d: BacktestData): VegaLiteSpec {
  const values = d.folds.flatMap((f) => [
    { period: `${f.fold + 1}: ${f.from}`, who: d.model, score: round(f.model) },
    { period: `${f.fold + 1}: ${f.from}`, who: `${d.baseline} baseline`, score: round(f.baseline) },
  ]);
  return chartSpec(`Backtest: ${d.metric} of ${d.model} and of the ${d.baseline} baseline in each test period, in time order.`, {
    title: `${d.metric} per test period (${d.window} window)`,
    data: { values },
    width: 420,
    height: 240,
    mark: { type: "line", point: { filled: true, size: 60 } },
    encoding: {
      x: { field: "period", type: "ordinal", title: "test period (fold: start)", sort: null, axis: { labelAngle: -30 } },
      y: { field: "score", type: "quantitative", title: d.metric, scale: { zero: false } },
      color: { field: "who", type: "nominal", title: null, scale: { range: [PALETTE[0], PALETTE[1]] } },
      strokeDash: { field: "who", type: "nominal", title: null, scale: { range: [[1, 0], [5, 4]] } },
      tooltip: [{ field: "period" }, { field: "who" }, { field: "score", format: ".4~g" }],
    },
  });
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
