// @ts-nocheck
import { createRequire } from "node:module";

type Resvg = typeof import("@resvg/resvg-js");
let resvg: Resvg | undefined;

/**
 * SVG to PNG for places that run no script and strip SVG (GitHub's notebook preview).
 * Only exports call this; notebook outputs carry SVG, not PNG.
 */
export function svgToPng(svg: string, scale = 2): Buffer {
  resvg ??= createRequire(import.meta.url)("@resvg/resvg-js") as Resvg;
  const renderer = new resvg.Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
  });
  return renderer.render().asPng();
}
