/**
 * Results as HTML that reads well with no script and after Jupyter's sanitizer: styles
 * are inline (sanitizers drop <style>), the verdict level is a word and an icon as well
 * as a colour, and every user string is escaped.
 */
import { LEVEL_COLORS } from "../charts/theme.js";
import type { Result, Table, VerdictLevel } from "../result/contract.js";
import { escapeHtml } from "../util/escape.js";
import { formatCell } from "./format.js";
import { LEVEL_LABELS, VERDICT_THEMES } from "./levels.js";
import { svgImageTag } from "./svg-image.js";

const MAX_TABLE_ROWS = 200;

export function verdictHtml(level: VerdictLevel, text: string): string {
  const { icon, word } = LEVEL_LABELS[level];
  // The card carries its own light background, so its contrast holds in a dark JupyterLab too.
  const theme = VERDICT_THEMES.light;
  return (
    `<div class="litml-verdict litml-${level}" role="status" style="border-left:6px solid ${LEVEL_COLORS[level]};padding:6px 10px;margin:6px 0;background:${theme.card};color:${theme.ink}">` +
    `<strong style="color:${theme[level]}">${icon} ${word}</strong> ${escapeHtml(text)}</div>`
  );
}

export function tableHtml(table: Table): string {
  const head = table.columns.map((c) => `<th style="text-align:left;padding:2px 8px;border-bottom:1px solid #999">${escapeHtml(c)}</th>`);
  const shown = table.rows.slice(0, MAX_TABLE_ROWS);
  const body = shown.map((row) => {
    const cells = row.map((cell) => {
      const align = typeof cell === "number" ? "right" : "left";
      return `<td style="text-align:${align};padding:2px 8px">${escapeHtml(formatCell(cell))}</td>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  const more =
    table.rows.length > shown.length
      ? `<p style="color:#555;margin:2px 0">… ${table.rows.length - shown.length} more rows (all of them are in the result's table).</p>`
      : "";
  return (
    `<table class="litml-table" style="border-collapse:collapse;font-size:12px;margin:6px 0">` +
    `<thead><tr>${head.join("")}</tr></thead><tbody>${body.join("")}</tbody></table>${more}`
  );
}

function chartDescription(result: Result): string {
  const description = result.chart?.description;
  return typeof description === "string" ? description : `${result.title} chart`;
}

export function resultHtml(result: Result): string {
  const parts = [
    `<div class="litml-result" data-litml-kind="${escapeHtml(result.kind)}" style="font-family:sans-serif;font-size:13px">`,
    `<div class="litml-title" style="font-weight:bold;font-size:14px">${escapeHtml(result.title)}</div>`,
    verdictHtml(result.verdict.level, result.verdict.text),
  ];
  if (result.notes.length > 0) {
    const items = result.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("");
    parts.push(`<ul class="litml-notes" style="margin:4px 0 6px 18px;padding:0">${items}</ul>`);
  }
  if (result.svg) parts.push(`<div class="litml-chart">${svgImageTag(result.svg, chartDescription(result))}</div>`);
  if (result.table) parts.push(tableHtml(result.table));
  parts.push("</div>");
  return parts.join("");
}
