/**
 * Precision, recall and F1 (and the cost per row, when costs are known) at every threshold,
 * with a slider: a Vega-Lite parameter bound to a range input, starting at the learned
 * threshold. Drawn statically, the chart shows the learned threshold.
 */
import type { Rates, ThresholdsData } from "./types.js";
import type { VegaLiteSpec } from "../../result/contract.js";
import { chartSpec, PALETTE } from "../../charts/theme.js";

const round = (v: number) => Math.round(v * 1e4) / 1e4;
const AT_SLIDER = { filter: "abs(datum.threshold - threshold) < 0.005" };

function panel(values: object[], measures: string[], title: string, domain?: [number, number]): VegaLiteSpec {
  const y = { field: "value", type: "quantitative", title, ...(domain ? { scale: { domain } } : {}) };
  const color = { field: "measure", type: "nominal", title: null, scale: { domain: measures, range: PALETTE.slice(0, measures.length) } };
  return {
    width: 380,
    height: 180,
    data: { values },
    layer: [
      { mark: { type: "line" }, encoding: { x: { field: "threshold", type: "quantitative", title: "threshold", scale: { domain: [0, 1] } }, y, color } },
      { transform: [AT_SLIDER], mark: { type: "rule", color: "#555", strokeDash: [4, 3] }, encoding: { x: { field: "threshold", type: "quantitative" } } },
      { transform: [AT_SLIDER], mark: { type: "point", filled: true, size: 60 }, encoding: { x: { field: "threshold", type: "quantitative" }, y, color } },
      {
        transform: [AT_SLIDER, { calculate: "datum.measure + ' ' + format(datum.value, '.3~f')", as: "label" }],
        mark: { type: "text", align: "left", dx: 6, dy: -6 },
        encoding: { x: { field: "threshold", type: "quantitative" }, y, text: { field: "label" }, color },
      },
    ],
  };
}

export function thresholdsChart(d: ThresholdsData): VegaLiteSpec {
  // The card's metric, when the threshold is chosen on it, is drawn beside the three usual ones.
  const extra =
    d.objective === "accuracy" ? { name: "accuracy", of: (p: Rates) => p.accuracy } : d.objective === "balanced-accuracy" ? { name: "balanced accuracy", of: (p: Rates) => p.balancedAccuracy } : undefined;
  const rates = d.curve.flatMap((p) => [
    { threshold: p.threshold, measure: "precision", value: round(p.precision) },
    { threshold: p.threshold, measure: "recall", value: round(p.recall) },
    { threshold: p.threshold, measure: "F1", value: round(p.f1) },
    ...(extra ? [{ threshold: p.threshold, measure: extra.name, value: round(extra.of(p)) }] : []),
  ]);
  // Not zoomed (zoom.ts): precision, recall and F1 are shares that sweep most of 0 to 1 across thresholds.
  const panels = [panel(rates, ["precision", "recall", "F1", ...(extra ? [extra.name] : [])], "score", [0, 1])];
  if (d.costs) panels.push(panel(d.curve.map((p) => ({ threshold: p.threshold, measure: "cost per row", value: round(p.cost!) })), ["cost per row"], "cost per row"));
  return chartSpec(
    `Precision, recall and F1${d.costs ? ", and the cost per row," : ""} of "${d.positive}" at each decision threshold; the learned threshold is ${d.learned.threshold.toFixed(2)}.`,
    {
      title: { text: `Choosing a threshold for "${d.positive}"`, subtitle: "drag the slider to move the threshold" },
      params: [{ name: "threshold", value: d.learned.threshold, bind: { input: "range", min: 0.01, max: 0.99, step: 0.01, name: "threshold " } }],
      vconcat: panels,
      resolve: { scale: { color: "independent" } },
    },
  );
}
