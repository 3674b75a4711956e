/** Score against labels spent: one line per strategy (the mean over seeds) in a band (its t-interval), and the success value as a rule. */
import type { VegaLiteSpec } from "../../result.js";
import { chartSpec, PALETTE } from "../../charts/theme.js";
import type { ActiveLearningData, Strategy } from "./types.js";

const COLORS: Readonly<Record<Strategy, string>> = { uncertainty: PALETTE[0], diversity: PALETTE[2], combined: PALETTE[3], random: "#777777" };
const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 1e4) / 1e4 : null);

export function activeLearningChart(d: ActiveLearningData): VegaLiteSpec {
  const values = d.curves.flatMap((c) => c.points.map((p) => ({ strategy: c.strategy, labels: p.labels, score: round(p.mean), low: round(p.low), high: round(p.high) })));
  const strategies = d.curves.map((c) => c.strategy);
  const color = { field: "strategy", type: "nominal", title: "strategy", scale: { domain: strategies, range: strategies.map((s) => COLORS[s]) } };
  const x = { field: "labels", type: "quantitative", title: "labels spent" };
  return chartSpec(`${d.metric} on held-out rows against labels spent, for each strategy: the mean over ${d.seeds} seeds in its 95% t-interval; the dashed rule is the success value ${d.successValue.toFixed(3)}.`, {
    title: { text: `${d.metric} against labels spent`, subtitle: `mean over ${d.seeds} seeds with 95% intervals; dashed: success value ${Number(d.successValue.toPrecision(3))}` },
    width: 420,
    height: 260,
    layer: [
      { data: { values }, mark: { type: "area", opacity: 0.18 }, encoding: { x, y: { field: "low", type: "quantitative", title: d.metric, scale: { zero: false } }, y2: { field: "high" }, color } },
      {
        data: { values },
        mark: { type: "line", point: true },
        encoding: {
          x,
          y: { field: "score", type: "quantitative" },
          color,
          tooltip: [{ field: "strategy" }, { field: "labels", title: "labels spent" }, { field: "score", format: ".4~f", title: d.metric }, { field: "low", format: ".4~f" }, { field: "high", format: ".4~f" }],
        },
      },
      { data: { values: [{ success: round(d.successValue) }] }, mark: { type: "rule", strokeDash: [5, 4], color: "#333" }, encoding: { y: { field: "success", type: "quantitative" } } },
    ],
  });
}
