/** The baseline verdict: does the best model beat the best baseline by the rule's margin? */
import { formatCell } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import type { BaselineData } from "./types.js";

export function baselineVerdict(d: BaselineData): { verdict: Verdict; notes: string[] } {
  return { verdict: verdictOf(d), notes: notesOf(d) };
}

function verdictOf(d: BaselineData): Verdict {
  const model = d.contenders.find((c) => c.name === d.bestModel)!;
  const base = d.contenders.find((c) => c.name === d.bestBaseline)!;
  const numbers =
    `${d.bestModel} scores ${d.metric} ${formatCell(model.score)} (95% CI ${formatCell(model.low)} to ${formatCell(model.high)}) against ${formatCell(base.score)} for the best baseline, ${d.bestBaseline}; ` +
    `gain ${formatCell(d.gain.value)} (${formatCell(d.gain.low)} to ${formatCell(d.gain.high)}), normalized gain ${formatCell(d.normalizedGain.value)} (${formatCell(d.normalizedGain.low)} to ${formatCell(d.normalizedGain.high)})`;
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
    notes.push(`The zero rule alone reaches accuracy ${formatCell(zeroRule.score)}: one class dominates, so also judge the model by balanced accuracy or per-class recall.`);
  }
  const human = d.contenders.find((c) => c.kind === "human");
  if (human) notes.push(`Human or current-process baseline: ${formatCell(human.score)}${human.source ? ` (${human.source})` : ""}.`);
  return notes;
}
