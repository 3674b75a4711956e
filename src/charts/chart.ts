import { chartBundle } from "../display/bundle.js";
import { renderSvg } from "../display/svg.js";
import { type DataInput, resolveData } from "../data/convert.js";
import { message } from "../messages.js";
import { JUPYTER_DISPLAY, type VegaLiteSpec } from "../result/contract.js";
import { chartSpec } from "./theme.js";

/** Charts keep their data small: a few thousand marks draw fast and keep notebooks light. */
export const MAX_CHART_ROWS = 5000;

export interface Chart {
  readonly spec: VegaLiteSpec;
  readonly svg: string;
  [JUPYTER_DISPLAY](): Record<string, unknown>;
}

/**
 * Draws a Vega-Lite v5 spec, optionally over DATA (any DATA shape). The chart shows as
 * an interactive Vega-Lite view where the front end has one, and as SVG elsewhere.
 */
export async function chart(spec: VegaLiteSpec, data?: DataInput): Promise<Chart> {
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    throw message.badOption("chart", "spec", spec, "a Vega-Lite spec object");
  }
  let body: VegaLiteSpec = spec;
  if (data !== undefined) {
    const dataset = await resolveData(data);
    if (dataset.nRows > MAX_CHART_ROWS) {
      throw message.badOption("chart", "data", `${dataset.nRows} rows`, `at most ${MAX_CHART_ROWS} rows; aggregate or sample first`);
    }
    body = { ...spec, data: { values: dataset.toRecords() } };
  }
  const full = chartSpec(typeof spec.description === "string" ? spec.description : "chart", body);
  const svg = await renderSvg(full);
  return Object.freeze({ spec: full, svg, [JUPYTER_DISPLAY]: () => chartBundle(full, svg) });
}
