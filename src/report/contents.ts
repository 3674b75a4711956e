/**
 * The top of a report: every verdict in one list, worst first in the tally, each linked to
 * its result, and a table of contents of the markdown headings. A reader on a phone or a
 * projector sees what went wrong before scrolling through code.
 */
import { LEVEL_LABELS } from "../display/levels.js";
import type { VerdictLevel } from "../result.js";
import { escapeHtml } from "../util/escape.js";
import type { Heading } from "./markdown.js";

export interface VerdictEntry {
  /** The anchor of the result's output. */
  readonly id: string;
  readonly title: string;
  readonly level: VerdictLevel;
  readonly text: string;
}

/** A verdict as a result's JSON holds it, or undefined when that JSON is not a readable litml result. */
export function verdictEntry(id: string, json: unknown): VerdictEntry | undefined {
  const result = json as { title?: unknown; kind?: unknown; verdict?: { level?: unknown; text?: unknown } } | null;
  const level = result?.verdict?.level;
  const text = result?.verdict?.text;
  if (typeof level !== "string" || !(level in LEVEL_LABELS) || typeof text !== "string") return undefined;
  const title = typeof result?.title === "string" ? result.title : typeof result?.kind === "string" ? result.kind : "Result";
  return { id, title, level: level as VerdictLevel, text };
}

export function badgeHtml(level: VerdictLevel): string {
  const { icon, word } = LEVEL_LABELS[level];
  return `<span class="litml-badge litml-badge-${level}">${icon} ${word}</span>`;
}

const TALLY: [VerdictLevel, string, string][] = [
  ["fail", "fail", "fail"],
  ["warn", "warning", "warnings"],
  ["ok", "OK", "OK"],
];

function summaryHtml(verdicts: readonly VerdictEntry[]): string {
  const tally = TALLY.map(([level, one, many]) => {
    const n = verdicts.filter((v) => v.level === level).length;
    return n === 0 ? "" : `${n} ${n === 1 ? one : many}`;
  }).filter(Boolean);
  const items = verdicts.map(
    (v) =>
      `<li class="litml-summary-${v.level}"><a href="#${v.id}">${badgeHtml(v.level)} <span class="summary-title">${escapeHtml(v.title)}</span></a>` +
      `<span class="summary-text">${escapeHtml(v.text)}</span></li>`,
  );
  return (
    `<section class="verdict-summary" aria-labelledby="litml-verdicts"><h2 id="litml-verdicts">Verdicts</h2>` +
    `<p class="tally">${verdicts.length} ${verdicts.length === 1 ? "result" : "results"}: ${tally.join(", ")}.</p>` +
    `<ol>${items.join("")}</ol></section>`
  );
}

function tocHtml(headings: readonly Heading[]): string {
  // The page title is already the first h1; levels below h3 are too fine for an overview.
  const items = headings.filter((h) => h.depth <= 3).map((h) => `<li class="toc-${h.depth}"><a href="#${h.id}">${h.html}</a></li>`);
  return `<nav class="toc" aria-labelledby="litml-contents"><h2 id="litml-contents">Contents</h2><ol>${items.join("")}</ol></nav>`;
}

/** The verdict summary and the contents, either left out when it would be empty. */
export function contentsHtml(headings: readonly Heading[], verdicts: readonly VerdictEntry[]): string {
  const parts: string[] = [];
  if (verdicts.length > 0) parts.push(summaryHtml(verdicts));
  if (headings.some((h) => h.depth <= 3)) parts.push(tocHtml(headings));
  return parts.length ? `<div class="report-top">${parts.join("")}</div>` : "";
}
