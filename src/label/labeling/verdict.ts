/**
 * The verdict of weak supervision: how much of the data the functions label, whether the
 * label model beats majority vote, and what training on weak labels costs against gold.
 */
import { formatFigures, formatPercent } from "../../display/format.js";
import { message } from "../../messages.js";
import type { Verdict } from "../../result.js";
import type { LabelingData, Scored } from "./types.js";

/** Below this share of rows labelled, the weak labels leave most of the data unused. */
export const LOW_COVERAGE = 0.5;
/** A learned accuracy this far outside the gold interval is called misjudged. */
export const MISJUDGED = 0.1;

const f = (x: number) => formatFigures(x, 3);
const withInterval = (s: Scored) => `${f(s.accuracy)} (95% CI ${f(s.low)} to ${f(s.high)})`;
const count = (n: number) => n.toLocaleString("en-US");

export function labelingNotes(d: LabelingData): string[] {
  const notes: string[] = [];
  notes.push(
    d.labelModel.method === "dawid-skene"
      ? `Label model: Dawid–Skene, fitted by EM without gold labels (${d.labelModel.iterations} iterations${d.labelModel.converged ? "" : ", stopped before converging"}): a learned prior per class and, for each function, how often it votes each class given the true one (abstaining included). Its accuracies are P(vote = true class | it votes), as Snorkel's get_weights reports them.`
      : `Label model: Snorkel's matrix completion (${d.labelModel.iterations} gradient steps), without gold labels: how often each pair of functions votes together pins down how often each votes each class given the true one, assuming they err independently; class shares fixed at ${Object.entries(d.labelModel.priors).map(([c, p]) => `${c} ${formatFigures(p, 2)}`).join(", ")}. Its accuracies are P(vote = true class | it votes).`,
  );
  notes.push("Coverage, overlap and conflict follow Snorkel's LFAnalysis: the share of all rows a function votes on, votes on alongside another function, and votes on while another function votes for a different class.");
  if (d.functions.length < 3) notes.push(`With ${d.functions.length} function${d.functions.length === 1 ? "" : "s"} the label model cannot tell which one is right when they disagree (it needs three or more): add functions.`);
  for (const t of d.threw) notes.push(message.labelingFunctionThrew(t.function, t.row, t.values, t.error, t.count).message);
  if (d.alwaysAbstain.length > 0) notes.push(message.labelingAlwaysAbstains(d.alwaysAbstain).message);
  if (d.gold) {
    notes.push(`Both combiners are scored on the ${count(d.gold.covered)} gold rows at least one function votes on (of ${count(d.gold.rows)} gold rows); majority-vote ties (${count(d.gold.ties)} of them) are broken at random. Intervals are Wilson's.`);
  }
  const misjudged = d.functions.filter((x) => x.gold && x.gold.n >= 30 && (x.learnedAccuracy > x.gold.high + MISJUDGED || x.learnedAccuracy < x.gold.low - MISJUDGED));
  if (misjudged.length > 0) {
    notes.push(
      `The label model misjudges ${misjudged.map((x) => `"${x.name}" (learned ${f(x.learnedAccuracy)}, gold ${f(x.gold!.accuracy)})`).join(", ")}. It learns accuracies from how functions agree, assuming they err independently; functions that copy each other's signal (two rules for one pattern) or vote on rows no other function sees break that. Merge or drop look-alike functions, or trust majority vote.${d.labelModel.method === "matrix-completion" && d.gold ? ` Its class shares are also fixed (${Object.entries(d.labelModel.priors).map(([c, p]) => `${c} ${formatFigures(p, 2)}`).join(", ")}); if the gold labels' shares differ, pass them as classBalance.` : ""}`,
    );
  }
  const e = d.endModel;
  if (e) {
    notes.push(
      `End model: ${e.model}${e.textColumns.length > 0 ? ` on a bag of words of ${e.textColumns.join(", ")}` : ""}, over ${e.folds} stratified folds of the gold rows; the weak-label model trains on the label model's labels of the same training rows (rows no function votes on left out), and both are scored on the held-out gold labels.`,
    );
  }
  return notes;
}

export function labelingVerdict(d: LabelingData): Verdict {
  const labelled = `The ${d.functions.length} labeling functions label ${formatPercent(d.coverage)} of the ${count(d.rows)} rows`;
  const problems: string[] = [];
  if (d.threw.length > 0) problems.push(`${d.threw.map((t) => `"${t.function}"`).join(", ")} threw on some rows (see the notes)`);
  if (d.alwaysAbstain.length > 0) problems.push(`${d.alwaysAbstain.map((n) => `"${n}"`).join(", ")} never voted`);
  if (d.coverage < LOW_COVERAGE) problems.push(`most rows get no label: write functions for the rows none of them covers`);
  const tail = problems.length > 0 ? ` Check: ${problems.join("; ")}.` : "";
  if (!d.gold) {
    const weakest = [...d.functions].filter((x) => x.coverage > 0).sort((a, b) => a.learnedAccuracy - b.learnedAccuracy)[0];
    return {
      level: problems.length > 0 ? "warn" : "ok",
      text: `${labelled}, with ${formatPercent(d.conflict)} in conflict. Without gold labels the label model's estimates are all there is${weakest ? `; it trusts "${weakest.name}" least (accuracy ${f(weakest.learnedAccuracy)})` : ""}. Label a few hundred rows by hand (--gold COL) to check them.${tail}`,
    };
  }
  const g = d.gold;
  const better = g.labelModel.low > g.majorityVote.high ? "better than" : g.labelModel.high < g.majorityVote.low ? "worse than" : "about as good as";
  let text = `${labelled}. On the gold labels the label model scores ${withInterval(g.labelModel)}, ${better} majority vote at ${withInterval(g.majorityVote)}.`;
  let level: Verdict["level"] = problems.length > 0 || better === "worse than" ? "warn" : "ok";
  const e = d.endModel;
  if (e) {
    const gap = e.gold.accuracy - e.weak.accuracy;
    const matched = e.goldToMatch === null ? `no number of gold labels up to ${count(e.trainRows)} matches it` : `about ${count(e.goldToMatch)} gold labels match it`;
    text += ` A ${e.model} model trained on the weak labels scores ${withInterval(e.weak)} against ${withInterval(e.gold)} trained on ${count(e.trainRows)} gold labels${gap > 0 ? `: the noise costs ${f(gap)} accuracy` : ""}; ${matched}.`;
    if (e.weak.high < e.gold.low && gap > 0.1) level = "warn";
  }
  return { level, text: text + tail };
}
