import { formatFigures } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import type { TestEvaluation } from "./types.js";

/**
 * A first look that meets the card's goal is ok. A score below the card's success value, or a
 * gain over the existing solution below its minimum, warns with the gap; so does every look
 * after the first, which bends later choices toward the test set.
 */
export function evaluateVerdict(d: TestEvaluation, model: string, rows: number): Verdict {
  const parts = [`${model} scores ${d.metric} ${formatFigures(d.score)} on the guarded test set (${rows} rows). Models evaluated on this test set so far: ${d.looks}.`];
  let short = false;
  if (d.goal?.success !== undefined && d.shortOfSuccess !== undefined) {
    if (d.shortOfSuccess > 0) {
      short = true;
      parts.push(`That is below the framing card's success value (${d.metric} ${formatFigures(d.goal.success)}), short by ${formatFigures(d.shortOfSuccess)}: the model does not yet do what the project set out to do.`);
    } else {
      parts.push(`That meets the framing card's success value (${d.metric} ${formatFigures(d.goal.success)}).`);
    }
  }
  if (d.goal?.minGain !== undefined && d.gain !== undefined && d.existingScore !== undefined) {
    if (d.gain < d.goal.minGain) {
      short = true;
      parts.push(`Against the existing solution's ${formatFigures(d.existingScore)} it gains ${formatFigures(d.gain)}, less than the card's minimum gain of ${formatFigures(d.goal.minGain)}.`);
    } else {
      parts.push(`Against the existing solution's ${formatFigures(d.existingScore)} it gains ${formatFigures(d.gain)}, at least the card's minimum gain of ${formatFigures(d.goal.minGain)}.`);
    }
  }
  if (d.looks > 1) {
    parts.push("Every look after the first bends your choices toward this test set, so the score flatters the model more each time; keep a fresh test set for the final estimate.");
    return { level: "warn", text: parts.join(" ") };
  }
  parts.push("A first look: this estimate is unbiased.");
  return { level: short ? "warn" : "ok", text: parts.join(" ") };
}
