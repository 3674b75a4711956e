/** The batch's training error against the same fit on shuffled labels, as shares of the target's spread. */
import type { VegaLiteSpec } from "../../result.js";
import { chartSpec, PALETTE } from "../../charts/theme.js";
import type { OverfitCheckData } from "./types.js";

export function overfitCheckChart(d: OverfitCheckData): VegaLiteSpec {
  const values = [{ fit: "real labels", error: round(d.trainingError) }, ...d.shuffled.map((e) => ({ fit: "shuffled labels", error: round(e) }))];
  return chartSpec(`Overfit check: training error of ${d.model} on ${d.rows} rows, with real and with shuffled labels, as a share of the target's spread.`, {
    title: `Training error on ${d.rows} rows: real labels against shuffled`,
    data: { values },
    width: 380,
    height: { step: 36 },
    mark: { type: "tick", thickness: 3, size: 24 },
    encoding: {
      // Not zoomed (zoom.ts): 0 (memorised) and 1 (no better than the zero rule) are the landmarks this ratio is read against.
      x: { field: "error", type: "quantitative", title: "training error / zero rule's error", scale: { domain: [0, Math.max(1, ...values.map((v) => v.error))] } },
      y: { field: "fit", type: "nominal", title: null },
      color: { field: "fit", type: "nominal", title: null, scale: { domain: ["real labels", "shuffled labels"], range: [PALETTE[0], PALETTE[1]] } },
      tooltip: [{ field: "fit" }, { field: "error", format: ".3~g" }],
    },
  });
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
