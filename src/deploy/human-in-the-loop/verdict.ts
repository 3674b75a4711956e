/**
 * Does asking a person pay? The cheapest setting of the best policy is compared, row by row
 * on the same out-of-fold predictions, with acting on every prediction and with asking on
 * every request; a saving counts when its 95% paired bootstrap interval is above zero.
 */
import { formatFigures, formatPercent } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import type { HumanInTheLoopData, PolicyName, PolicyResult } from "./types.js";

const count = (n: number) => n.toLocaleString("en-US");
/** A cost or saving to 3 significant figures, with a true minus sign. */
const money = (x: number) => `${x < 0 ? "−" : ""}${formatFigures(Math.abs(x), 3)}`;

export const POLICY_WORDS: Record<PolicyName, string> = {
  threshold: "a probability threshold",
  cost: "the expected-cost rule",
  neighbours: "the error rate on similar past requests",
};

export function settingText(p: PolicyResult, neighbours: number): string {
  const v = p.best.parameter;
  if (p.policy === "threshold") return `ask when the top-class probability is below ${formatFigures(v, 2)}`;
  if (p.policy === "cost") return `ask when ${v === 1 ? "" : `${formatFigures(v, 3)} × `}the expected cost of acting exceeds the cost of asking`;
  return `ask when more than ${formatPercent(v)} of the ${neighbours} most similar past requests were wrong`;
}

export function humanInTheLoopVerdict(d: HumanInTheLoopData): Verdict {
  const best = d.policies.find((p) => p.policy === d.bestPolicy)!;
  const vsAct = d.savings.find((s) => s.against === "act-all")!;
  const vsAsk = d.savings.find((s) => s.against === "ask-all")!;
  const paysAct = vsAct.low > 0;
  const paysAsk = vsAsk.low > 0;
  const costs = `acting on everything costs ${money(d.actAllCost)}, asking on everything ${money(d.askAllCost)}`;
  const setting = `${POLICY_WORDS[best.policy]} (${settingText(best, d.neighbours)}) automates ${formatPercent(best.best.coverage)} of the ${count(d.rows)} requests${best.best.coverage > 0 ? ` at accuracy ${formatFigures(best.best.accuracy, 3)}` : ""} for a total cost of ${money(best.best.cost)} (95% CI ${money(best.low)} to ${money(best.high)})`;
  const saving = (s: typeof vsAct) => `${money(s.saving)} (95% CI ${money(s.low)} to ${money(s.high)})`;
  if (paysAct && paysAsk) {
    return { level: "ok", text: `Asking a person pays where the model is unsure: ${setting}; ${costs}, so it saves ${saving(vsAct)} against acting on everything and ${saving(vsAsk)} against asking on everything.` };
  }
  if (!paysAct && d.actAllCost <= d.askAllCost) {
    return {
      level: "ok",
      text: `Automate everything: acting on every prediction costs ${money(d.actAllCost)} (out-of-fold accuracy ${formatFigures(d.accuracy, 3)}) and no routing beats it by a clear margin: the cheapest, ${POLICY_WORDS[best.policy]} (${settingText(best, d.neighbours)}), automates ${formatPercent(best.best.coverage)} and saves ${saving(vsAct)}. Asking on everything would cost ${money(d.askAllCost)}.`,
    };
  }
  if (!paysAsk && best.best.coverage === 0) {
    return {
      level: "warn",
      text: `The model does not earn its keep on its own: acting on every prediction costs ${money(d.actAllCost)} (out-of-fold accuracy ${formatFigures(d.accuracy, 3)}) against ${money(d.askAllCost)} for asking a person every time, and no routing automates any request more cheaply. Keep people on these requests, or improve the model first.`,
    };
  }
  if (!paysAsk) {
    return { level: "warn", text: `The model does not earn its keep on its own: ${costs}, and the best routing (${setting}) saves ${saving(vsAsk)} against asking a person every time. Keep people on these requests, or improve the model first.` };
  }
  return { level: "ok", text: `Asking a person on some requests beats asking on everything (saves ${saving(vsAsk)}) but not clearly acting on everything (saves ${saving(vsAct)}): ${setting}; ${costs}.` };
}

export function humanInTheLoopNotes(d: HumanInTheLoopData): string[] {
  const c = d.costs;
  const notes = [...d.notes];
  notes.push(`Each request is predicted by ${d.model} trained without it (${d.validation}). A person is assumed always right: a request they answer costs ${money(c.ask)}; an automated one costs ${money(c.act)}, plus ${money(c.error)} when the prediction is wrong.`);
  for (const p of d.policies) {
    notes.push(`${POLICY_WORDS[p.policy][0].toUpperCase()}${POLICY_WORDS[p.policy].slice(1)}: cheapest at ${settingText(p, d.neighbours)}, coverage ${formatPercent(p.best.coverage)}, ${p.best.coverage > 0 ? `accuracy on the automated rows ${formatFigures(p.best.accuracy, 3)}` : "nothing automated"}, total cost ${money(p.best.cost)} (95% CI ${money(p.low)} to ${money(p.high)}).`);
  }
  const plain = d.policies.find((p) => p.policy === "cost")!.curve.find((q) => q.parameter === 1);
  if (plain) notes.push(`With one error cost the expected-cost rule is a probability threshold at 1 − (ask − act)/error; taken at face value (trust 1) it automates ${formatPercent(plain.coverage)} for ${money(plain.cost)}. Its cheapest trust factor far from 1 means the probabilities are not calibrated for this decision.`);
  notes.push(`Similar past requests are the ${d.neighbours} nearest other rows on the standardized numeric columns (${d.features.join(", ")}); categories are not used. Each policy's setting is chosen on the same rows it is scored on, so the savings lean slightly optimistic; the intervals resample rows with the setting fixed.`);
  return notes;
}
