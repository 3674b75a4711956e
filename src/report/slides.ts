/**
 * An executed notebook as an offline slide deck: one slide per heading (`#` and `##`), the
 * markdown under it and the results its cells showed, drawn as in reports; code and
 * printed text stay in the report. reveal.js is inlined (its script admitted by hash in
 * the page's Content-Security-Policy), its theme's web fonts removed, so the deck opens
 * from a file with no network, on a laptop or a projector.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { escapeHtml } from "../util/escape.js";
import { dependencyDir } from "../util/package-root.js";
import { markdownRenderer } from "./markdown.js";
import { joinSource, type Notebook, type Output } from "./notebook.js";
import { renderOutputStatic, reportTitle } from "./render.js";
import { contentSecurityPolicy } from "./template.js";

/** What a slide keeps of a code cell: results, charts and tables, not logs or errors. */
const SHOWN = new Set(["display_data", "execute_result"]);
const HEADING = /^\s{0,3}#{1,2}\s+\S/;

export interface Deck {
  readonly html: string;
  readonly slides: number;
}

export function renderSlides(notebook: Notebook, name: string): Deck {
  const markdown = markdownRenderer();
  const slides: string[][] = [[]];
  for (const cell of notebook.cells) {
    const source = joinSource(cell.source);
    if (cell.cell_type === "markdown") {
      if (HEADING.test(source) && slides[slides.length - 1].length > 0) slides.push([]);
      slides[slides.length - 1].push(markdown.render(source));
    } else if (cell.cell_type === "code") {
      for (const output of cell.outputs ?? []) {
        if (!SHOWN.has(output.output_type)) continue;
        const html = renderOutputStatic(output as Output, markdown.render);
        if (html !== "") slides[slides.length - 1].push(`<div class="litml-slide-output">${html}</div>`);
      }
    }
  }
  const sections = slides.filter((parts) => parts.length > 0).map((parts) => `<section>${parts.join("\n")}</section>`);
  const script = `${revealSource("dist/reveal.js")}\nReveal.initialize({ hash: true, width: 1280, height: 800, margin: 0.04, center: false });`;
  const hash = `sha256-${createHash("sha256").update(script).digest("base64")}`;
  const title = reportTitle(notebook, name);
  const html = [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ hash })}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${revealSource("dist/reveal.css")}\n${offlineTheme()}\n${DECK_CSS}</style>`,
    "</head>",
    `<body><div class="reveal"><div class="slides">`,
    sections.join("\n"),
    "</div></div>",
    `<script>${script}</script>`,
    "</body>",
    "</html>",
  ].join("\n");
  return { html, slides: sections.length };
}

function revealSource(file: string): string {
  return readFileSync(path.join(dependencyDir("reveal.js"), file), "utf8");
}

/** The white theme without its web-font imports: nothing may load from the network. */
function offlineTheme(): string {
  return revealSource("dist/theme/white.css").replace(/@import\s+(url\()?["'][^"']*["']\)?[^;]*;/g, "");
}

const DECK_CSS = `
.reveal { --r-main-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; --r-heading-font: var(--r-main-font); --r-main-font-size: 30px; }
.reveal .slides section { text-align: left; height: 100%; overflow-y: auto; }
.reveal .litml-slide-output { font-size: 0.6em; margin: 0.4em 0; }
.reveal .litml-slide-output table { font-size: 0.8em; }
.reveal .litml-chart svg, .reveal .litml-chart img { max-width: 100%; height: auto; }
`;
