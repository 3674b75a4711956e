import { formatPercent } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import type { OutliersData } from "./types.js";

/** Outliers alone warn (look at them); with a model, they warn only when the model does credibly worse on them. */
export function outliersVerdict(d: OutliersData): Verdict {
  const found = `Some rows are outliers: ${d.outliers.toLocaleString("en-US")} of ${d.rows.toLocaleString("en-US")} (${formatPercent(d.outliers / d.rows)}), flagged by at least two of three detectors and beyond what a robust Gaussian fit to the rest predicts`;
  const e = d.edgeCases;
  if (d.outliers === 0) {
    const none =
      `No row is more extreme than the bulk of the data predicts: the ${d.candidates.toLocaleString("en-US")} rows that two detectors put in their top ${formatPercent(d.contamination)} ` +
      `lie within what a robust Gaussian fit expects among ${d.rows.toLocaleString("en-US")} rows (χ² with ${d.df} df, Bonferroni-corrected).`;
    const edges = e ? ` ${count(e.edgeCasesAmongInliers, "row is an edge case", "rows are edge cases")} (${e.definition}), none of them an outlier.` : "";
    return { level: "ok", text: none + edges };
  }
  if (!e) return { level: d.outliers > 0 ? "warn" : "ok", text: `${found}. Look at them: data errors, rare but real cases, or a population the data barely covers.` };
  const harder = e.outlierLow > e.inlierHigh;
  return {
    level: harder ? "warn" : "ok",
    text:
      `${found}. ${harder ? "The model does worse on them" : "The model handles them about as well as the rest"}: ` +
      `${formatPercent(e.outlierErrorRate)} of outliers are edge cases (${e.definition}) against ${formatPercent(e.inlierErrorRate)} of other rows. ` +
      `${count(e.outliersHandledWell, "outlier is", "outliers are")} predicted well, and ${count(e.edgeCasesAmongInliers, "edge case is not an outlier", "edge cases are not outliers")} at all: being unusual and being mispredicted are different things.`,
  };
}

export function outliersNotes(d: OutliersData): string[] {
  return [
    ...d.notes,
    `Detectors: an isolation forest (100 trees of 256 rows), the distance to the ${ordinal(d.k)} nearest neighbour, and the reconstruction error from ${d.components} principal components (those reaching 90% of the variance, never all of them); each flags its top ${formatPercent(d.contamination)}, and a row needs two votes and a squared robust Mahalanobis distance past the χ² cut (${d.df} df, Bonferroni-corrected over the rows) to be an outlier.`,
    "Columns are standardised and categories one-hot encoded first (missing values set to the median), so every column counts on the same scale.",
    ...(d.dates.length ? [`Date columns left out: ${d.dates.map((n) => `"${n}"`).join(", ")}; compare periods with %drift instead.`] : []),
  ];
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

function ordinal(k: number): string {
  const suffix = k % 100 >= 11 && k % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][k % 10] ?? "th");
  return `${k}${suffix}`;
}
