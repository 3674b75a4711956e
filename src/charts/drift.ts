/** Each column's drift effect against the threshold, largest first, coloured by whether it drifted. */
import type { DriftData } from "../monitor/drift.js";
import type { VegaLiteSpec } from "../result.js";
import { chartSpec, LEVEL_COLORS, PALETTE } from "./theme.js";

export function driftChart(d: DriftData, threshold: number): VegaLiteSpec {
  const values = d.columns
    .filter((c) => !Number.isNaN(c.effect))
    .map((c) => ({ column: c.column, effect: Math.round(c.effect * 1e4) / 1e4, method: c.method, drifted: c.drifted ? "drifted" : "stable" }))
    .sort((a, b) => b.effect - a.effect);
  return chartSpec(`Drift per column: each column's effect size (${d.regime}) against the threshold of ${threshold}.`, {
    title: "Drift per column",
    width: 360,
    height: { step: 20 },
    layer: [
      {
        data: { values },
        mark: { type: "bar" },
        encoding: {
          y: { field: "column", type: "nominal", sort: values.map((v) => v.column), title: null },
          x: { field: "effect", type: "quantitative", title: "effect size" },
          color: { field: "drifted", type: "nominal", title: null, scale: { domain: ["drifted", "stable"], range: [LEVEL_COLORS.fail, PALETTE[0]] } },
          tooltip: [{ field: "column" }, { field: "method" }, { field: "effect", format: ".4~g" }],
        },
      },
      { data: { values: [{ threshold }] }, mark: { type: "rule", strokeDash: [4, 3], color: "#333" }, encoding: { x: { field: "threshold", type: "quantitative" } } },
    ],
  });
}
