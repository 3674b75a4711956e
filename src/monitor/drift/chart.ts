/** Each column's drift effect against the threshold, largest first, coloured by whether it drifted. */
import type { DriftData } from "./types.js";
import type { VegaLiteSpec } from "../../result.js";
import { barsAgainstLine } from "../../charts/bars-against-line.js";
import { chartSpec, LEVEL_COLORS, PALETTE } from "../../charts/theme.js";

export function driftChart(d: DriftData): VegaLiteSpec {
  const threshold = d.threshold;
  const values = d.columns
    .filter((c) => !Number.isNaN(c.effect))
    .map((c) => ({ column: c.column, effect: Math.round(c.effect * 1e4) / 1e4, method: c.method, drifted: c.drifted ? "drifted" : "stable" }))
    .sort((a, b) => b.effect - a.effect);
  return chartSpec(`Drift per column: each column's effect size (${d.regime}) against the threshold of ${threshold}.`, {
    title: "Drift per column",
    ...barsAgainstLine({
      values,
      category: "column",
      measure: "effect",
      measureTitle: "effect size",
      line: threshold,
      color: { field: "drifted", type: "nominal", title: null, scale: { domain: ["drifted", "stable"], range: [LEVEL_COLORS.fail, PALETTE[0]] } },
      tooltip: [{ field: "column" }, { field: "method" }, { field: "effect", format: ".4~g" }],
    }),
  });
}
