/** The words and tables of a Simpson's paradox result. */
// @ts-nocheck

import { formatCell, formatPercent, formatPValue } from "../../display/format.js";
import type { Cell, Table, Verdict } from "../../result.js";
import type { Finding, SimpsonData } from "./simpson.js";

const value = (f: Finding, x: number) => (f.comparison === "rates" ? formatPercent(x) : formatCell(x));
const interval = (low: number, high: number) =>
  Number.isNaN(low) || Number.isNaN(high) ? "no 95% CI: a zero count or too few rows leave it undefined" : `95% CI ${formatCell(low)} to ${formatCell(high)}`;
const strength = (p: number) => `${formatPValue(p)}${p >= 0.05 ? ", not significant on its own" : ""}`;

/** How the aggregate goes, in words: "women have a lower admitted = yes rate than men (30.4% against 44.5%)". */
function aggregateWords(f: Finding): string {
  const a = f.aggregate;
  if (f.comparison === "slopes") {
    return `${f.outcome} ${a.effect < 0 ? "falls" : "rises"} as ${f.treatment} rises (slope ${formatCell(a.effect)}, ${interval(a.low, a.high)})`;
  }
  const [ref, cmp] = f.levels!;
  const what = f.comparison === "rates" ? `${f.outcome} = ${f.positive} rate` : `mean ${f.outcome}`;
  return `${f.treatment} = ${cmp} has a ${a.effect < 0 ? "lower" : "higher"} ${what} than ${ref} (${value(f, a.comparison)} against ${value(f, a.reference)})`;
}

function withinWords(f: Finding): string {
  const w = f.within;
  if (f.comparison === "rates") {
    const [ref, cmp] = f.levels!;
    return `the odds ratio of ${cmp} against ${ref} is ${formatCell(w.estimate)} (${interval(w.low, w.high)}; Cochran–Mantel–Haenszel ${strength(w.pValue)})`;
  }
  const measure = f.comparison === "means" ? "pooled difference" : "pooled slope";
  return `the ${measure} is ${formatCell(w.estimate)} (${interval(w.low, w.high)}; ${strength(w.pValue)})`;
}

export function findingVerdict(f: Finding): Verdict {
  const counted = f.groups.filter((g) => g.qualifies);
  const reversed = f.groups.filter((g) => g.reversed).length;
  if (!f.reversal) {
    return {
      level: "ok",
      text: `No reversal: overall ${aggregateWords(f)}, and holding ${f.by} fixed ${withinWords(f)}, the same direction.`,
    };
  }
  const direction = f.comparison === "slopes" ? `it ${f.aggregate.effect < 0 ? "rises" : "falls"}` : "the difference points the other way";
  return {
    level: "warn",
    text:
      `Simpson's paradox: overall ${aggregateWords(f)}, but within ${f.by} ${direction} in ${reversed} of ${counted.length} groups large enough to judge. ` +
      `Holding ${f.by} fixed, ${withinWords(f)}: the aggregate reflects how ${f.treatment} is spread across ${f.by}, not a difference within it.`,
  };
}

export function findingTable(f: Finding): Table {
  const direction = (g: Finding["groups"][number]) => (!g.qualifies ? "too small" : g.reversed ? "reversed" : Math.sign(g.effect) === Math.sign(f.aggregate.effect) ? "same" : "negligible");
  const rows: Cell[][] = [];
  if (f.comparison === "slopes") {
    rows.push(["all (aggregate)", f.aggregate.n, f.aggregate.effect, `${formatCell(f.aggregate.low)} to ${formatCell(f.aggregate.high)}`, "—"]);
    for (const g of f.groups) if (g.n > 0) rows.push([g.label, g.n, Number.isNaN(g.effect) ? null : g.effect, Number.isNaN(g.low) ? null : `${formatCell(g.low)} to ${formatCell(g.high)}`, direction(g)]);
    rows.push([`within ${f.by} (pooled)`, f.aggregate.n, f.within.estimate, `${formatCell(f.within.low)} to ${formatCell(f.within.high)}`, "—"]);
    return { columns: [f.by, "n", `slope of ${f.outcome} on ${f.treatment}`, "95% CI", "direction"], rows };
  }
  const [ref, cmp] = f.levels!;
  const show = (x: number) => (Number.isNaN(x) ? null : f.comparison === "rates" ? Math.round(x * 10000) / 100 : x);
  const unit = f.comparison === "rates" ? " (%)" : "";
  rows.push(["all (aggregate)", f.aggregate.n, show(f.aggregate.reference), show(f.aggregate.comparison), show(f.aggregate.effect), "—"]);
  for (const g of f.groups) if (g.n > 0) rows.push([g.label, g.n, show(g.reference), show(g.comparison), show(g.effect), direction(g)]);
  const what = f.comparison === "rates" ? `${f.positive} rate` : `mean ${f.outcome}`;
  return { columns: [f.by, "n", `${ref}: ${what}${unit}`, `${cmp}: ${what}${unit}`, `difference${unit}`, "direction"], rows };
}

export function scanVerdict(data: SimpsonData, outcome: string): Verdict {
  if (data.findings.length === 0) {
    return { level: "ok", text: `No Simpson's reversal for ${outcome} among the ${data.examined} pairs of columns examined (treatment × grouping).` };
  }
  const top = data.findings[0];
  return {
    level: "warn",
    text: `${data.findings.length} of ${data.examined} pairs of columns reverse when the second is held fixed. Strongest: ${findingVerdict(top).text}`,
  };
}

export function scanNotes(data: SimpsonData): string[] {
  const notes = data.findings.slice(1, 5).map((f) => `${f.treatment} by ${f.by}: ${aggregateWords(f)}, but holding ${f.by} fixed ${withinWords(f)}.`);
  if (data.skipped.length) notes.push(`Skipped ${data.skipped.map((s) => `"${s}"`).join(", ")}: too many distinct values to read as slices (raise --max-levels or bucket them).`);
  return notes;
}

export function scanTable(data: SimpsonData): Table {
  return {
    columns: ["treatment", "held fixed", "comparison", "aggregate effect", "within-group effect", "reversed groups", "within p-value"],
    rows: data.findings.map((f) => [
      f.treatment + (f.levels ? ` (${f.levels[1]} vs ${f.levels[0]})` : ""),
      f.by,
      f.comparison,
      f.aggregate.effect,
      f.comparison === "rates" ? `odds ratio ${formatCell(f.within.estimate)}` : f.within.estimate,
      `${f.groups.filter((g) => g.reversed).length} of ${f.groups.filter((g) => g.qualifies).length}`,
      f.within.pValue,
    ]),
  };
}
