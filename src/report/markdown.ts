/**
 * Markdown cells and text/markdown outputs as sanitized HTML. Headings get anchors so the
 * report's table of contents can link to them; the sanitizer is told which `litml-` ids are
 * the report's own, so a cell cannot forge one.
 */
import { Marked } from "marked";
import { sanitizeHtml } from "./sanitize.js";

export interface Heading {
  readonly id: string;
  readonly depth: number;
  /** Plain text, already escaped for HTML. */
  readonly html: string;
}

/** A markdown renderer for one report; `headings` collects every heading it writes, in order. */
export function markdownRenderer(): { render: (source: string) => string; headings: Heading[] } {
  const headings: Heading[] = [];
  const marked = new Marked({
    gfm: true,
    async: false,
    renderer: {
      heading({ tokens, depth }) {
        const inner = this.parser.parseInline(tokens);
        const id = `litml-h-${headings.length + 1}`;
        // The contents list shows the words only: no links, images or markup inside a link.
        headings.push({ id, depth, html: sanitizeHtml(inner, { textOnly: true }) });
        return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
      },
    },
  });
  const render = (source: string): string => {
    const before = headings.length;
    const html = marked.parse(source) as string;
    return sanitizeHtml(html, { ownIds: new Set(headings.slice(before).map((h) => h.id)) });
  };
  return { render, headings };
}
