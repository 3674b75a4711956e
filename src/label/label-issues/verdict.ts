/**
 * What a careful statistician would sign. Any model gets some rows confidently wrong, and
 * confident learning cannot tell those from wrong labels, so a few suspects on clean data are
 * expected and no reason to warn. The verdict reads two numbers instead: the estimated share
 * of wrong labels (the calibrated joint's off-diagonal) and what training without the
 * suspects does to the model's score on the same folds. And it first asks whether the model
 * is good enough to judge labels at all.
 */
import { formatFigures, formatPercent } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import type { LabelIssuesData, NoisePair } from "./types.js";

/** Below this share of the way from the majority class to perfect accuracy, the model's doubts say more about the model than the labels. */
export const SKILL_FLOOR = 0.25;
/** Estimated noise from which doubtful labels are worth a look, and from which they are worth a warning even when the model copes. */
export const NOTICE = 0.02;
export const SERIOUS = 0.05;
/** The same two marks for the worst class (its estimated share of wrong labels, either way), counted for classes of at least CLASS_ROWS rows. */
export const CLASS_NOTICE = 0.05;
export const CLASS_SERIOUS = 0.1;
export const CLASS_ROWS = 30;
/** From this share of rows given probability exactly 1, or with no probabilities but 0 and 1, the model cannot rank doubt (a k-nearest-neighbours model on easy data stays below: 0.94 on digits' nines). */
export const CERTAIN = 0.99;
/** Estimated noise that, with a clear gain from removing it, fails. */
export const SEVERE = 0.25;

const count = (n: number) => n.toLocaleString("en-US");
const figures = (x: number) => formatFigures(x, 3);
/** A difference in score and its interval's edges: 2 significant figures, a true minus sign ("−0.0031"). */
const difference = (x: number) => `${x < 0 ? "−" : ""}${formatFigures(Math.abs(x), 2)}`;

/** The share of the way from always answering the largest class to perfect accuracy. */
export function skill(d: LabelIssuesData): number {
  return d.majorityShare >= 1 ? 0 : (d.accuracy - d.majorityShare) / (1 - d.majorityShare);
}

/** Whether the out-of-fold probabilities are graded enough to rank rows by doubt: a fully grown tree answers 0 or 1, so every one of its mistakes looks confident. */
export function ranksDoubt(d: LabelIssuesData): boolean {
  return d.certainShare < CERTAIN && d.distinctProbabilities > 2;
}

export interface WorstClass {
  readonly label: string;
  /** "labelled": the rows labelled with the class look wrong; "truly": rows that look like the class carry another label. */
  readonly way: "labelled" | "truly";
  readonly rate: number;
}

/** The class, of at least CLASS_ROWS rows, with the largest estimated share of wrong labels, among its labelled rows or among the rows truly of it. */
export function worstClass(d: LabelIssuesData): WorstClass | undefined {
  const ways: WorstClass[] = d.classNoise.flatMap((c) => [
    ...(c.labelled >= CLASS_ROWS ? [{ label: c.label, way: "labelled" as const, rate: c.ofLabelled }] : []),
    ...(c.lookLike >= CLASS_ROWS ? [{ label: c.label, way: "truly" as const, rate: c.ofLookLike }] : []),
  ]);
  return ways.sort((a, b) => b.rate - a.rate)[0];
}

/** The worst class in words when its rate stands out (at least CLASS_NOTICE and twice the overall rate), else "". */
function classText(d: LabelIssuesData): string {
  const c = worstClass(d);
  if (!c || c.rate < CLASS_NOTICE || c.rate < 2 * d.noiseRate) return "";
  return c.way === "labelled"
    ? `; of the rows labelled "${c.label}", an estimated ${formatPercent(c.rate)} look wrong`
    : `; of the rows that look like "${c.label}", an estimated ${formatPercent(c.rate)} are labelled otherwise`;
}

/** When the flagged rows crowd into one given class (at least twice its share of the rows, and most of the flags), that class's estimated rate in words, else "". */
function crowdedText(d: LabelIssuesData): string {
  if (d.flagged === 0) return "";
  const crowded = d.classNoise
    .map((c) => ({ ...c, flagged: d.pairs.filter((p) => p.given === c.label).reduce((a, p) => a + p.flagged, 0) }))
    .filter((c) => c.labelled >= CLASS_ROWS && c.ofLabelled >= CLASS_SERIOUS && c.flagged > d.flagged / 2 && c.flagged / d.flagged >= (2 * c.labelled) / d.rows)[0];
  return crowded
    ? ` The flags crowd into one class: of the rows labelled "${crowded.label}", an estimated ${formatPercent(crowded.ofLabelled)} look wrong (${count(crowded.flagged)} of the ${count(d.flagged)} flagged rows), which is what wrong labels in that class would look like, though a model blind to the class would look the same.`
    : "";
}

/** The off-diagonal pair with the most estimated rows. */
export function worstPair(d: LabelIssuesData): NoisePair | undefined {
  return d.pairs.filter((p) => p.given !== p.likely && p.rows > 0).sort((a, b) => b.rows - a.rows)[0];
}

function gainText(d: LabelIssuesData): string {
  const r = d.retrain;
  if (!r) return "";
  return `${r.metric} ${figures(r.everything)} → ${figures(r.withoutSuspects)}, ${r.gain >= 0 ? "+" : ""}${difference(r.gain)} (95% CI ${difference(r.low)} to ${difference(r.high)})`;
}

export function labelIssuesVerdict(d: LabelIssuesData): Verdict {
  const noise = `an estimated ${formatPercent(d.noiseRate)} of labels look wrong (${count(d.flagged)} of ${count(d.rows)} rows flagged)`;
  if (!ranksDoubt(d)) {
    return {
      level: "warn",
      text: `${d.model}'s out-of-fold probabilities cannot judge labels: ${d.distinctProbabilities <= 2 ? "every one is 0 or 1" : `${formatPercent(d.certainShare)} of rows get probability 1`}, so each of its mistakes looks as confident as a wrong label, and the ${count(d.flagged)} rows it flags (an estimated ${formatPercent(d.noiseRate)}) say nothing about the labels either way. Judge the labels with a model whose probabilities are graded (logistic, gbdt or knn).`,
    };
  }
  if (skill(d) < SKILL_FLOOR) {
    return {
      level: "warn",
      text: `${d.model} hardly beats always answering the largest class (out-of-fold accuracy ${figures(d.accuracy)} against ${figures(d.majorityShare)}). Both are measured against the given labels, so a weak model and wrong labels look the same here: the ${formatPercent(d.noiseRate)} estimate is not a label-noise estimate until one of them is ruled out.${crowdedText(d)} Try a stronger model (features, model choice); if none beats the largest class either, check a sample of the suspects by hand.`,
    };
  }
  const gains = d.retrain !== undefined && d.retrain.low > 0;
  const pair = worstPair(d);
  const offDiagonal = d.pairs.reduce((a, p) => a + (p.given === p.likely ? 0 : p.rows), 0);
  const where = (pair ? `, ${pair.rows > offDiagonal / 2 ? "most of them" : "the largest group"} labelled "${pair.given}" where the model sees "${pair.likely}" (${count(pair.rows)} rows)` : "") + classText(d);
  const classRate = worstClass(d)?.rate ?? 0;
  if (d.flagged === 0) return { level: "ok", text: `The labels look clean: ${d.model} confidently disputes none of the ${count(d.rows)} labels.` };
  if (d.noiseRate < NOTICE && classRate < CLASS_NOTICE) {
    return {
      level: "ok",
      text: `The labels look clean: ${noise}, about what any model's own mistakes produce${d.retrain ? `; training without them gives ${gainText(d)}` : ""}.`,
    };
  }
  if (gains) {
    return {
      level: d.noiseRate >= SEVERE ? "fail" : "warn",
      text: `${capitalize(noise)}${where}, and training without them helps: ${gainText(d)} on the same folds. Review the suspects (the surest first) and correct or drop them.`,
    };
  }
  if (d.noiseRate >= SERIOUS || classRate >= CLASS_SERIOUS) {
    return {
      level: "warn",
      text: `${capitalize(noise)}${where}, though training without them does not help ${d.model} (${gainText(d)}). Either these labels are wrong or the classes overlap where these rows lie, and only a person can tell: check a sample of the suspects by hand. If they are wrong, the test labels are wrong as often, and every score is off by as much.`,
    };
  }
  return {
    level: "ok",
    text: `A few labels look doubtful: ${noise}${where}, and training without them changes little (${gainText(d)}): no sign that label noise costs this model. Glance at the surest suspects.`,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function labelIssuesNotes(d: LabelIssuesData): string[] {
  const notes = [...d.notes];
  notes.push(
    `Each row is judged by ${d.model} trained without it (${d.validation}). A row is suspect when another class clears that class's threshold (its mean probability among the rows labelled with it: ${d.classes.map((c, k) => `${c} ${figures(d.thresholds[k])}`).join(", ")}) and the given label is not the most probable; how many per pair of classes comes from the confident joint calibrated to the label counts (confident learning, cleanlab's default "prune by noise rate").`,
  );
  notes.push(`Out-of-fold accuracy against the given labels is ${figures(d.accuracy)}; the largest class is ${formatPercent(d.majorityShare)} of the rows. A model's own confident mistakes look exactly like wrong labels, while wrong labels it cannot confidently dispute go uncounted, so the estimate is no bound either way: on planted noise it has mostly come out below the planted rate.`);
  if (d.retrain) {
    const r = d.retrain;
    notes.push(
      `Retrained on the same folds without the suspects in training (${figures(r.removedPerFold)} rows a fold) and scored on every tested row against the given labels: ${gainText(d)}. On the tested rows that are not suspects, ${figures(r.everythingOnUnflagged)} → ${figures(r.withoutSuspectsOnUnflagged)}. The suspects were found with every label, so the comparison leans slightly towards removing them; the interval resamples rows and does not include refitting variance.`,
    );
  }
  notes.push(`Suspects are ranked by ${d.rankBy === "self-confidence" ? "the probability of their given label" : "the normalized margin between the given label and the most probable other class"}, lowest first; result.data.suspectRows lists all ${count(d.flagged)} row numbers to correct or drop.`);
  return notes;
}
