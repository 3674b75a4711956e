import { formatCell, formatPercent } from "../../display/format.js";
import type { Verdict, VerdictLevel } from "../../result.js";
import type { Difference, FairnessData } from "./types.js";

/** A gap counts when it reaches the tolerance and its interval excludes 0; twice the tolerance fails. */
function judge(d: Difference, tolerance: number): VerdictLevel {
  if (!(d.value >= tolerance) || !(d.low > 0)) return "ok";
  return d.value >= 2 * tolerance ? "fail" : "warn";
}

export function fairnessVerdict(d: FairnessData): Verdict {
  const parity = judge(d.demographicParity, d.tolerance);
  const odds = judge(d.equalizedOdds, d.tolerance);
  const level: VerdictLevel = parity === "fail" || odds === "fail" ? "fail" : parity === "warn" || odds === "warn" ? "warn" : "ok";
  const stated = (name: string, x: Difference) => `${name} difference ${formatCell(x.value)} (95% CI ${formatCell(x.low)} to ${formatCell(x.high)})`;
  // A numeric group ("6") reads as nothing on its own: name its column.
  const named = (group: string) => (/^-?\d/.test(group) ? `${d.sensitive} = ${group}` : group);
  const [most, least] = [...d.groups].sort((a, b) => b.selectionRate - a.selectionRate).filter((_, i, all) => i === 0 || i === all.length - 1);
  return {
    level,
    text:
      level === "ok"
        ? `No difference between groups of ${d.sensitive} reaches ${d.tolerance}: ${stated("demographic parity", d.demographicParity)}, ${stated("equalized odds", d.equalizedOdds)}. The upper ends of the intervals are the largest gaps these rows cannot rule out.`
        : `The model treats groups of ${d.sensitive} differently: it predicts "${d.positive}" for ${formatPercent(most.selectionRate)} of ${named(most.group)} but ${formatPercent(least.selectionRate)} of ${named(least.group)}; ` +
          `${stated("demographic parity", d.demographicParity)}, ${stated("equalized odds", d.equalizedOdds)}. Find out whether the gap is in the data, the features or the model before deploying.`,
  };
}

export function fairnessNotes(d: FairnessData): string[] {
  return [
    ...d.notes,
    `Disparate impact ratio (lowest selection rate over the highest) ${formatCell(d.disparateImpactRatio)}; the "four-fifths rule" asks for at least 0.8.`,
    "Equal selection rates (demographic parity) and equal error rates (equalized odds) usually cannot both hold when the groups' base rates differ; decide which one the problem needs.",
    "Out-of-fold predictions; group rates with Wilson intervals, differences with bootstrap intervals.",
  ];
}
