/**
 * The verdict claims savings only for a strategy whose gain over random picks, paired by
 * seed, lies above zero beyond the seeds' noise; otherwise it says plainly that random
 * picks do as well here, whatever the mean curves suggest.
 */
import { formatFigures, formatPercent } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import type { ActiveLearningData, StrategyCurve } from "./types.js";

const count = (n: number) => n.toLocaleString("en-US");
const interval = (g: { mean: number; low: number; high: number }, ci: string) => `${signed(g.mean)} (${ci} CI ${signed(g.low)} to ${signed(g.high)})`;
const signed = (x: number) => (x >= 0 ? "+" : "−") + formatFigures(Math.abs(x), 2);

export function activeLearningVerdict(d: ActiveLearningData): Verdict {
  const random = d.curves.find((c) => c.strategy === "random")!;
  const others = d.curves.filter((c) => c.strategy !== "random");
  const goal = `${d.metric} ${formatFigures(d.successValue)}`;
  const randomReach = random.labelsToSuccess === null ? `random picks do not reach it within ${count(d.budget)} labels` : `random picks need ${count(random.labelsToSuccess)}`;
  // The strongest gain along the whole curve leads: labels saved at one value moves by a batch with the noise of one round.
  const winners = others.filter((c) => c.beatsRandom).sort((a, b) => b.gainOverRandom!.mean - a.gainOverRandom!.mean);
  const seeds = `${d.seeds} seeds`;
  if (winners.length > 0) {
    const best = winners[0];
    const saved = best.labelsSaved;
    const reach =
      best.labelsToSuccess !== null && saved && saved.labels > 0
        ? `reaches ${goal} with ${count(best.labelsToSuccess)} labels where ${randomReach}: ${saved.atLeast ? "at least " : ""}${count(saved.labels)} labels saved (${formatPercent(saved.share)})`
        : `scores higher than random picks along the curve, though not sooner at ${goal} (${randomReach}${best.labelsToSuccess === null ? "; it does not reach it either" : `, it needs ${count(best.labelsToSuccess)}`})`;
    return {
      level: "ok",
      text: `Active learning pays here: ${best.strategy} sampling ${reach}. Over ${seeds} its ${d.metric} beats random picks by ${interval(best.gainOverRandom!, formatPercent(d.confidence, 2))} on average along the curve.`,
    };
  }
  const best = [...others].sort((a, b) => b.gainOverRandom!.mean - a.gainOverRandom!.mean)[0];
  const losers = others.filter((c) => c.losesToRandom);
  const worse = losers.length > 0 ? ` ${listNames(losers)} ${losers.length === 1 ? "does" : "do"} worse than random picks beyond the noise.` : "";
  const saturated = random.points[0] && Math.abs(random.points[0].mean - random.points[random.points.length - 1].mean) < 0.01 ? ` The model scores ${formatFigures(random.points[0].mean)} with the ${count(d.start)} start labels and ${formatFigures(random.points[random.points.length - 1].mean)} with all ${count(d.budget)}: more labels barely help, however they are chosen.` : "";
  return {
    level: "warn",
    text:
      `Active learning does not beat random picks here beyond the noise of ${seeds}: ` +
      (best ? `the best strategy, ${best.strategy}, differs from random by ${interval(best.gainOverRandom!, formatPercent(d.confidence, 2))} in ${d.metric} along the curve.` : "no strategy was compared with random.") +
      `${worse}${saturated} Label a random sample: it is simpler, and as good on this data.`,
  };
}

function listNames(curves: readonly StrategyCurve[]): string {
  const names = curves.map((c) => c.strategy);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function activeLearningNotes(d: ActiveLearningData): string[] {
  const source = d.successSource === "option" ? "the value given" : d.successSource === "card" ? "the framing card's success value" : "the score random picks reach with the whole budget (no success value was given)";
  const notes = [
    `Each of ${d.seeds} seeds holds out its own test set (${d.validation}; ${count(d.testRows)} rows scored per round) and labels from a pool of ${count(d.poolRows)} rows: ${count(d.start)} random start labels, then ${d.rounds} rounds of ${count(d.batch)} up to ${count(d.budget)}. A row's label is read only when a strategy picks it.`,
    `Success value: ${formatFigures(d.successValue)} (${source}). Uncertainty is the ${d.uncertainty === "least-confidence" ? "least confidence (1 − top probability)" : d.uncertainty === "margin" ? "margin between the two likeliest classes" : "entropy of the class probabilities"}; diversity is the greedy core-set on standardized features; combined spreads each batch over the most uncertain rows.`,
    `A strategy beats random when its gain in ${d.metric}, averaged over the curve and paired by seed, has a t-interval above zero (${formatPercent(d.confidence)} confidence, Bonferroni-adjusted for the strategies compared).`,
  ];
  return [...d.notes, ...notes];
}
