/**
 * MIME bundles (DESIGN.md "rendering"). A result carries its own JSON for the lab
 * renderer, HTML with an inline SVG chart for everything else, and plain text.
 */
import { RESULT_MIME, type Result, type VegaLiteSpec } from "../result/contract.js";
import { resultHtml } from "./html.js";
import { resultText } from "./text.js";

export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

export function resultBundle(result: Result): Record<string, unknown> {
  return {
    [RESULT_MIME]: result.toJSON(),
    "text/html": resultHtml(result),
    "text/plain": resultText(result),
  };
}

export function chartBundle(spec: VegaLiteSpec, svg: string): Record<string, unknown> {
  const description = typeof spec.description === "string" ? spec.description : "chart";
  return {
    [VEGA_LITE_MIME]: spec,
    "image/svg+xml": svg,
    "text/plain": `<Vega-Lite chart: ${description}>`,
  };
}
