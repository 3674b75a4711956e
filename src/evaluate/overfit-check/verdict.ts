/** The overfit check's verdict: does the fit come from the features, or could shuffled labels do as well? */
import { formatFigures, formatPercent } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import type { OverfitCheckData } from "./types.js";

const percent = (share: number) => formatPercent(share);

export function overfitCheckVerdict(d: OverfitCheckData): { verdict: Verdict; notes: string[] } {
  const sorted = [...d.shuffled].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const own =
    d.task === "classification"
      ? `it misclassifies ${d.raw} of ${d.rows} rows (${percent(d.trainingError)} of the zero rule's error)`
      : `its training RMSE is ${formatFigures(d.raw)}, ${percent(d.trainingError)} of the target's standard deviation`;
  const against = `with the labels shuffled (${d.shuffled.length} times) the same pipeline leaves ${percent(sorted[0])} to ${percent(sorted[sorted.length - 1])} (median ${percent(median)})`;
  const notes: string[] = [];
  if (d.smallerBatches.length > 0) {
    notes.push(`Smaller batches could not tell signal from noise (${d.smallerBatches.map((b) => `${b.rows} rows: ${percent(b.trainingError)} against a shuffled median of ${percent(b.shuffledMedian)}`).join("; ")}), so the batch grew to ${d.rows} rows.`);
  }
  if (d.memorisesNoise) notes.push(`${d.model} memorises shuffled labels as well, so memorising this batch shows only that rows and labels reach the model; the learning curve and the baselines tell whether it learns anything.`);
  if (d.passed) {
    const how = d.memorised ? `memorises a batch of ${d.rows} rows` : `learns a batch of ${d.rows} rows from its features`;
    return { verdict: { level: "ok", text: `The pipeline ${how}: ${own}; ${against}. The plumbing works end to end.` }, notes };
  }
  const cause = d.constantFeatures
    ? "Every feature holds a single value on these rows, so nothing tells the rows apart: check that the features were read and joined correctly."
    : d.memorisesNoise
      ? "It memorises shuffled labels but not the real ones: check that the labels line up with the rows."
      : "Check that the labels line up with the rows, that the features carry the signal (not dropped or constant), and that the model can express the rule.";
  return { verdict: { level: "fail", text: `The pipeline does no better on the real labels than on shuffled ones: ${own}; ${against}. ${cause}` }, notes };
}
