/** The words of a Simpson's paradox result: the verdict and its notes. */
import { formatFigures, formatPercent, formatPValue } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import type { Finding, SimpsonData } from "./types.js";

const value = (f: Finding, x: number) => (f.comparison === "rates" ? formatPercent(x) : formatFigures(x));
const interval = (low: number, high: number) =>
  Number.isNaN(low) || Number.isNaN(high) ? "no 95% CI: a zero count or too few rows leave it undefined" : `95% CI ${formatFigures(low)} to ${formatFigures(high)}`;
const strength = (p: number) => `${formatPValue(p)}${p >= 0.05 ? ", not significant on its own" : ""}`;

/** How the aggregate goes, in words: "female has a lower admitted = yes rate than male (30.4% against 44.5%)". */
function aggregateWords(f: Finding): string {
  const a = f.aggregate;
  if (f.comparison === "slopes") {
    return `${f.outcome} ${a.effect < 0 ? "falls" : "rises"} as ${f.treatment} rises (slope ${formatFigures(a.effect)}, ${interval(a.low, a.high)})`;
  }
  const [ref, cmp] = f.levels!;
  const what = f.comparison === "rates" ? `${f.outcome} = ${f.positive} rate` : `mean ${f.outcome}`;
  return `${f.treatment} = ${cmp} has a ${a.effect < 0 ? "lower" : "higher"} ${what} than ${ref} (${value(f, a.comparison)} against ${value(f, a.reference)})`;
}

/** The within-group association, with the caveat that a pooled odds ratio hides groups that disagree. */
function withinWords(f: Finding): string {
  const w = f.within;
  if (f.comparison === "rates") {
    const [ref, cmp] = f.levels!;
    const h = w.heterogeneity;
    const caveat =
      h && h.pValue < 0.05
        ? `; but the groups' odds ratios differ (Breslow–Day χ² = ${formatFigures(h.statistic)}, ${h.df} df, ${formatPValue(h.pValue)}), so one pooled value hides how they disagree`
        : "";
    return `the odds ratio of ${cmp} against ${ref} is ${formatFigures(w.estimate)} (${interval(w.low, w.high)}; Cochran–Mantel–Haenszel ${strength(w.pValue)}${caveat})`;
  }
  const measure = f.comparison === "means" ? "pooled difference" : "pooled slope";
  return `the ${measure} is ${formatFigures(w.estimate)} (${interval(w.low, w.high)}; ${strength(w.pValue)})`;
}

export function findingVerdict(f: Finding): Verdict {
  const counted = f.groups.filter((g) => g.qualifies);
  const reversed = f.groups.filter((g) => g.reversed).length;
  if (!f.reversal && f.flip) {
    return { level: "ok", text: `No reversal: overall ${aggregateWords(f)}, and holding ${f.by} fixed ${withinWords(f)}; the direction differs, but not by a credible difference of at least the minimum effect.` };
  }
  if (!f.reversal) {
    return { level: "ok", text: `No reversal: overall ${aggregateWords(f)}, and holding ${f.by} fixed ${withinWords(f)}, the same direction.` };
  }
  const direction = f.comparison === "slopes" ? `it ${f.aggregate.effect < 0 ? "rises" : "falls"}` : "the difference points the other way";
  const reading = f.credible
    ? `the aggregate reflects how ${f.treatment} is spread across ${f.by}, not a difference within it`
    : `the aggregate difference does not hold within ${f.by}, though the reversed direction is not credible either`;
  return {
    level: "warn",
    text:
      `Simpson's paradox: overall ${aggregateWords(f)}, but within ${f.by} ${direction} in ${reversed} of ${counted.length} groups large enough to judge. ` +
      `Holding ${f.by} fixed, ${withinWords(f)}: ${reading}.`,
  };
}

export function simpsonVerdict(d: SimpsonData, outcome: string): { verdict: Verdict; notes: string[] } {
  if (d.mode === "single") return { verdict: findingVerdict(d.findings[0]), notes: flipNote(d.findings[0]) };
  const correction = `a Holm correction over the ${d.examined} pairs scanned`;
  const notes = d.findings.slice(1, 5).map((f) => `${f.treatment} by ${f.by}: ${aggregateWords(f)}, but holding ${f.by} fixed ${withinWords(f)} (adjusted ${formatPValue(f.adjustedPValue)}).`);
  if (d.notCredible.length > 0) {
    const named = d.notCredible.slice(0, 3).map((f) => `${f.treatment} by ${f.by} (adjusted ${formatPValue(f.adjustedPValue)})`);
    notes.push(`${d.notCredible.length} more pair${d.notCredible.length > 1 ? "s reverse" : " reverses"} in direction without a within-group association that survives ${correction}: ${named.join(", ")}${d.notCredible.length > 3 ? ", …" : ""}. Examine one with --treatment and --by.`);
  }
  if (d.oneValue.length) notes.push(`Skipped ${d.oneValue.map((s) => `"${s}"`).join(", ")}: fewer than two values present (the rest missing), nothing to compare.`);
  if (d.skipped.length) notes.push(`Skipped ${d.skipped.map((s) => `"${s}"`).join(", ")}: too many distinct values to read as groups (raise --max-levels or bucket them).`);
  if (d.findings.length === 0) {
    return { verdict: { level: "ok", text: `No credible Simpson's reversal for ${outcome} among the ${d.examined} pairs of columns examined (treatment × grouping), after ${correction}.` }, notes };
  }
  return {
    verdict: {
      level: "warn",
      text: `Simpson's paradox: ${d.findings.length} of ${d.examined} pairs of columns reverse when the second is held fixed, credibly after ${correction}. Strongest: ${findingVerdict(d.findings[0]).text}`,
    },
    notes,
  };
}

/** A flip of direction that is not a reversal: said in a note, so a reader need not wonder. */
function flipNote(f: Finding): string[] {
  if (f.reversal || !f.flip) return [];
  const scale = f.comparison === "rates" ? "difference in rates" : f.comparison === "means" ? "Cohen's d" : "correlation";
  const aggregateOutside = `${formatFigures(f.aggregate.size)} overall and ${formatFigures(f.within.size)} within ${f.by}`;
  return [
    `The direction flips once ${f.by} is held fixed, but a reversal needs both associations to be at least the minimum effect (${scale}: ${aggregateOutside}) and the overall one to fall outside the within-group 95% interval; a flip of a negligible or uncertain effect is noise.`,
  ];
}
