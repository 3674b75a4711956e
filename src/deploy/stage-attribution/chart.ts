/** The end-to-end gain of each stage made perfect, as bars from zero (a gain's length is its value) with interval rules. */
import { chartSpec } from "../../charts/theme.js";
import type { VegaLiteSpec } from "../../result.js";
import type { StageAttributionData } from "./types.js";

const r = (v: number) => Math.round(v * 1e6) / 1e6;

export function stageAttributionChart(d: StageAttributionData): VegaLiteSpec {
  const values = d.stages.map((s) => ({ stage: `${s.stage}: ${s.target}`, gain: r(s.gain), low: r(s.low), high: r(s.high), score: r(s.score), share: r(s.shareOfGap) }));
  const order = values.map((v) => v.stage);
  const y = { field: "stage", type: "nominal", sort: order, title: null };
  return chartSpec(`End-to-end ${d.metric} gained when each stage is replaced by its ground truth, with 95% bootstrap intervals; the pipeline scores ${d.endToEnd.toPrecision(3)}.`, {
    title: { text: "Gain when each stage is made perfect", subtitle: `${d.metric}, end to end: ${d.endToEnd.toPrecision(3)}; bars from zero (a gain's length is its value)` },
    width: 380,
    height: 40 * values.length,
    data: { values },
    layer: [
      { mark: { type: "bar", color: "#0072B2", opacity: 0.8 }, encoding: { y, x: { field: "gain", type: "quantitative", title: `gain in ${d.metric} (better →)` }, tooltip: [{ field: "stage" }, { field: "score", title: d.metric }, { field: "gain" }, { field: "low" }, { field: "high" }, { field: "share", format: ".0%", title: "share of the gap" }] } },
      { mark: { type: "rule", color: "#000" }, encoding: { y, x: { field: "low", type: "quantitative" }, x2: { field: "high" } } },
    ],
  });
}
