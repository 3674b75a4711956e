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
/** Estimated noise that, with a clear gain from removing it, fails. */
export const SEVERE = 0.25;

const count = (n: number) => n.toLocaleString("en-US");
const figures = (x: number) => formatFigures(x, 3);

/** The share of the way from always answering the largest class to perfect accuracy. */
export function skill(d: LabelIssuesData): number {
  return d.majorityShare >= 1 ? 0 : (d.accuracy - d.majorityShare) / (1 - d.majorityShare);
}

/** The off-diagonal pair with the most estimated rows. */
export function worstPair(d: LabelIssuesData): NoisePair | undefined {
  return d.pairs.filter((p) => p.given !== p.likely && p.rows > 0).sort((a, b) => b.rows - a.rows)[0];
}

function gainText(d: LabelIssuesData): string {
  const r = d.retrain;
  if (!r) return "";
  const sign = r.gain >= 0 ? "+" : "−";
  return `${r.metric} ${figures(r.everything)} → ${figures(r.withoutSuspects)}, ${sign}${figures(Math.abs(r.gain))} (95% CI ${figures(r.low)} to ${figures(r.high)})`;
}

export function labelIssuesVerdict(d: LabelIssuesData): Verdict {
  const noise = `an estimated ${formatPercent(d.noiseRate)} of labels look wrong (${count(d.flagged)} of ${count(d.rows)} rows flagged)`;
  if (skill(d) < SKILL_FLOOR) {
    return {
      level: "warn",
      text: `${d.model} hardly beats always answering the largest class (out-of-fold accuracy ${figures(d.accuracy)} against ${figures(d.majorityShare)}), so the rows it doubts are mostly rows it cannot predict, not wrong labels; the ${formatPercent(d.noiseRate)} estimate is not a label-noise estimate. Improve the model (features, model choice) before judging labels with it.`,
    };
  }
  const gains = d.retrain !== undefined && d.retrain.low > 0;
  const pair = worstPair(d);
  const where = pair ? `, most of them labelled "${pair.given}" where the model sees "${pair.likely}" (${count(pair.rows)} rows)` : "";
  if (d.flagged === 0) return { level: "ok", text: `The labels look clean: ${d.model} confidently disputes none of the ${count(d.rows)} labels.` };
  if (d.noiseRate < NOTICE) {
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
  if (d.noiseRate >= SERIOUS) {
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
  notes.push(`Out-of-fold accuracy against the given labels is ${figures(d.accuracy)}; the largest class is ${formatPercent(d.majorityShare)} of the rows. A model's own confident mistakes look exactly like wrong labels, so the estimate is an upper bound on label noise.`);
  if (d.retrain) {
    const r = d.retrain;
    notes.push(
      `Retrained on the same folds without the suspects in training (${figures(r.removedPerFold)} rows a fold) and scored on every tested row against the given labels: ${gainText(d)}. On the tested rows that are not suspects, ${figures(r.everythingOnUnflagged)} → ${figures(r.withoutSuspectsOnUnflagged)}. The suspects were found with every label, so the comparison leans slightly towards removing them; the interval resamples rows and does not include refitting variance.`,
    );
  }
  notes.push(`Suspects are ranked by ${d.rankBy === "self-confidence" ? "the probability of their given label" : "the normalized margin between the given label and the most probable other class"}, lowest first; result.data.suspectRows lists all ${count(d.flagged)} row numbers to correct or drop.`);
  return notes;
}
