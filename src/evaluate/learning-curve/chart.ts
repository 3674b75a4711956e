/** Training and validation scores by training-set size (log scale), ±1 sd bands, and the fitted power law with its floor dashed. */
import type { LearningCurveData } from "./types.js";
import type { VegaLiteSpec } from "../../result.js";
import { chartSpec, PALETTE } from "../../charts/theme.js";
import { zoomScale } from "../../charts/zoom.js";

export function learningCurveChart(d: LearningCurveData): VegaLiteSpec {
  const perfect = d.perfect;
  const series = d.points.filter((p) => Number.isFinite(p.validation)).flatMap((p) => [
    { size: p.size, curve: "training", score: round(p.train), low: round(p.train - p.trainStd), high: round(p.train + p.trainStd) },
    { size: p.size, curve: "validation", score: round(p.validation), low: round(p.validation - p.validationStd), high: round(p.validation + p.validationStd) },
  ]);
  const fitted: { size: number; score: number }[] = [];
  if (d.fit) {
    const first = d.fit.sizes[0];
    const last = d.points[d.points.length - 1].size * 4;
    const sign = d.greaterIsBetter ? -1 : 1;
    for (let i = 0; i <= 24; i++) {
      const size = Math.round(first * (last / first) ** (i / 24));
      fitted.push({ size, score: round(perfect + sign * (d.fit.floor + d.fit.scale * size ** -d.fit.exponent)) });
    }
  }
  const x = { field: "size", type: "quantitative", scale: { type: "log" }, title: "training rows (log scale)" };
  // The score axis zooms to the curves, their bands, the fitted law and the success value, and never pads past a perfect score.
  const scale = zoomScale([...series.flatMap((s) => [s.low, s.high]), ...fitted.map((f) => f.score), d.successValue], {
    within: d.greaterIsBetter ? [-Infinity, perfect] : [perfect, Infinity],
  });
  const color = { field: "curve", type: "nominal", title: null, scale: { domain: ["training", "validation", "fitted curve"], range: [PALETTE[1], PALETTE[0], "#666666"] } };
  const layers: VegaLiteSpec[] = [
    { data: { values: series }, mark: { type: "area", opacity: 0.18 }, encoding: { x, y: { field: "low", type: "quantitative", scale }, y2: { field: "high" }, color } },
    { data: { values: series }, mark: { type: "line", point: true }, encoding: { x, y: { field: "score", type: "quantitative", title: d.metric, scale }, color, tooltip: [{ field: "curve" }, { field: "size" }, { field: "score", format: ".4~g" }] } },
  ];
  if (fitted.length) layers.push({ data: { values: fitted.map((f) => ({ ...f, curve: "fitted curve" })) }, mark: { type: "line", strokeDash: [5, 4] }, encoding: { x, y: { field: "score", type: "quantitative", scale }, color } });
  if (d.successValue !== undefined) layers.push({ data: { values: [{ success: d.successValue }] }, mark: { type: "rule", color: "#009E73", strokeDash: [2, 2] }, encoding: { y: { field: "success", type: "quantitative", scale } } });
  return chartSpec(`Learning curve: training and validation ${d.metric} of ${d.model} as the training set grows, with a fitted power law and its floor.`, {
    title: `Learning curve: ${d.model} on ${d.target}`,
    width: 420,
    height: 260,
    layer: layers,
  });
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
