/**
 * Did tuning earn its complexity? The gain of the tuned params over the defaults on the
 * same folds, with its paired interval: clear of zero (and past the card's minimum gain)
 * it did; within noise the verdict says so quietly and keeps the defaults; clearly
 * negative (possible under nested validation) it warns.
 */
import { formatCell } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import type { ParamValue, TuneData } from "./types.js";

export function describeParams(params: Readonly<Record<string, ParamValue>>): string {
  const entries = Object.entries(params);
  return entries.length === 0 ? "the defaults" : entries.map(([k, v]) => `${k} = ${typeof v === "number" ? formatCell(v) : String(v)}`).join(", ");
}

const signed = (x: number) => (x >= 0 ? "+" : "−") + formatCell(Math.abs(x));

export function tuneVerdict(d: TuneData): { verdict: Verdict; notes: string[] } {
  const notes = [...d.notes];
  const distinct = new Set(d.candidates.map((c) => c.candidate)).size;
  const tried = `${distinct} candidate${distinct === 1 ? "" : "s"} (${d.search} search)`;
  const nested = d.nested !== undefined;
  const tunedScore = nested ? d.nested!.tuned : d.best.mean;
  const scores = nested
    ? `the model tuned inside each outer fold scores ${d.metric} ${formatCell(tunedScore)} against the defaults' ${formatCell(d.defaults.mean)}`
    : `the best (${describeParams(d.best.params)}) scores ${d.metric} ${formatCell(tunedScore)} against the defaults' ${formatCell(d.defaults.mean)}`;
  const interval = `${signed(d.gain.mean)} (95% CI ${signed(d.gain.low)} to ${signed(d.gain.high)})`;
  const where = nested ? `on ${d.folds} outer folds (${d.foldDescription.replace(/^\d+ /, "")})` : `on the same ${d.foldDescription}`;
  notes.push(
    `The gain is the mean per-fold difference${d.greaterIsBetter ? "" : ` (lower ${d.metric} is better, so a gain is a drop)`}; its interval is Nadeau and Bengio's corrected paired t interval, which allows for folds sharing training rows.`,
  );
  if (!nested) notes.push(`The best of ${distinct} candidates was picked on these folds, so its score is optimistic (the winner's curse); --nested repeats the search inside each fold for an honest estimate.`);
  if (nested) {
    const picks = new Set(d.nested!.outer.map((o) => describeParams(o.params)));
    notes.push(`Nested cross-validation: ${d.nested!.folds} outer folds, each searched over ${d.nested!.innerFolds} inner folds of its training rows; the inner searches picked ${picks.size === 1 ? `the same params every time (${[...picks][0]})` : `${picks.size} different sets of params, a sign the choice is not stable`}. Use ${describeParams(d.best.params)} (the search over every row).`);
  }
  if (d.halving) {
    const h = d.halving;
    notes.push(`Successive halving (scikit-learn's HalvingRandomSearchCV schedule, factor ${h.factor}): ${h.candidates.map((c, i) => `${c} candidates on ${h.resources[i].toLocaleString("en-US")} rows`).join(", then ")}; the best of the last iteration wins.`);
  }
  if (d.atEdge.length > 0) notes.push(`The best ${d.atEdge.map((p) => `${p} (${formatCell(d.best.params[p] as number)})`).join(" and ")} lies on the edge of the space searched: widen it past that edge, the optimum may lie beyond.`);
  if (d.gain.low > 0) {
    if (d.minGain !== undefined && d.gain.mean < d.minGain) {
      return { verdict: { level: "ok", text: `Tuning gains little: of ${tried}, ${scores}, a gain of ${interval} ${where}, real but below the framing card's minimum gain of ${formatCell(d.minGain)}. Keep the defaults unless the gain is worth the extra complexity.` }, notes };
    }
    return { verdict: { level: "ok", text: `Tuning earned its complexity: of ${tried}, ${scores}, a gain of ${interval} ${where}, clear of noise. Use ${describeParams(d.best.params)}.` }, notes };
  }
  if (d.gain.high < 0) {
    return { verdict: { level: "warn", text: `Tuning made the model worse: of ${tried}, ${scores}, a gain of ${interval} ${where}. Keep the defaults; the search over-fitted its folds or the space misses the defaults' region.` }, notes };
  }
  return { verdict: { level: "ok", text: `Tuning did not earn its complexity: of ${tried}, ${scores}, a gain of ${interval} ${where}, within noise. Keep the defaults.` }, notes };
}
