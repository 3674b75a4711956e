import { formatFigures, formatPercent } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import { objectiveValue } from "./compute.js";
import type { Objective, Rates, ThresholdsData } from "./types.js";

const NAMES: Readonly<Record<Objective, string>> = { cost: "cost per row", f1: "F1", accuracy: "accuracy", "balanced-accuracy": "balanced accuracy" };

/**
 * First: does the model rank at all (average precision credibly above the prevalence)? Then:
 * does the learned threshold beat the no-skill policies (flag every row, or none)? Only then
 * is 0.5 against the learned threshold worth a verdict: a learned threshold that beats 0.5 on
 * held-out folds warns (0.5 is then the wrong habit); otherwise keep 0.5.
 */
export function thresholdsVerdict(d: ThresholdsData): Verdict {
  const objective = NAMES[d.objective];
  const value = (p: Rates) => (d.costs ? p.cost! : objectiveValue(p, d.objective));
  const score = (p: Rates) => objectiveValue(p, d.objective);
  const noSkill = score(d.flagEveryone) >= score(d.flagNobody) ? { name: "flagging every row", rates: d.flagEveryone } : { name: "flagging no row", rates: d.flagNobody };
  const noSkillText = `${noSkill.name} gives ${objective} ${formatFigures(value(noSkill.rates))}`;
  if (!(d.averagePrecisionExcess.low > 0)) {
    return {
      level: "warn",
      text: `${d.model} ranks "${d.positive}" no better than chance: average precision ${formatFigures(d.averagePrecision)} against a prevalence of ${formatFigures(d.prevalence)} (the difference's 95% CI ${formatFigures(d.averagePrecisionExcess.low)} to ${formatFigures(d.averagePrecisionExcess.high)}), so no threshold helps; ${noSkillText}. Improve the model (features, model choice) before choosing a threshold.`,
    };
  }
  if (!(score(d.honest) > score(noSkill.rates))) {
    return {
      level: "warn",
      text: `No threshold beats ${noSkill.name}: learned on other folds it gives ${objective} ${formatFigures(value(d.honest))}, and ${noSkillText}. The model ranks better than chance, but not well enough for a threshold to pay on ${objective}.`,
    };
  }
  const better = score(d.honest) > score(d.atHalf);
  const same = Math.abs(d.learned.threshold - 0.5) < 0.015;
  const rule = `(precision ${formatFigures(d.honest.precision)}, recall ${formatFigures(d.honest.recall)})`;
  if (same) return { level: "ok", text: `The best threshold for "${d.positive}" is 0.5 here (${objective} ${formatFigures(value(d.learned))}); keep it.` };
  if (!better) {
    return {
      level: "ok",
      text: `Keep 0.5 for "${d.positive}": the best threshold on all rows is ${formatFigures(d.learned.threshold, 2)}, but chosen on other folds it gives ${objective} ${formatFigures(value(d.honest))} against ${formatFigures(value(d.atHalf))} at 0.5, so the gain does not hold up on held-out rows.`,
    };
  }
  return {
    level: "warn",
    text: `Use a threshold of ${formatFigures(d.learned.threshold, 2)} for "${d.positive}", not 0.5: learned on other folds it gives ${objective} ${formatFigures(value(d.honest))} against ${formatFigures(value(d.atHalf))} at 0.5 ${rule}; ${noSkillText}.`,
  };
}

export function thresholdsNotes(d: ThresholdsData): string[] {
  const notes = [...d.notes, `"${d.positive}" is ${formatPercent(d.prevalence)} of the rows scored; average precision (area under the precision–recall curve) ${formatFigures(d.averagePrecision)}.`];
  if (d.costs && d.theoretical !== undefined) {
    notes.push(
      `With a false positive costing ${formatFigures(d.costs.falsePositive)} and a miss ${formatFigures(d.costs.falseNegative)}, perfectly calibrated probabilities would call for a threshold of ${formatFigures(d.theoretical, 2)}; the learned ${formatFigures(d.learned.threshold, 2)} also corrects for how calibrated ${d.model}'s probabilities are.`,
    );
  }
  notes.push(`Probabilities are out of fold (${d.validation}); the threshold is chosen on a grid of 0.01. Drag the slider on the chart to see precision, recall and cost at any threshold.`);
  return notes;
}
