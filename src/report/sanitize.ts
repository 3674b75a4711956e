/**
 * Everything a report shows from a notebook (markdown cells, other libraries' HTML, and even
 * litml's own result HTML, since a notebook file can be edited by hand) passes through one
 * allow-list sanitizer, sanitize-html: an element or attribute not named here does not reach
 * the file. The report's content security policy stays as a second wall, but the file must
 * be safe where that meta tag is ignored, and must load nothing from anywhere when opened.
 */
import sanitize from "sanitize-html";

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

const HTML_TAGS = [
  ...["h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "section", "article", "aside", "header", "footer", "nav", "main"],
  ...["blockquote", "pre", "code", "kbd", "samp", "var", "hr", "br", "wbr", "ul", "ol", "li", "dl", "dt", "dd"],
  ...["a", "b", "i", "em", "strong", "small", "s", "u", "mark", "sub", "sup", "abbr", "cite", "q", "del", "ins", "time"],
  ...["figure", "figcaption", "details", "summary", "img"],
  ...["table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"],
];

// What Vega's SVG renderer writes, and ordinary static SVG. No <use>, <image>, <a>, <style>,
// <foreignObject> or animation: those can reference other documents or run script.
const SVG_TAGS = [
  ...["svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "title", "desc"],
  // The parser keeps SVG's camel-case element names (and lowercases attribute names).
  ...["defs", "clipPath", "linearGradient", "radialGradient", "stop", "mask", "marker"],
];

const SVG_ATTRIBUTES = [
  ...["xmlns", "xmlns:xlink", "version", "width", "height", "viewbox", "preserveaspectratio", "transform"],
  ...["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points", "dx", "dy", "offset"],
  ...["fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray", "stroke-dashoffset"],
  ...["stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "opacity", "display", "visibility", "pointer-events"],
  ...["font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline", "alignment-baseline"],
  ...["clip-path", "clippathunits", "mask", "marker-start", "marker-mid", "marker-end", "markerwidth", "markerheight", "orient", "refx", "refy"],
  ...["stop-color", "stop-opacity", "gradientunits", "gradienttransform", "shape-rendering", "text-rendering", "paint-order", "vector-effect"],
];

const ATTRIBUTES: Record<string, string[]> = {
  "*": ["class", "id", "title", "lang", "dir", "role", "aria-*", "style"],
  a: ["href"],
  img: ["src", "alt", "width", "height"],
  div: ["data-litml-kind"],
  table: ["border"],
  th: ["colspan", "rowspan", "scope", "align"],
  td: ["colspan", "rowspan", "align"],
  col: ["span"],
  colgroup: ["span"],
  ol: ["start", "reversed"],
  li: ["value"],
  time: ["datetime"],
  details: ["open"],
  ...Object.fromEntries(SVG_TAGS.map((tag) => [tag, SVG_ATTRIBUTES])),
};

// Images the page can show without a request; anything else becomes a link to click.
const INLINE_IMAGE = /^data:image\/(png|jpe?g|gif|webp|svg\+xml)[;,]/i;

// CSS functions that cannot fetch or run anything; url(), image-set(), expression() and the rest are not here.
const CSS_FUNCTIONS = new Set([
  ...["rgb", "rgba", "hsl", "hsla", "hwb", "calc", "min", "max", "clamp", "var"],
  ...["translate", "translatex", "translatey", "rotate", "scale", "scalex", "scaley", "matrix", "skewx", "skewy"],
  ...["linear-gradient", "radial-gradient", "repeating-linear-gradient", "repeating-radial-gradient"],
]);
// position could lay a fake verdict over the page; behavior and binding are old script hooks.
const CSS_PROPERTY_BLOCKED = /^(position|behavior|-moz-binding|content|cursor)$/i;

/** The declarations of an inline style that can neither fetch nor run anything, or "" for none. */
export function safeStyle(style: string): string {
  const kept = style.split(";").filter((declaration) => {
    const match = /^\s*([-a-zA-Z]+)\s*:([^]*)$/.exec(declaration);
    if (!match || CSS_PROPERTY_BLOCKED.test(match[1])) return false;
    const value = match[2];
    // Escapes and comments can spell a blocked function in pieces (u\72l(, ur/**/l().
    if (/[\\@<>{}]|\/\*/.test(value)) return false;
    const opened = (value.match(/\(/g) ?? []).length;
    const functions = [...value.matchAll(/([-a-zA-Z]+)\(/g)].map((m) => m[1].toLowerCase());
    return functions.length === opened && functions.every((name) => CSS_FUNCTIONS.has(name));
  });
  return kept.map((declaration) => declaration.trim()).filter(Boolean).join(";");
}

// SVG paint and clip references may only point inside the page (url(#clip1)).
const LOCAL_REFERENCE = /^\s*url\(\s*(["']?)#[-\w.:]+\1\s*\)\s*$/;

export interface SanitizeOptions {
  /** `litml-` ids the report itself placed (heading anchors); any other `litml-` id is removed. */
  readonly ownIds?: ReadonlySet<string>;
  /** Keep the text only (escaped), as for a heading's entry in the contents list. */
  readonly textOnly?: boolean;
}

function cleanAttributes(attribs: sanitize.Attributes, ownIds: ReadonlySet<string>): sanitize.Attributes {
  const clean: sanitize.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    // The report's own anchors and the script that draws live charts look up litml- ids.
    if (name === "id" && /^litml-/i.test(value) && !ownIds.has(value)) continue;
    if (name === "style") {
      const style = safeStyle(value);
      if (style !== "") clean.style = style;
      continue;
    }
    if (name !== "href" && name !== "src" && /url\s*\(/i.test(value) && !LOCAL_REFERENCE.test(value)) continue;
    clean[name] = value;
  }
  return clean;
}

function imageOrLink(_tag: string, attribs: sanitize.Attributes): sanitize.Tag {
  const src = (attribs.src ?? "").trim();
  if (INLINE_IMAGE.test(src)) return { tagName: "img", attribs };
  return { tagName: "a", attribs: { href: src }, text: `[image: ${attribs.alt || src}]` };
}

/** HTML from a notebook, reduced to what a static, offline page may show. */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  const ownIds = options.ownIds ?? new Set<string>();
  return sanitize(html, {
    allowedTags: options.textOnly ? [] : [...HTML_TAGS, ...SVG_TAGS],
    allowedAttributes: options.textOnly ? {} : ATTRIBUTES,
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["data"] },
    allowProtocolRelative: false,
    // The text inside these is code or a fallback for what was removed, never prose.
    nonTextTags: [...(options.textOnly ? ["svg"] : []), "script", "style", "textarea", "option", "noscript", "iframe", "noembed", "noframes", "object", "template", "xmp", "math"],
    transformTags: options.textOnly ? {} : { img: imageOrLink, "*": (tagName, attribs) => ({ tagName, attribs: cleanAttributes(attribs, ownIds) }) },
    // Vega writes <path …/>; without this the parser would nest every later mark inside it.
    parser: { recognizeSelfClosing: true },
  });
}

/** The former name, kept so that code written against it (slides) still compiles; prefer sanitizeHtml. */
export const offlineHtml = (html: string): string => sanitizeHtml(html);
