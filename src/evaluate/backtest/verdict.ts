import { formatFigures, formatPValue } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import { gainOver, shortOf } from "../card-goal.js";
import type { BacktestData } from "./types.js";

/**
 * Degradation fails only when the trend is significant and the drop matters (the last period
 * loses to the baseline or misses the card's success value); a significant trend alone, losing
 * to the baseline, missing the success value or the minimum gain warn.
 */
export function backtestVerdict(d: BacktestData): Verdict {
  const values = d.folds.map((f) => f.model);
  const range = `${d.metric} ranged from ${formatFigures(Math.min(...values))} to ${formatFigures(Math.max(...values))} over ${d.folds.length} periods (${d.folds[0].from} to ${d.folds[d.folds.length - 1].to})`;
  const trend = Number.isNaN(d.trend.slope) ? "" : `; the trend is ${formatFigures(d.trend.slope)} per period (95% CI ${formatFigures(d.trend.low)} to ${formatFigures(d.trend.high)}, ${formatPValue(d.trend.pValue)})`;
  const name = d.baseline === "seasonal" ? `seasonal (${d.season} steps back)` : d.baseline;
  const missing = d.folds.length - d.comparedIn;
  const na = missing === 0 ? "" : ` (n/a in ${missing} with less than ${d.baseline === "seasonal" ? "a season" : "one step"} of history)`;
  const vs = d.comparedIn === 0 ? `The ${name} baseline could not be computed in any period: no period has ${d.baseline === "seasonal" ? "a season" : "a step"} of history before it.` : `It beat the ${name} baseline in ${d.beatsBaselineIn} of ${d.comparedIn} periods${na}, scored on the same rows.`;
  const lost = (d.series ?? []).filter((s) => s.model !== null && s.baseline !== null && !(d.greaterIsBetter ? s.model > s.baseline : s.model < s.baseline));
  const judged = (d.series ?? []).filter((s) => s.model !== null && s.baseline !== null);
  const perSeries = d.series ? ` Per series of ${d.seriesColumn}, it beat the baseline in ${judged.length - lost.length} of ${judged.length}${lost.length ? ` (not in ${lost.map((s) => s.series).join(", ")})` : ""}.` : "";
  const goal = goalText(d);
  if (d.degrading) {
    return { level: "fail", text: `Degrading: ${range}${trend}, and ${lastFailure(d)}. The model gets worse the further it is used from where it was trained; expect drift in production and plan retraining. ${vs}${perSeries}${goal.text}` };
  }
  if (d.significantTrend) {
    return { level: "warn", text: `Worsening: ${range}${trend}, but on ${d.folds.length} periods, and the drop is not yet material: ${d.folds[d.folds.length - 1].beats ? "the last period still beats the baseline" : "the last period has no baseline to lose to"}${d.goal?.success !== undefined ? " and meets the success value" : ""}${d.drop?.lead !== undefined ? `, and the fitted drop (${formatFigures(d.drop.size)}) is less than half the model's mean lead over the baseline (${formatFigures(d.drop.lead)})` : ""}. A warning, not yet a failure. Watch the next periods and plan retraining. ${vs}${perSeries}${goal.text}` };
  }
  if (d.beatsBaselineIn < d.comparedIn || lost.length > 0 || d.comparedIn === 0) {
    return { level: "warn", text: `No significant trend, but ${range}${trend}. ${vs}${perSeries} A model that loses to ${d.baseline} where it can be compared is not ready to replace it.${goal.text}` };
  }
  if (goal.short) return { level: "warn", text: `Stable, but short of the framing card's goal: ${range}${trend}. ${vs}${perSeries}${goal.text}` };
  return { level: "ok", text: `Stable: ${range}${trend}, with no significant degradation. ${vs}${perSeries}${goal.text}` };
}

function lastFailure(d: BacktestData): string {
  const last = d.folds[d.folds.length - 1];
  const reasons = [last.beats === false ? `loses to the ${d.baseline} baseline (${formatFigures(last.model)} against ${formatFigures(last.baseline)})` : ""];
  if (d.goal?.success !== undefined && shortOf(d.goal, last.model) > 0) reasons.push(`misses the success value ${formatFigures(d.goal.success)} (${formatFigures(last.model)})`);
  const text = reasons.filter(Boolean).join(" and ");
  if (text) return `in the last period it ${text}`;
  return d.drop?.lead !== undefined
    ? `the fitted drop of ${formatFigures(d.drop.size)} eats at least half its mean lead over the ${d.baseline} baseline (${formatFigures(d.drop.lead)})`
    : `the fitted drop of ${formatFigures(d.drop?.size ?? NaN)} grows its distance from a perfect score by half or more`;
}

/** The card's success value and minimum gain, period by period, in words; `short` when any period misses either. */
function goalText(d: BacktestData): { text: string; short: boolean } {
  const goal = d.goal;
  if (!goal) return { text: "", short: false };
  const parts: string[] = [];
  let short = false;
  if (goal.success !== undefined) {
    const misses = d.folds.filter((f) => shortOf(goal, f.model) > 0);
    const gaps = misses.map((f) => shortOf(goal, f.model));
    if (misses.length === 0) parts.push(`It meets the framing card's success value (${d.metric} ${formatFigures(goal.success)}) in every period.`);
    else {
      short = true;
      const where = misses.length === d.folds.length ? `in all ${d.folds.length} periods` : `in ${misses.length} of ${d.folds.length} periods (${periods(misses.map((f) => f.fold))})`;
      parts.push(`It falls short of the framing card's success value (${d.metric} ${formatFigures(goal.success)}) ${where}, by ${span(gaps)}.`);
    }
  }
  if (goal.minGain !== undefined) {
    const compared = d.folds.filter((f) => f.baseline !== null);
    const small = compared.filter((f) => gainOver(d.greaterIsBetter, f.model, f.baseline!) < goal.minGain!);
    if (compared.length === 0) parts.push(`The framing card's minimum gain (${formatFigures(goal.minGain)}) could not be checked: no period has the baseline.`);
    else if (small.length === 0) parts.push(`It beats the baseline by at least the framing card's minimum gain (${formatFigures(goal.minGain)}) in every period where both were scored.`);
    else {
      short = true;
      const gains = small.map((f) => gainOver(d.greaterIsBetter, f.model, f.baseline!));
      parts.push(`Its gain over the baseline is below the framing card's minimum gain (${formatFigures(goal.minGain)}) ${small.length === compared.length ? `in all ${compared.length} periods where both were scored` : `in ${small.length} of ${compared.length} periods where both were scored (${periods(small.map((f) => f.fold))})`}: it gained ${span(gains)}.`);
    }
  }
  return { text: ` ${parts.join(" ")}`, short };
}

function periods(folds: readonly number[]): string {
  return folds.length === 1 ? `period ${folds[0]}` : `periods ${folds.join(", ")}`;
}

function span(values: readonly number[]): string {
  const low = Math.min(...values), high = Math.max(...values);
  return low === high ? formatFigures(low) : `${formatFigures(low)} to ${formatFigures(high)}`;
}
