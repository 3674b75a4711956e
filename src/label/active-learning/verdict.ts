/**
 * The verdict claims savings only for a strategy whose gain over random picks, paired by
 * seed, lies above zero beyond the seeds' noise; otherwise it says plainly that random
 * picks do as well here, whatever the mean curves suggest, when no strategy's interval
 * reaches a gain that matters (the practical margin). An interval that holds zero and such
 * a gain at once is inconclusive, and the verdict says so and how many seeds would settle it.
 */
import { formatFigures, formatPercent } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import { tQuantile } from "../../stats/slope.js";
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
  const open = others.filter((c) => c.inconclusive).sort((a, b) => b.gainOverRandom!.mean - a.gainOverRandom!.mean);
  const margin = formatFigures(d.practicalGain, 2);
  if (open.length > 0) {
    const lead = open[0];
    const g = lead.gainOverRandom!;
    const more = seedsToSettle(g, d.seeds, d.confidence, d.practicalGain);
    // Many more seeds than these (a small test set, a gain of a point or two at stake): say what settling it would cost rather than ask for it.
    const advice =
      more !== null && more <= WORTH_SEEDS * d.seeds
        ? `run about ${count(more)} seeds (--seeds ${more}; the interval narrows as 1/√seeds) to settle it before choosing random picks.`
        : `settling it would take ${more === null ? `more than ${count(MAX_SEEDS)}` : `about ${count(more)}`} seeds (the interval narrows as 1/√seeds). With so small a gain at stake, random picks remain the simpler choice, though not a proven equal one.`;
    return {
      level: "warn",
      text:
        `Active learning does not beat random picks here beyond the noise of ${seeds}, but the seeds cannot rule out that it does: ` +
        `${lead.strategy} differs from random by ${interval(g, formatPercent(d.confidence, 2))} in ${d.metric} along the curve, an interval that holds gains above ${margin} as well as none. ` +
        `This is inconclusive, not a tie: ${advice}`,
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
      `${worse}${saturated} Label a random sample: it is simpler, and as good on this data (no strategy's interval reaches a gain of ${margin}).`,
  };
}

const MAX_SEEDS = 200;
/** Seeds beyond this multiple of those run are not worth asking for. */
const WORTH_SEEDS = 4;
/** The standard normal's 80% quantile: the power of the sample-size rule. */
const POWER_Z = 0.8416212335729143;

/**
 * Roughly the seeds at which the gain's interval, with the spread these seeds show and the
 * mean where it is, would settle the question: lie above zero (half-width below |mean|) or
 * within ± the practical margin (half-width below margin − |mean|), whichever comes first.
 * The half-width is t(n − 1) · s / √n, with s read back from the interval; the usual
 * sample-size rule adds z(0.8) to t so that a new run settles it four times in five rather
 * than one in two (the new mean moves too). Null past MAX_SEEDS.
 */
export function seedsToSettle(g: { mean: number; low: number; high: number }, seeds: number, confidence: number, margin: number): number | null {
  const q = 1 - (1 - confidence) / 2;
  const half = (g.high - g.low) / 2;
  const spread = (half * Math.sqrt(seeds)) / tQuantile(q, seeds - 1);
  const goal = Math.max(Math.abs(g.mean), margin - Math.abs(g.mean));
  for (let n = seeds + 1; n <= MAX_SEEDS; n++) if (((tQuantile(q, n - 1) + POWER_Z) * spread) / Math.sqrt(n) < goal) return n;
  return null;
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
    `A strategy beats random when its gain in ${d.metric}, averaged over the curve and paired by seed, has a t-interval above zero (${formatPercent(d.confidence)} confidence, Bonferroni-adjusted for the strategies compared); when the interval holds zero but reaches above a gain of ${formatFigures(d.practicalGain, 2)} (the smallest that matters here), the comparison is inconclusive rather than a tie.`,
  ];
  return [...d.notes, ...notes];
}
