/**
 * The verdict reads three things: whether the large model is better at all (if not, a
 * second phase buys nothing), how much must escalate to stay within the tolerance of the
 * large model alone, and whether that saves time on this machine.
 */
import { formatFigures, formatPercent } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import type { TwoPhaseData } from "./types.js";

/** Above this share escalated, the small model's confidence hardly separates its mistakes: most rows pay for both models. */
export const MOSTLY_ESCALATED = 0.5;
/** The mean latency must fall below this share of the large model's alone for two-phase to count as saving time. */
export const TIME_SAVED = 0.9;

const f = (x: number) => formatFigures(x, 3);
const d = (x: number) => `${x < 0 ? "−" : "+"}${formatFigures(Math.abs(x), 2)}`;
const ms = (x: number) => `${formatFigures(x, 2)} ms`;

/** Whether the large model is better than the small one by more than the tolerance, with its interval above zero. */
export function largeHelps(data: TwoPhaseData): boolean {
  return data.largeGain.value > data.tolerance && data.largeGain.low > 0;
}

export function twoPhaseVerdict(data: TwoPhaseData): Verdict {
  const { small, large, chosen, largeGain: g } = data;
  const pair = `${large.model} ${f(large.accuracy)} against ${small.model} ${f(small.accuracy)} (${d(g.value)}, 95% CI ${d(g.low)} to ${d(g.high)})`;
  if (!largeHelps(data)) {
    return {
      level: "ok",
      text: `No gain from the large model: out-of-fold accuracy ${pair} is within the tolerance of ${f(data.tolerance)} or not clearly above zero, so a second phase buys nothing; serve ${small.model} alone (${ms(small.msPerRow)} a row against ${ms(data.largeLatency)}).`,
    };
  }
  const keeps = `answering with ${small.model} when its top probability is at least ${chosen.cut > 1 ? "above 1 (every row escalated)" : f(chosen.cut)} keeps accuracy at ${f(chosen.accuracy)}, within ${f(data.tolerance)} of ${large.model} alone (${f(large.accuracy)}), escalating ${formatPercent(chosen.escalated)} of rows`;
  const speed = `mean latency ${ms(chosen.latency)} a row against ${ms(data.largeLatency)} for ${large.model} alone (${data.cores} cores)`;
  if (chosen.escalated > MOSTLY_ESCALATED) {
    return { level: "warn", text: `Two-phase saves little: ${keeps}; ${small.model}'s confidence hardly separates its mistakes, so most rows pay for both models (${speed}). Serve ${large.model}, or find a small model that knows when it is unsure.` };
  }
  if (chosen.latency >= TIME_SAVED * data.largeLatency) {
    return { level: "warn", text: `Two-phase saves calls but hardly any time: ${keeps}, yet ${speed}, since ${large.model} is barely slower than ${small.model} here. It pays only if the large model's calls cost more where it runs (a network round trip: --round-trip).` };
  }
  return { level: "ok", text: `Two-phase prediction pays: ${large.model} beats ${small.model} (${pair}), and ${keeps}; ${speed}.` };
}

export function twoPhaseNotes(data: TwoPhaseData): string[] {
  const notes = [...data.notes];
  notes.push(`Both models were scored out of fold on the same ${data.validation}, so every row's two answers come from models that never saw it. A row escalates when ${data.small.model}'s largest class probability is below the cut; the chosen cut is the lowest that keeps accuracy within ${f(data.tolerance)} (${data.toleranceSource === "option" ? "--tolerance" : data.toleranceSource === "card" ? "the framing card's minimum gain" : "the default"}) of ${data.large.model} alone, searched over every distinct probability.`);
  notes.push(`The chosen system against ${data.large.model} alone: ${d(data.chosenVsLarge.value)} accuracy (95% paired bootstrap CI ${d(data.chosenVsLarge.low)} to ${d(data.chosenVsLarge.high)}). The cut is picked on the same rows it is scored on, so the accuracy at it leans slightly optimistic; confirm it on a held-out set.`);
  notes.push(`Latency: each model's per-row predict time (the model of the first fold), rows predicted one at a time (${data.small.rowsTimed} rows, median of ${data.small.repeats} repeats) on this machine's ${data.cores} cores: ${data.small.model} ${ms(data.small.msPerRow)}, ${data.large.model} ${ms(data.large.msPerRow)}${data.roundTrip > 0 ? `, plus a round trip of ${ms(data.roundTrip)} for each call of ${data.large.model}` : ""}. The mean latency is the small model's time plus the escalated share of the large model's.`);
  return notes;
}
