/**
 * The verdict of weak supervision: how much of the data the functions label, whether the
 * label model beats majority vote, and what training on weak labels costs against gold.
 */
import { formatFigures, formatPercent } from "../../display/format.js";
import { message } from "../../messages.js";
import type { Verdict } from "../../result.js";
import type { FunctionSummary, LabelingData, MajorityClass, Scored } from "./types.js";

/** Below this share of rows labelled, the weak labels leave most of the data unused. */
export const LOW_COVERAGE = 0.5;
/** A learned accuracy this far outside the gold interval is called misjudged. */
export const MISJUDGED = 0.1;

const f = (x: number) => formatFigures(x, 3);
const withInterval = (s: Scored) => `${f(s.accuracy)} (95% CI ${f(s.low)} to ${f(s.high)})`;
const count = (n: number) => n.toLocaleString("en-US");
const names = (xs: readonly { name: string }[]) => xs.map((x) => `"${x.name}"`).join(", ");
/** Fewer gold votes than this say too little about a function to name it. */
export const MIN_GOLD_VOTES = 30;
/** Class shares further apart than this from the gold labels' make fixed shares worth changing. */
const SHARES_DIFFER = 0.05;

/** Functions whose learned accuracy lies far outside their gold interval. */
export function misjudgedFunctions(d: LabelingData): FunctionSummary[] {
  return d.functions.filter((x) => x.gold && x.gold.n >= MIN_GOLD_VOTES && (x.learnedAccuracy > x.gold.high + MISJUDGED || x.learnedAccuracy < x.gold.low - MISJUDGED));
}

/** Functions whose gold interval lies wholly below votes cast blind in the same shares: they vote against the truth. */
export function backwardsFunctions(d: LabelingData): FunctionSummary[] {
  return d.functions.filter((x) => x.gold && x.chance !== undefined && x.gold.n >= MIN_GOLD_VOTES && x.gold.high < x.chance);
}

/** Functions whose gold interval holds the blind-vote rate: no better than chance. */
function atChance(d: LabelingData): FunctionSummary[] {
  return d.functions.filter((x) => x.gold && x.chance !== undefined && x.gold.n >= MIN_GOLD_VOTES && x.gold.low <= x.chance && x.chance <= x.gold.high);
}

/** How a combiner's accuracy stands against always answering the majority class on the same rows: its interval against the rate (the rate is the same rows' share, a fixed reference for this comparison). */
function againstMajority(s: Scored, m: MajorityClass): "better" | "no better" | "worse" {
  return s.low > m.accuracy ? "better" : s.high < m.accuracy ? "worse" : "no better";
}

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
  const misjudged = misjudgedFunctions(d);
  if (misjudged.length > 0) {
    const g = d.gold;
    const sharesDiffer = g !== undefined && d.classes.some((c) => Math.abs((d.labelModel.priors[c] ?? 0) - (g.shares[c] ?? 0)) > SHARES_DIFFER);
    const shares = (r: Readonly<Record<string, number>>) => d.classes.map((c) => `${c} ${formatFigures(r[c] ?? 0, 2)}`).join(", ");
    notes.push(
      `The label model misjudges ${misjudged.map((x) => `"${x.name}" (learned ${f(x.learnedAccuracy)}, gold ${f(x.gold!.accuracy)})`).join(", ")}. It learns accuracies from how functions agree, assuming they err independently; functions that copy each other's signal (two rules for one pattern) or vote on rows no other function sees break that. Merge or drop look-alike functions, or trust majority vote.${d.labelModel.method === "matrix-completion" && g && sharesDiffer ? ` Its class shares are also fixed (${shares(d.labelModel.priors)}) while the gold labels' are ${shares(g.shares)}: pass those as classBalance.` : ""}`,
    );
  }
  const chance = d.functions.filter((x) => x.chance !== undefined && Number.isFinite(x.chance));
  if (chance.length > 0) {
    notes.push(
      `A function's chance rate is how often votes in its own shares would be right if cast blind to the truth (the gold classes' shares weighted by its votes): a gold interval below it means the function votes against the truth, one that holds it means the function is guessing. Against 1/(number of classes) a rule for a rare class would look bad while helping.`,
    );
  }
  const e = d.endModel;
  if (e) {
    const plain = e.features.filter((c) => !e.textColumns.includes(c));
    notes.push(
      `End model: ${e.model} on ${[...(e.textColumns.length > 0 ? [`a bag of words of ${e.textColumns.join(", ")}`] : []), ...(plain.length > 0 ? [`${plain.length > 12 ? `${plain.length} columns` : plain.join(", ")} as given (a category column as one code per value)`] : [])].join(" and ")}, over ${e.folds} stratified folds of the gold rows; the weak-label model trains on the label model's labels of the same training rows (rows no function votes on left out), and both are scored on the held-out gold labels. A short-text column counts as text when a regex or keyword function reads it; otherwise name it with a function or choose the columns with features.`,
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
  // Both combiners against always answering the commonest class on the same rows: rules that cannot beat it add nothing to the class shares.
  const mc = g.majorityClass;
  const floor = { labelModel: againstMajority(g.labelModel, mc), majorityVote: againstMajority(g.majorityVote, mc) };
  if (g.covered > 0 && (floor.labelModel !== "better" || floor.majorityVote !== "better")) {
    const who = floor.labelModel !== "better" && floor.majorityVote !== "better" ? "Neither beats" : floor.labelModel !== "better" ? "The label model does not beat" : "Majority vote does not beat";
    const worse = floor.labelModel === "worse" || floor.majorityVote === "worse";
    const guessing = atChance(d);
    text += ` ${who} always answering "${mc.class}", right on ${withInterval(mc)} of those rows${worse ? " (and falls below it)" : ""}: the functions add nothing to the class shares${guessing.length > 0 ? `; ${names(guessing)} vote${guessing.length === 1 ? "s" : ""} no better than chance` : ""}.`;
    level = "warn";
  }
  const backwards = backwardsFunctions(d);
  if (backwards.length > 0) {
    text += ` ${backwards.map((x) => `"${x.name}" (${withInterval(x.gold!)} against ${f(x.chance!)} by chance)`).join(", ")} vote${backwards.length === 1 ? "s" : ""} against the truth: drop ${backwards.length === 1 ? "it" : "them"} or flip ${backwards.length === 1 ? "its" : "their"} votes.`;
    level = "warn";
  }
  const misjudged = misjudgedFunctions(d);
  if (misjudged.length > 0) {
    text += ` The label model misjudges ${misjudged.map((x) => `"${x.name}" (learned ${f(x.learnedAccuracy)}, gold ${withInterval(x.gold!)})`).join(", ")}: look-alike or isolated functions break its assumption that functions err independently (see the notes).`;
    level = "warn";
  }
  const e = d.endModel;
  if (e) {
    const gap = e.gold.accuracy - e.weak.accuracy;
    const em = e.majorityClass;
    if (againstMajority(e.gold, em) !== "better" && againstMajority(e.weak, em) !== "better") {
      text += ` The end-model comparison is empty: a ${e.model} model scores ${withInterval(e.weak)} trained on the weak labels and ${withInterval(e.gold)} on gold labels, neither better than always answering "${em.class}" (${f(em.accuracy)}); its features (${e.features.join(", ")}${e.textColumns.length > 0 ? `, ${e.textColumns.join(", ")} as a bag of words` : ", none as text"}) give it nothing to learn from. Choose columns that carry the class with features.`;
      level = "warn";
    } else {
      const floorMatch = e.goldToMatch !== null && e.goldToMatch === e.curve[0]?.size;
      const matched = e.goldToMatch === null ? `no number of gold labels up to ${count(e.trainRows)} matches it` : floorMatch ? `${count(e.goldToMatch)} or fewer gold labels match it (the fewest tried already do)` : `about ${count(e.goldToMatch)} gold labels match it`;
      const weakFloor = againstMajority(e.weak, em);
      text += ` A ${e.model} model trained on the weak labels scores ${withInterval(e.weak)} against ${withInterval(e.gold)} trained on ${count(e.trainRows)} gold labels${gap > 0 ? `: the noise costs ${f(gap)} accuracy` : ""}; ${matched}.`;
      if (weakFloor !== "better") {
        text += ` Trained on the weak labels it is ${weakFloor} than always answering "${em.class}" (${f(em.accuracy)}).`;
        level = "warn";
      }
      if (e.weak.high < e.gold.low && gap > 0.1) level = "warn";
    }
  }
  return { level, text: text + tail };
}
