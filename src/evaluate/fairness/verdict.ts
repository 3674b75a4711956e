import { formatFigures, formatPercent } from "../../display/format.js";
import type { Verdict, VerdictLevel } from "../../result.js";
import type { Difference, FairnessData } from "./types.js";

/** A gap counts when it reaches the tolerance and its interval (Newcombe's, from the groups' own Wilson intervals) excludes 0; twice the tolerance fails. */
function judge(d: Difference, tolerance: number): VerdictLevel {
  if (!(d.value >= tolerance) || !(d.low > 0)) return "ok";
  return d.value >= 2 * tolerance ? "fail" : "warn";
}

export function fairnessVerdict(d: FairnessData): Verdict {
  const judgedGroups = d.groups.filter((g) => g.judged);
  const small = d.groups.filter((g) => !g.judged);
  const smallText = small.length === 0 ? "" : ` ${small.length === 1 ? "Group" : "Groups"} ${small.map((g) => `${g.group} (${g.rows} rows)`).join(", ")} ${small.length === 1 ? "has" : "have"} fewer than ${d.minSize} rows: listed, not judged.`;
  if (d.predictedPositives === 0 || d.predictedPositives === d.rows) {
    const which = d.predictedPositives === 0 ? "no row" : "every row";
    return { level: "warn", text: `The model predicts "${d.positive}" for ${which}, so every group is treated alike only trivially: the check is empty, not passed. Fit a model that separates the classes (or choose a threshold with %thresholds) before judging fairness.` };
  }
  if (!(d.skill.low > 0)) {
    return {
      level: "warn",
      text: `${d.model} predicts "${d.positive}" no better than chance (true minus false positive rate ${formatFigures(d.skill.value)}, 95% CI ${formatFigures(d.skill.low)} to ${formatFigures(d.skill.high)}), so any gap between groups of ${d.sensitive} is fitted noise (demographic parity difference ${formatFigures(d.demographicParity.value)}): the check is empty, not passed. Give the model skill before judging its fairness.${smallText}`,
    };
  }
  if (judgedGroups.length < 2) {
    return { level: "warn", text: `Fewer than two groups of ${d.sensitive} have ${d.minSize} rows, so no difference is judged: the check is empty, not passed.${smallText}` };
  }
  const parity = judge(d.demographicParity, d.tolerance);
  const odds = judge(d.equalizedOdds, d.tolerance);
  const level: VerdictLevel = parity === "fail" || odds === "fail" ? "fail" : parity === "warn" || odds === "warn" ? "warn" : "ok";
  const stated = (name: string, x: Difference) => `${name} difference ${formatFigures(x.value)} (95% CI ${formatFigures(x.low)} to ${formatFigures(x.high)})`;
  // A numeric group ("6") reads as nothing on its own: name its column.
  const named = (group: string) => (/^-?\d/.test(group) ? `${d.sensitive} = ${group}` : group);
  const [most, least] = [...judgedGroups].sort((a, b) => b.selectionRate - a.selectionRate).filter((_, i, all) => i === 0 || i === all.length - 1);
  return {
    level,
    text:
      level === "ok"
        ? `No difference between groups of ${d.sensitive} reaches ${d.tolerance}: ${stated("demographic parity", d.demographicParity)}, ${stated("equalized odds", d.equalizedOdds)}. The upper ends of the intervals are the largest gaps these rows cannot rule out.${smallText}`
        : `The model treats groups of ${d.sensitive} differently: it predicts "${d.positive}" for ${formatPercent(most.selectionRate)} of ${named(most.group)} but ${formatPercent(least.selectionRate)} of ${named(least.group)}; ` +
          `${stated("demographic parity", d.demographicParity)}, ${stated("equalized odds", d.equalizedOdds)}. Find out whether the gap is in the data, the features or the model before deploying.${smallText}`,
  };
}

export function fairnessNotes(d: FairnessData): string[] {
  return [
    ...d.notes,
    ...(Number.isNaN(d.disparateImpactRatio) ? [] : [`Disparate impact ratio (lowest selection rate over the highest) ${formatFigures(d.disparateImpactRatio)}; the "four-fifths rule" asks for at least 0.8.`]),
    "Equal selection rates (demographic parity) and equal error rates (equalized odds) usually cannot both hold when the groups' base rates differ; decide which one the problem needs.",
    `Out-of-fold predictions; group rates with Wilson intervals; differences between the groups with at least ${d.minSize} rows, with Newcombe's interval for the largest minus the smallest rate (from the two groups' Wilson intervals, Bonferroni-adjusted for the pairs that could have been picked).`,
  ];
}
