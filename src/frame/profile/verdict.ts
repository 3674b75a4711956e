/** The verdict of profile (its biggest problem), the notes (every other finding, with its level) and the per-column table. */
import { formatFigures, formatPValue, formatPercent } from "../../display/format.js";
import type { Table, Verdict } from "../../result.js";
import type { ColumnProfile, Problem, ProfileData } from "./types.js";

const LEVEL_WORD = { fail: "Problem", warn: "Warning", ok: "Minor" } as const;

function tally(problems: readonly Problem[]): string {
  const warnings = problems.filter((p) => p.level !== "ok").length;
  const minor = problems.length - warnings;
  return [warnings ? `${warnings} more worth a look` : "", minor ? `${minor} minor` : ""].filter(Boolean).join(", ");
}

export function profileVerdict(p: ProfileData): { verdict: Verdict; notes: string[] } {
  const [worst, ...others] = p.problems;
  const notes = others.map((q) => `${LEVEL_WORD[q.level]}: ${q.text}`);
  const size = `${p.rows.toLocaleString("en-US")} row${p.rows === 1 ? "" : "s"} × ${p.columns} column${p.columns === 1 ? "" : "s"}`;
  if (worst === undefined) {
    return { verdict: { level: "ok", text: `No data-quality problem found in ${size}: no missing values, duplicates, constant columns or badly imbalanced classes.` }, notes };
  }
  if (worst.level === "ok") {
    // Small findings are listed, not hidden: the verdict is ok because each is too small to matter, and says so.
    return {
      verdict: { level: "ok", text: `No data-quality problem worth a warning in ${size}. ${p.problems.length === 1 ? "One minor finding" : `${p.problems.length} minor findings`}, listed below: ${worst.text}` },
      notes,
    };
  }
  const more = others.length > 0 ? ` (Also below: ${tally(others)}.)` : "";
  return { verdict: { level: worst.level, text: `Biggest problem: ${worst.text}${more}` }, notes };
}

export function profileTable(p: ProfileData): Table {
  const rows = p.columnProfiles.map((c) => [
    c.name + (c.name === p.target ? " (target)" : ""),
    c.type,
    c.missing,
    formatPercent(c.missingShare),
    c.distinct,
    rangeText(c),
    c.missingVsTarget ? formatPValue(c.missingVsTarget.adjustedPValue) : null,
  ]);
  const relationHeader = p.target ? `missing vs ${p.target}` : "missing vs target";
  return { columns: ["column", "type", "missing", "missing %", "distinct", "range / top value", relationHeader], rows };
}

function rangeText(c: ColumnProfile): string | null {
  if (c.type === "date" && c.min !== undefined) {
    return `${new Date(c.min).toISOString().slice(0, 10)} … ${new Date(c.max!).toISOString().slice(0, 10)}`;
  }
  if (c.min !== undefined) return `${formatFigures(c.min)} … ${formatFigures(c.max!)} (mean ${formatFigures(c.mean!)})`;
  if (c.top) return `${c.top.label} (${c.top.count})`;
  return null;
}
