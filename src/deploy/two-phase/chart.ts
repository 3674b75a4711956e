/** Accuracy (with Wilson intervals), share escalated and mean latency against the cut, one panel each, the chosen cut marked. */
import { chartSpec } from "../../charts/theme.js";
import { zoomScale } from "../../charts/zoom.js";
import type { VegaLiteSpec } from "../../result.js";
import type { TwoPhaseData } from "./types.js";

const r = (v: number) => Math.round(v * 1e5) / 1e5;

export function twoPhaseChart(d: TwoPhaseData): VegaLiteSpec {
  const values = d.curve.map((p) => ({ cut: r(p.cut), accuracy: r(p.accuracy), low: r(p.low), high: r(p.high), escalated: r(p.escalated), latency: r(p.latency) }));
  const chosen = [{ cut: r(Math.min(1, d.chosen.cut)) }];
  const rule = { data: { values: chosen }, mark: { type: "rule", strokeDash: [4, 3], color: "#555" }, encoding: { x: { field: "cut", type: "quantitative" } } };
  const x = { field: "cut", type: "quantitative", title: `cut on ${d.small.model}'s top probability` };
  const accuracyScale = zoomScale([...values.flatMap((v) => [v.low, v.high]), d.large.accuracy, d.small.accuracy], { within: [0, 1] });
  return chartSpec(
    `Two-phase prediction: ${d.small.model} answers when its top probability reaches the cut, ${d.large.model} takes the rest. Accuracy, share escalated and mean latency against the cut; the dashed line is the chosen cut (${(d.chosen.escalated * 100).toFixed(1)}% escalated).`,
    {
      title: { text: "Two-phase prediction against the cut", subtitle: `${d.small.model} first, ${d.large.model} when unsure; dashed: the chosen cut` },
      vconcat: [
        {
          width: 420,
          height: 160,
          layer: [
            { data: { values }, mark: { type: "area", opacity: 0.25, color: "#0072B2" }, encoding: { x, y: { field: "low", type: "quantitative", title: "accuracy", scale: accuracyScale }, y2: { field: "high" } } },
            { data: { values }, mark: { type: "line", color: "#0072B2" }, encoding: { x, y: { field: "accuracy", type: "quantitative" }, tooltip: [{ field: "cut" }, { field: "accuracy", format: ".4f" }, { field: "escalated", format: ".1%" }] } },
            { data: { values: [{ level: d.large.accuracy, label: `${d.large.model} alone` }] }, mark: { type: "rule", color: "#E69F00" }, encoding: { y: { field: "level", type: "quantitative" } } },
            rule,
          ],
        },
        {
          width: 420,
          height: 110,
          layer: [{ data: { values }, mark: { type: "line", color: "#009E73" }, encoding: { x, y: { field: "escalated", type: "quantitative", title: "share escalated", axis: { format: "%" }, scale: { domain: [0, 1] } } } }, rule],
        },
        {
          width: 420,
          height: 110,
          layer: [{ data: { values }, mark: { type: "line", color: "#CC79A7" }, encoding: { x, y: { field: "latency", type: "quantitative", title: `mean ms a row (${d.cores} cores)` } } }, rule],
        },
      ],
    },
  );
}
