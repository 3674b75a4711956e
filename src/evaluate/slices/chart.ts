/** Each slice's metric with its interval, worst first, against the overall value (at most 40 slices drawn). */
import { chartSpec, LEVEL_COLORS, PALETTE } from "../../charts/theme.js";
import { zoomScale } from "../../charts/zoom.js";
import type { VegaLiteSpec } from "../../result.js";
import type { SlicesData } from "./types.js";

const MAX_DRAWN = 40;
const STATUS = ["worse", "ok", "too small"];

export function slicesChart(d: SlicesData): VegaLiteSpec {
  const shown = d.slices.slice(0, MAX_DRAWN);
  const values = shown.map((s) => ({ slice: s.label, n: s.n, value: round(s.value), low: round(s.low), high: round(s.high), status: s.status }));
  // The axis zooms to the slices' values, their intervals and the overall line.
  const scale = zoomScale([...values.flatMap((v) => [v.value, v.low, v.high]), d.overall]);
  const x = { field: "value", type: "quantitative", title: d.metric, scale };
  const y = { field: "slice", type: "nominal", sort: shown.map((s) => s.label), title: d.by.join(" × ") };
  const color = { field: "status", type: "nominal", scale: { domain: STATUS, range: [LEVEL_COLORS.fail, PALETTE[0], "#aaaaaa"] } };
  const more = d.slices.length > MAX_DRAWN ? ` (worst ${MAX_DRAWN} of ${d.slices.length})` : "";
  return chartSpec(`${d.metric} per slice of ${d.by.join(" × ")} with intervals (${d.correction}), against the overall ${d.metric}.`, {
    title: `${d.metric} per ${d.by.join(" × ")}${more}`,
    width: 380,
    height: { step: 18 },
    layer: [
      { data: { values }, mark: { type: "rule" }, encoding: { x: { field: "low", type: "quantitative", scale }, x2: { field: "high" }, y, color } },
      { data: { values }, mark: { type: "point", filled: true, size: 60 }, encoding: { x, y, color, shape: { field: "status", type: "nominal", scale: { domain: STATUS } }, tooltip: [{ field: "slice" }, { field: "n" }, { field: "value", format: ".4~g" }, { field: "low", format: ".4~g" }, { field: "high", format: ".4~g" }, { field: "status" }] } },
      { data: { values: [{ overall: round(d.overall) }] }, mark: { type: "rule", strokeDash: [4, 3], color: "#333" }, encoding: { x: { field: "overall", type: "quantitative", scale } } },
    ],
  });
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
