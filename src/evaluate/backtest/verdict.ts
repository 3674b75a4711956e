import { formatCell, formatPValue } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import type { BacktestData } from "./types.js";

/** Degradation across periods fails; losing to the baseline in any period or series warns. */
export function backtestVerdict(d: BacktestData): Verdict {
  const values = d.folds.map((f) => f.model);
  const range = `${d.metric} ranged from ${formatCell(Math.min(...values))} to ${formatCell(Math.max(...values))} over ${d.folds.length} periods (${d.folds[0].from} to ${d.folds[d.folds.length - 1].to})`;
  const trend = Number.isNaN(d.trend.slope) ? "" : `; the trend is ${formatCell(d.trend.slope)} per period (95% CI ${formatCell(d.trend.low)} to ${formatCell(d.trend.high)}, ${formatPValue(d.trend.pValue)})`;
  const name = d.baseline === "seasonal" ? `seasonal (${d.season} steps back)` : d.baseline;
  const missing = d.folds.length - d.comparedIn;
  const na = missing === 0 ? "" : ` (n/a in ${missing} with less than ${d.baseline === "seasonal" ? "a season" : "one step"} of history)`;
  const vs = d.comparedIn === 0 ? `The ${name} baseline could not be computed in any period: no period has ${d.baseline === "seasonal" ? "a season" : "a step"} of history before it.` : `It beat the ${name} baseline in ${d.beatsBaselineIn} of ${d.comparedIn} periods${na}.`;
  const lost = (d.series ?? []).filter((s) => s.model !== null && s.baseline !== null && !(d.greaterIsBetter ? s.model > s.baseline : s.model < s.baseline));
  const judged = (d.series ?? []).filter((s) => s.model !== null && s.baseline !== null);
  const perSeries = d.series ? ` Per series of ${d.seriesColumn}, it beat the baseline in ${judged.length - lost.length} of ${judged.length}${lost.length ? ` (not in ${lost.map((s) => s.series).join(", ")})` : ""}.` : "";
  if (d.degrading) {
    return { level: "fail", text: `Degrading: ${range}${trend}. The model gets worse the further it is used from where it was trained; expect drift in production and plan retraining. ${vs}${perSeries}` };
  }
  if (d.beatsBaselineIn < d.comparedIn || lost.length > 0 || d.comparedIn === 0) {
    return { level: "warn", text: `No significant trend, but ${range}${trend}. ${vs}${perSeries} A model that loses to ${d.baseline} where it can be compared is not ready to replace it.` };
  }
  return { level: "ok", text: `Stable: ${range}${trend}, with no significant degradation. ${vs}${perSeries}` };
}
