/**
 * A chart inside a result's HTML travels as `<img src="data:image/svg+xml;base64,…">`, not as
 * inline `<svg>`: JupyterLab's sanitizer (untrusted notebooks, no litml extension) removes
 * `<svg>` elements but keeps images. Reports and the GitHub export turn it back into SVG.
 */
// @ts-nocheck

import { escapeHtml } from "../util/escape.js";

const CLASS = "litml-chart-image";
const SVG_IMAGE = new RegExp(`<img class="${CLASS}" alt="[^"]*" src="data:image/svg\\+xml;base64,([A-Za-z0-9+/=]*)">`, "g");

export function svgImageTag(svg: string, alt: string): string {
  return `<img class="${CLASS}" alt="${escapeHtml(alt)}" src="data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}">`;
}

/** The charts of a result's HTML as SVG text, in order. */
export function svgImages(html: string): string[] {
  return [...html.matchAll(SVG_IMAGE)].map((match) => Buffer.from(match[1], "base64").toString("utf8"));
}

/** The HTML with each chart image replaced by its SVG, for pages that show SVG (reports). */
export function inlineSvgImages(html: string): string {
  return html.replace(SVG_IMAGE, (_tag, base64: string) => Buffer.from(base64, "base64").toString("utf8"));
}
