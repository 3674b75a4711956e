import { createRequire } from "node:module";
import type { VegaLiteSpec } from "../result/contract.js";

type VegaModule = typeof import("vega");
type VegaLiteModule = typeof import("vega-lite");
type View = InstanceType<VegaModule["View"]>;

interface HeadlessView {
  readonly _viewWidth: number;
  readonly _viewHeight: number;
  readonly _origin: [number, number];
  padding(): { left: number; right: number; top: number; bottom: number };
  scenegraph(): { root: unknown };
}

interface SvgStringRenderer {
  initialize(element: null, width: number, height: number, origin: [number, number], scaleFactor: number): SvgStringRenderer;
  background(color: unknown): SvgStringRenderer;
  render(scene: unknown): SvgStringRenderer;
  svg(): string;
}

let modules: [VegaModule, VegaLiteModule] | undefined;

/** vega and vega-lite load on first use (their CommonJS builds, so loading is synchronous): the kernel starts without paying for them. */
function loadVega(): [VegaModule, VegaLiteModule] {
  const require = createRequire(import.meta.url);
  modules ??= [require("vega") as VegaModule, require("vega-lite") as VegaLiteModule];
  return modules;
}

function viewOf(spec: VegaLiteSpec): [View, VegaModule] {
  const [vega, vegaLite] = loadVega();
  // vega tags data rows with ids as it renders; a copy keeps the result's spec plain JSON.
  const compiled = vegaLite.compile(structuredClone(spec) as never).spec;
  return [new vega.View(vega.parse(compiled), { renderer: "none" }), vega];
}

/**
 * Renders a Vega-Lite spec whose data are inline (every litml result's) to a static SVG
 * string, synchronously: the dataflow runs and the scene is written as vega's own
 * `toSVG` would, without its wait for data to load, so a result draws on display.
 */
export function renderSvgSync(spec: VegaLiteSpec): string {
  const [view, vega] = viewOf(spec);
  try {
    view.run();
    // The size and origin vega's headless renderer uses (vega-view's initializeRenderer); vega's types omit these members.
    const headless = view as unknown as HeadlessView;
    const padding = headless.padding();
    const renderer = new (vega as unknown as { SVGStringRenderer: new (loader: unknown) => SvgStringRenderer }).SVGStringRenderer(view.loader());
    renderer
      .initialize(
        null,
        Math.max(0, headless._viewWidth + padding.left + padding.right),
        Math.max(0, headless._viewHeight + padding.top + padding.bottom),
        [padding.left + headless._origin[0], padding.top + headless._origin[1]],
        1,
      )
      .background(view.background());
    renderer.render(headless.scenegraph().root);
    return withTitle(spec, renderer.svg());
  } finally {
    view.finalize();
  }
}

/** Renders any Vega-Lite spec to SVG, waiting for data given by URL to load (user charts). */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const [view] = viewOf(spec);
  try {
    return withTitle(spec, await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** A <title> as the first child is what screen readers announce for an SVG. */
function withTitle(spec: VegaLiteSpec, svg: string): string {
  const description = typeof spec.description === "string" ? spec.description : "";
  return description ? svg.replace(/^(<svg[^>]*>)/, `$1<title>${escapeXml(description)}</title>`) : svg;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
