/** The words of an error analysis: where the model fails most, and what fixing it is worth. */
import { formatFigures, formatPercent } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import type { ErrorsData } from "./types.js";

export function errorsVerdict(d: ErrorsData): { verdict: Verdict; notes: string[] } {
  return { verdict: verdictOf(d), notes: notesOf(d) };
}

function verdictOf(d: ErrorsData): Verdict {
  const [worst] = d.slices;
  if (!worst) {
    return {
      level: "ok",
      text: `No slice of at least ${d.minSupport.toLocaleString("en-US")} rows has a clearly higher ${d.error} than the ${formatFigures(d.overallError)} overall (${d.examined.toLocaleString("en-US")} slices examined): the errors are spread out, so look at individual rows or at better features.`,
    };
  }
  const significant = worst.gainLow > 0;
  return {
    level: significant ? "warn" : "ok",
    text:
      `The model fails most where ${worst.slice}: ${worst.rows.toLocaleString("en-US")} rows (${formatPercent(worst.share)}) with ${d.error} ${formatFigures(worst.error)} against ${formatFigures(d.overallError)} overall. ` +
      `Doing as well there as elsewhere would take ${d.metric} from ${formatFigures(d.overall)} to ${formatFigures(worst.ifFixed)} (95% CI ${formatFigures(worst.ifFixedLow)} to ${formatFigures(worst.ifFixedHigh)})` +
      (significant ? "." : `; among ${d.examined.toLocaleString("en-US")} slices examined, a gain this size is within the noise.`),
  };
}

function notesOf(d: ErrorsData): string[] {
  const notes: string[] = [];
  const [leaf] = d.tree;
  if (leaf && leaf.rule !== "all rows") notes.push(`Surrogate tree: the highest ${d.error} (${formatFigures(leaf.error)}, ${leaf.rows.toLocaleString("en-US")} rows) is where ${leaf.rule}.`);
  d.clusters.forEach((c, i) => notes.push(`Cluster ${i + 1} of the ${d.metric === "accuracy" ? "misclassified" : "worst-predicted"} rows (${c.rows.toLocaleString("en-US")} rows): ${c.traits}.`));
  notes.push(`Out-of-fold predictions; slices need ${d.minSupport.toLocaleString("en-US")} rows, at most half of all rows, and a positive SliceLine score; numbers are cut into quantile bins and also one-sided ranges at their edges (${d.examined.toLocaleString("en-US")} examined).`);
  notes.push(...d.encoding);
  return notes;
}
