import type { VegaLiteSpec } from "../result/contract.js";

export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/** Okabe–Ito: distinguishable under the common colour-vision deficiencies. */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

export const LEVEL_COLORS = { ok: "#009E73", warn: "#E69F00", fail: "#D55E00" } as const;

const CONFIG = {
  font: "DejaVu Sans, Helvetica, Arial, sans-serif",
  range: { category: PALETTE },
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 180 },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 14, anchor: "start" },
  view: { stroke: null },
};

/** Every litml chart goes through here: exact v5 schema, the shared look, a description for screen readers. */
export function chartSpec(description: string, body: VegaLiteSpec): VegaLiteSpec {
  return { $schema: VEGA_LITE_SCHEMA, description, config: CONFIG, ...body };
}
