import type { Result, Table } from "../result/contract.js";
import { formatCell } from "./format.js";
import { LEVEL_LABELS } from "./levels.js";

const MAX_TEXT_ROWS = 30;

export function tableText(table: Table): string {
  const rows = table.rows.slice(0, MAX_TEXT_ROWS).map((row) => row.map(formatCell));
  const widths = table.columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  const out = [line(table.columns), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
  if (table.rows.length > rows.length) out.push(`… ${table.rows.length - rows.length} more rows`);
  return out.join("\n");
}

export function resultText(result: Result): string {
  const { icon, word } = LEVEL_LABELS[result.verdict.level];
  const lines = [result.title, `${icon} ${word}: ${result.verdict.text}`];
  for (const note of result.notes) lines.push(`  • ${note}`);
  if (result.table) lines.push("", tableText(result.table));
  return lines.join("\n");
}
