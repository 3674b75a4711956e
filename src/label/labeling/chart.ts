/**
 * Per function: coverage, overlap and conflict as bars, and its accuracy as the label model
 * learned it beside its accuracy on gold labels (with an interval). With an end model, the
 * gold-label learning curve with the weak-label model's accuracy as a line across it.
 */
import type { LabelingData } from "./types.js";
import type { VegaLiteSpec } from "../../result/contract.js";
import { chartSpec, PALETTE } from "../../charts/theme.js";

const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 1e4) / 1e4 : null);

export function labelingChart(d: LabelingData): VegaLiteSpec {
  const names = d.functions.map((x) => x.name);
  const shares = d.functions.flatMap((x) => [
    { function: x.name, measure: "coverage", value: round(x.coverage) },
    { function: x.name, measure: "overlap", value: round(x.overlap) },
    { function: x.name, measure: "conflict", value: round(x.conflict) },
  ]);
  const measures = ["coverage", "overlap", "conflict"];
  const panels: VegaLiteSpec[] = [
    {
      title: "How much each function labels",
      width: 260,
      height: 30 * names.length,
      data: { values: shares },
      mark: { type: "bar" },
      encoding: {
        y: { field: "function", type: "nominal", sort: names, title: null },
        yOffset: { field: "measure", type: "nominal", scale: { domain: measures } },
        x: { field: "value", type: "quantitative", title: "share of rows", axis: { format: "%" } },
        color: { field: "measure", type: "nominal", title: null, scale: { domain: measures, range: PALETTE.slice(0, 3) } },
        tooltip: [{ field: "function" }, { field: "measure" }, { field: "value", format: ".1%", title: "share of rows" }],
      },
    },
  ];
  const sources = d.gold ? ["label model", "gold labels"] : ["label model"];
  const accuracy = d.functions.flatMap((x) => [
    { function: x.name, source: "label model", accuracy: round(x.learnedAccuracy), low: null, high: null },
    ...(x.gold && x.gold.n > 0 ? [{ function: x.name, source: "gold labels", accuracy: round(x.gold.accuracy), low: round(x.gold.low), high: round(x.gold.high) }] : []),
  ]);
  const color = { field: "source", type: "nominal", title: "accuracy from", scale: { domain: sources, range: [PALETTE[3], PALETTE[2]] } };
  panels.push({
    title: "Each function's accuracy when it votes",
    width: 260,
    height: 24 * names.length,
    data: { values: accuracy },
    encoding: { y: { field: "function", type: "nominal", sort: names, title: null }, yOffset: { field: "source", type: "nominal", scale: { domain: sources } } },
    layer: [
      { transform: [{ filter: "datum.low != null" }], mark: { type: "rule" }, encoding: { x: { field: "low", type: "quantitative" }, x2: { field: "high" }, color } },
      {
        mark: { type: "point", filled: true, size: 50 },
        encoding: {
          x: { field: "accuracy", type: "quantitative", title: "accuracy", scale: { domain: [0, 1] } },
          color,
          shape: { field: "source", type: "nominal", scale: { domain: sources, range: ["circle", "diamond"] }, title: "accuracy from" },
          tooltip: [{ field: "function" }, { field: "source" }, { field: "accuracy", format: ".3f" }, { field: "low", format: ".3f" }, { field: "high", format: ".3f" }],
        },
      },
    ],
  });
  const e = d.endModel;
  if (e) {
    const curve = e.curve.map((p) => ({ size: p.size, accuracy: round(p.accuracy), low: round(p.low), high: round(p.high) }));
    const sizes = curve.map((p) => p.size);
    const x = { field: "size", type: "quantitative", title: "gold labels the model is trained on", scale: { type: "log", domain: [Math.min(...sizes), Math.max(...sizes)], nice: false } };
    const lows = [...curve.map((p) => p.low ?? 1), e.weak.low];
    const highs = [...curve.map((p) => p.high ?? 0), e.weak.high];
    const y = { domain: [Math.max(0, Math.floor((Math.min(...lows) - 0.01) * 50) / 50), Math.min(1, Math.ceil((Math.max(...highs) + 0.01) * 50) / 50)] };
    panels.push({
      title: { text: "Gold labels against weak labels", subtitle: `dashed: trained on weak labels (${e.weak.accuracy.toFixed(3)})` },
      width: 300,
      height: 160,
      layer: [
        { data: { values: curve }, mark: { type: "area", opacity: 0.2, color: PALETTE[0] }, encoding: { x, y: { field: "low", type: "quantitative", scale: y }, y2: { field: "high" } } },
        {
          data: { values: curve },
          mark: { type: "line", point: true, color: PALETTE[0] },
          encoding: { x, y: { field: "accuracy", type: "quantitative", title: "held-out accuracy", scale: y }, tooltip: [{ field: "size", title: "gold labels" }, { field: "accuracy", format: ".3f" }] },
        },
        { data: { values: [{ weak: round(e.weak.accuracy) }] }, mark: { type: "rule", strokeDash: [6, 4], color: PALETTE[5] }, encoding: { y: { field: "weak", type: "quantitative", scale: y } } },
      ],
    });
  }
  return chartSpec(
    `Labeling functions: coverage, overlap and conflict of each, its accuracy as the label model learned it${d.gold ? " and on gold labels" : ""}${e ? ", and the end model's accuracy against the number of gold labels, with the weak-label model as a dashed line" : ""}.`,
    { title: { text: "Weak supervision" }, vconcat: panels, resolve: { scale: { color: "independent", shape: "independent", x: "independent", y: "independent", yOffset: "independent" } } },
  );
}
