/** The baseline verdict: does the best model beat the best baseline by the rule's margin? */
import { formatFigures } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import type { BaselineData } from "./types.js";

export function baselineVerdict(d: BaselineData): { verdict: Verdict; notes: string[] } {
  return { verdict: verdictOf(d), notes: notesOf(d) };
}

function verdictOf(d: BaselineData): Verdict {
  const model = d.contenders.find((c) => c.name === d.bestModel)!;
  const base = d.contenders.find((c) => c.name === d.bestBaseline)!;
  const numbers =
    `${d.bestModel} scores ${d.metric} ${formatFigures(model.score)} (95% CI ${formatFigures(model.low)} to ${formatFigures(model.high)}) against ${formatFigures(base.score)} for the best baseline, ${d.bestBaseline}; ` +
    `gain ${formatFigures(d.gain.value)} (${formatFigures(d.gain.low)} to ${formatFigures(d.gain.high)}), normalized gain ${formatFigures(d.normalizedGain.value)} (${formatFigures(d.normalizedGain.low)} to ${formatFigures(d.normalizedGain.high)})`;
  return d.beats
    ? { level: "ok", text: `${d.bestModel} beats the baselines: ${numbers}, which meets ${d.rule}.` }
    : {
        level: "fail",
        text:
          `${d.bestModel} does not beat the baselines convincingly: ${numbers}; success needs ${d.rule}. ` +
          (base.kind === "baseline"
            ? "A model that cannot beat a naive baseline has not learned anything useful yet."
            : `It adds nothing measurable over the ${base.kind === "human" ? "human baseline" : "hand-written rule"}: keep the simpler solution, or give the model information the ${base.kind === "human" ? "people" : "rule"} do not have.`),
      };
}

function notesOf(d: BaselineData): string[] {
  const notes: string[] = d.unlabelled ? [d.unlabelled] : [];
  const zeroRule = d.contenders.find((c) => c.name === "zero-rule");
  if (zeroRule && d.metric === "accuracy" && zeroRule.score > 0.8) {
    notes.push(`The zero rule alone reaches accuracy ${formatFigures(zeroRule.score)}: one class dominates, so also judge the model by balanced accuracy or per-class recall.`);
  }
  const human = d.contenders.find((c) => c.kind === "human");
  if (human) notes.push(`Human or current-process baseline: ${formatFigures(human.score)}${human.source ? ` (${human.source})` : ""}.`);
  return notes;
}
