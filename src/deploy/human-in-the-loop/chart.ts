/** Total cost against coverage for the three routing policies, each policy's cheapest setting marked, with acting on everything and asking on everything as reference points. */
import { chartSpec } from "../../charts/theme.js";
import { zoomScale } from "../../charts/zoom.js";
import type { VegaLiteSpec } from "../../result.js";
import type { HumanInTheLoopData } from "./types.js";

const round = (v: number) => Math.round(v * 1e4) / 1e4;
const LABELS = { threshold: "probability threshold", cost: "expected cost", neighbours: "similar requests" } as const;

export function humanInTheLoopChart(d: HumanInTheLoopData): VegaLiteSpec {
  const lines = d.policies.flatMap((p) => p.curve.map((q) => ({ policy: LABELS[p.policy], coverage: round(q.coverage), cost: round(q.cost), parameter: round(q.parameter), accuracy: Number.isNaN(q.accuracy) ? null : round(q.accuracy) })));
  const best = d.policies.map((p) => ({ policy: LABELS[p.policy], coverage: round(p.best.coverage), cost: round(p.best.cost), low: round(p.low), high: round(p.high) }));
  const references = [
    { label: "act on everything", coverage: 1, cost: round(d.actAllCost) },
    { label: "ask on everything", coverage: 0, cost: round(d.askAllCost) },
  ];
  const y = { field: "cost", type: "quantitative", title: "total cost", scale: zoomScale([...lines.map((v) => v.cost), ...best.flatMap((b) => [b.low, b.high]), ...references.map((r) => r.cost)]) };
  const color = { field: "policy", type: "nominal", title: "policy", legend: { labelLimit: 220 } };
  return chartSpec(
    `Total cost against the share of requests automated, for three ways of routing requests to a person; the cheapest setting of each is marked with its 95% bootstrap interval. Acting on everything costs ${d.actAllCost}, asking on everything ${d.askAllCost}.`,
    {
      title: { text: "Cost of routing requests to a person", subtitle: `${d.model}, ${d.rows} requests; lower is better` },
      width: 420,
      height: 280,
      layer: [
        {
          data: { values: lines },
          mark: { type: "line" },
          encoding: { x: { field: "coverage", type: "quantitative", title: "share automated", axis: { format: "%" } }, y, color, strokeDash: { ...color, scale: { range: [[1, 0], [6, 3], [2, 2]] } }, tooltip: [{ field: "policy" }, { field: "parameter" }, { field: "coverage", format: ".1%" }, { field: "accuracy", format: ".3f" }, { field: "cost" }] },
        },
        { data: { values: best }, mark: { type: "rule" }, encoding: { x: { field: "coverage", type: "quantitative" }, y: { field: "low", type: "quantitative" }, y2: { field: "high" }, color } },
        { data: { values: best }, mark: { type: "point", filled: true, size: 80 }, encoding: { x: { field: "coverage", type: "quantitative" }, y, color, shape: { field: "policy", type: "nominal", legend: null }, tooltip: [{ field: "policy" }, { field: "coverage", format: ".1%", title: "automated" }, { field: "cost", title: "total cost" }, { field: "low" }, { field: "high" }] } },
        { data: { values: references }, mark: { type: "point", shape: "diamond", size: 90, color: "#000" }, encoding: { x: { field: "coverage", type: "quantitative" }, y, tooltip: [{ field: "label" }, { field: "cost" }] } },
        { data: { values: references }, mark: { type: "text", dy: -12, fontSize: 11, align: { expr: "datum.coverage > 0.5 ? 'right' : 'left'" } }, encoding: { x: { field: "coverage", type: "quantitative" }, y, text: { field: "label" } } },
      ],
    },
  );
}
