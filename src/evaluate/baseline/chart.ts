/** Every contender's score with its 95% interval, best at the top, coloured by kind. */
import type { BaselineData } from "./types.js";
import type { VegaLiteSpec } from "../../result.js";
import { chartSpec, PALETTE } from "../../charts/theme.js";
import { zoomScale } from "../../charts/zoom.js";

const KINDS = ["baseline", "heuristic", "human", "model"];

export function baselineChart(d: BaselineData): VegaLiteSpec {
  const values = d.contenders.map((c) => ({ name: c.name, kind: c.kind, score: round(c.score), low: round(c.low), high: round(c.high) }));
  const order = [...values].sort((a, b) => (d.greaterIsBetter ? b.score - a.score : a.score - b.score)).map((v) => v.name);
  // The axis zooms to the scores and their intervals: contenders are compared, not measured from 0.
  const scale = zoomScale(values.flatMap((v) => [v.score, v.low, v.high]));
  const x = { field: "score", type: "quantitative", title: d.metric, scale };
  const y = { field: "name", type: "nominal", sort: order, title: null };
  const color = { field: "kind", type: "nominal", title: "contender", scale: { domain: KINDS, range: [PALETTE[4], PALETTE[3], PALETTE[1], PALETTE[0]] } };
  return chartSpec(`Baseline comparison on ${d.metric}: each contender's out-of-fold score with a 95% bootstrap interval.`, {
    title: `${d.metric} of each contender (${d.folds}-fold, out of fold)`,
    data: { values },
    width: 380,
    height: { step: 24 },
    layer: [
      { mark: { type: "rule", strokeWidth: 2 }, encoding: { x: { field: "low", type: "quantitative", scale }, x2: { field: "high" }, y, color } },
      { mark: { type: "point", filled: true, size: 80 }, encoding: { x, y, color, shape: { field: "kind", type: "nominal", title: "contender", scale: { domain: KINDS } }, tooltip: [{ field: "name" }, { field: "score", format: ".4~g" }, { field: "low", format: ".4~g" }, { field: "high", format: ".4~g" }] } },
    ],
  });
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
