/**
 * Interactive charts in reports. A chart with a bound parameter (a slider) is drawn live by
 * Vega when the page runs JavaScript, and stays a static SVG when it does not. The Vega,
 * Vega-Lite and vega-embed builds are inlined once per report, and only in reports that
 * have such a chart. The page's content security policy admits that one script by its
 * hash and no eval: expressions run through vega-interpreter, so nothing is compiled from
 * strings, and nothing can be fetched.
 */
// @ts-nocheck

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { VegaLiteSpec } from "../result.js";
import { dependencyDir } from "../util/package-root.js";

const BUILDS = [
  ["vega", "build/vega.min.js"],
  ["vega-interpreter", "build/vega-interpreter.min.js"],
  ["vega-lite", "build/vega-lite.min.js"],
  ["vega-embed", "build/vega-embed.min.js"],
] as const;

// Replaces each static chart with the live one once it has drawn; a failure leaves the static chart.
const BOOTSTRAP = `
document.querySelectorAll("[data-litml-spec]").forEach(function (holder) {
  var spec = JSON.parse(document.getElementById(holder.getAttribute("data-litml-spec")).textContent);
  var live = document.createElement("div");
  vegaEmbed(live, spec, { actions: false, renderer: "svg", ast: true, expr: vega.expressionInterpreter }).then(function () {
    holder.replaceChildren(live);
    holder.setAttribute("data-litml-live", "true");
  }, function (error) {
    holder.setAttribute("data-litml-live", "failed: " + error.message);
  });
});`;

/** A chart with a parameter bound to an input is worth drawing live. */
export function isInteractive(spec: unknown): spec is VegaLiteSpec {
  const params = (spec as { params?: unknown } | null)?.params;
  return Array.isArray(params) && params.some((p) => (p as { bind?: unknown })?.bind !== undefined);
}

/** The static rendering, marked for replacement, with the spec beside it as inert JSON. */
export function interactiveHolder(id: string, spec: VegaLiteSpec, staticHtml: string): string {
  // "<" escaped so that no string in the spec can close the script element.
  const json = JSON.stringify(spec).replace(/</g, "\\u003c");
  return `<div class="litml-interactive" data-litml-spec="${id}">${staticHtml}</div><script type="application/json" id="${id}">${json}</script>`;
}

let runtime: { script: string; hash: string } | undefined;

/** The inlined Vega runtime and bootstrap, with the CSP hash that admits it. */
export function vegaRuntime(): { script: string; hash: string } {
  if (!runtime) {
    const script = [...BUILDS.map(([name, file]) => readFileSync(path.join(dependencyDir(name), file), "utf8")), BOOTSTRAP].join("\n;\n");
    // Inlined code must not contain the tag that would end its script element early.
    if (/<\/script/i.test(script)) throw new Error("litml: an inlined Vega build contains </script>; reports cannot inline it");
    runtime = { script, hash: `sha256-${createHash("sha256").update(script).digest("base64")}` };
  }
  return runtime;
}
