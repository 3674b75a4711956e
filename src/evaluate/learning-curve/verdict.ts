/**
 * The learning curve's verdict, read from the points first and the fitted law second: a
 * success value already met is said to be met; "still rising" needs both the fit and the
 * last measured step to rise; rows needed are given only when not yet reached and within
 * the fitted floor.
 */
import { formatFigures } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import type { LearningCurveData } from "./types.js";

const sig = (x: number) => formatFigures(x);
const rows = (n: number) => Math.round(n).toLocaleString("en-US");

export function learningCurveVerdict(d: LearningCurveData): { verdict: Verdict; notes: string[] } {
  const last = d.points[d.points.length - 1];
  const at = `at ${rows(last.size)} training rows, validation ${d.metric} is ${sig(last.validation)} (training ${sig(last.train)})`;
  const direction = d.greaterIsBetter ? -1 : 1;
  const floorScore = d.fit ? d.perfect + direction * d.fit.floor : undefined;
  // A floor within the last point's noise (or past it) is where the curve already is, and is said so.
  const lastError = Math.abs(d.perfect - last.validation);
  const lastNoise = (Number.isFinite(last.validationStd) ? last.validationStd : 0) / Math.sqrt(Math.max(1, last.folds));
  const atFloor = d.fit !== undefined && d.fit.floor >= lastError - lastNoise;
  const law = d.fit
    ? d.fit.floor === 0
      ? "; the fitted curve shows no floor yet within these sizes"
      : atFloor
      ? `; the fitted curve is already at its floor (${d.metric} ${sig(floorScore!)})`
      : `; the fitted curve levels off at ${d.metric} ${sig(floorScore!)} with unlimited data of this kind`
    : "";
  const advice =
    d.diagnosis === "high variance"
      ? "The gap between training and validation says high variance: more data, stronger regularisation or a simpler model should help."
      : d.diagnosis === "high bias"
        ? "Training and validation are close but far from perfect, which says high bias: better features or a more flexible model help more than rows of the same kind."
        : "Training and validation scores are close.";
  let success = "";
  if (d.successValue !== undefined) {
    if (d.reached) success = ` The success value ${sig(d.successValue)} is already reached at ${rows(d.reachedAt!)} rows.`;
    else if (d.rowsNeeded) success = ` About ${rows(d.rowsNeeded.estimate)} rows (95% range ${rows(d.rowsNeeded.low)} to ${d.rowsNeeded.high === null ? "unbounded" : rows(d.rowsNeeded.high)}) would reach the success value ${sig(d.successValue)}.`;
    else if (d.beyondFloor) success = ` The success value ${sig(d.successValue)} lies beyond that level: more rows of this kind will not reach it; better features or another model might.`;
  }
  const notes: string[] = [];
  if (d.reached) {
    return { verdict: { level: "ok", text: `Success reached: ${at}${law}.${success} ${d.state === "rising" ? `The curve is still rising, about ${sig(d.gainPerDoubling)} per doubling.` : "The curve has flattened."}` }, notes };
  }
  if (d.state === "rising") {
    return { verdict: { level: "ok", text: `Still rising: ${at}${law}, and another doubling of the data is predicted to gain about ${sig(d.gainPerDoubling)} (the last step gained ${sig(d.lastGainPerDoubling)} per doubling).${success} ${advice}` }, notes };
  }
  return {
    verdict: { level: "warn", text: `Plateaued: ${at}${law}; the last step gained ${sig(d.lastGainPerDoubling)} per doubling and the curve predicts ${sig(d.gainPerDoubling)} for the next. More data of the same kind is unlikely to help.${success} ${advice}` },
    notes,
  };
}
