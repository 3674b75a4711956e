import type { VegaLiteSpec } from "../result.js";

type VegaModule = typeof import("vega");
type VegaLiteModule = typeof import("vega-lite");

let modules: Promise<[VegaModule, VegaLiteModule]> | undefined;

/** vega and vega-lite load on first use: the kernel starts without paying for them. */
function loadVega(): Promise<[VegaModule, VegaLiteModule]> {
  modules ??= Promise.all([import("vega"), import("vega-lite")]);
  return modules;
}

/** Renders a Vega-Lite spec to a static SVG string in Node (no DOM, no canvas). */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const [vega, vegaLite] = await loadVega();
  // vega tags data rows with ids as it renders; a copy keeps the result's spec plain JSON.
  const compiled = vegaLite.compile(structuredClone(spec) as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    const description = typeof spec.description === "string" ? spec.description : "";
    // A <title> as the first child is what screen readers announce for an SVG.
    return description ? svg.replace(/^(<svg[^>]*>)/, `$1<title>${escapeXml(description)}</title>`) : svg;
  } finally {
    view.finalize();
  }
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
