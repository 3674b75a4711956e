import { formatCell, formatPercent } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import type { Rates, ThresholdsData } from "./types.js";

/** A learned threshold that beats 0.5 on held-out folds warns (0.5 is then the wrong habit); otherwise keep 0.5. */
export function thresholdsVerdict(d: ThresholdsData): Verdict {
  const objective = d.costs ? "cost per row" : "F1";
  const value = (p: Rates) => (d.costs ? p.cost! : p.f1);
  const better = d.costs ? value(d.honest) < value(d.atHalf) : value(d.honest) > value(d.atHalf);
  const same = Math.abs(d.learned.threshold - 0.5) < 0.015;
  const rule = `(precision ${formatCell(d.honest.precision)}, recall ${formatCell(d.honest.recall)})`;
  if (same) return { level: "ok", text: `The best threshold for "${d.positive}" is 0.5 here (${objective} ${formatCell(value(d.learned))}); keep it.` };
  if (!better) {
    return {
      level: "ok",
      text: `Keep 0.5 for "${d.positive}": the best threshold on all rows is ${d.learned.threshold.toFixed(2)}, but chosen on other folds it gives ${objective} ${formatCell(value(d.honest))} against ${formatCell(value(d.atHalf))} at 0.5, so the gain does not hold up on held-out rows.`,
    };
  }
  return {
    level: "warn",
    text: `Use a threshold of ${d.learned.threshold.toFixed(2)} for "${d.positive}", not 0.5: learned on other folds it gives ${objective} ${formatCell(value(d.honest))} against ${formatCell(value(d.atHalf))} at 0.5 ${rule}.`,
  };
}

export function thresholdsNotes(d: ThresholdsData): string[] {
  const notes = [...d.notes, `"${d.positive}" is ${formatPercent(d.prevalence)} of the rows scored; average precision (area under the precision–recall curve) ${formatCell(d.averagePrecision)}.`];
  if (d.costs && d.theoretical !== undefined) {
    notes.push(
      `With a false positive costing ${formatCell(d.costs.falsePositive)} and a miss ${formatCell(d.costs.falseNegative)}, perfectly calibrated probabilities would call for a threshold of ${d.theoretical.toFixed(2)}; the learned ${d.learned.threshold.toFixed(2)} also corrects for how calibrated ${d.model}'s probabilities are.`,
    );
  }
  notes.push(`Probabilities are out of fold (${d.validation}); the threshold is chosen on a grid of 0.01. Drag the slider on the chart to see precision, recall and cost at any threshold.`);
  return notes;
}
