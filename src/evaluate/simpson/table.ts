/** The tables of a Simpson's paradox result: one triple's groups, or a scan's reversals. */
import { formatCell } from "../../display/format.js";
import type { Cell, Table } from "../../result.js";
import type { Finding, SimpsonData } from "./types.js";

export function simpsonTable(d: SimpsonData): Table {
  return d.mode === "single" ? findingTable(d.findings[0]) : scanTable(d);
}

function findingTable(f: Finding): Table {
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

function scanTable(d: SimpsonData): Table {
  return {
    columns: ["treatment", "held fixed", "comparison", "aggregate effect", "within-group effect", "reversed groups", "within p-value", "adjusted p (Holm)"],
    rows: d.findings.map((f) => [
      f.treatment + (f.levels ? ` (${f.levels[1]} vs ${f.levels[0]})` : ""),
      f.by,
      f.comparison,
      f.aggregate.effect,
      f.comparison === "rates" ? `odds ratio ${formatCell(f.within.estimate)}` : f.within.estimate,
      `${f.groups.filter((g) => g.reversed).length} of ${f.groups.filter((g) => g.qualifies).length}`,
      f.within.pValue,
      f.adjustedPValue,
    ]),
  };
}
