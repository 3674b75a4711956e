/** The verdict of adversarial validation: shared rows first, then whether a model tells A from B, and by which columns. */
import { formatFigures, formatPercent } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import { SHUFFLE_ROWS } from "./compute.js";
import type { AdversarialData, Giveaway } from "./types.js";

const count = (n: number) => n.toLocaleString("en-US");

/** The columns whose shuffling costs a real share of the separation, at most three. */
function tellingColumns(d: AdversarialData): Giveaway[] {
  const separation = d.auc - 0.5;
  return d.giveaways.filter((g) => g.aucDrop >= Math.max(0.01, 0.1 * separation)).slice(0, 3);
}

function sharedText(d: AdversarialData): string {
  const { inA, inB, expectedInA, expectedInB } = d.shared;
  return `${count(inB)} of B's ${count(d.bRows)} rows (${formatPercent(inB / d.bRows)}) are also in A and ${count(inA)} of A's ${count(d.aRows)} (${formatPercent(inA / d.aRows)}) in B, where chance predicts about ${count(Math.round(expectedInB))} and ${count(Math.round(expectedInA))}`;
}

export function adversarialVerdict(d: AdversarialData): { verdict: Verdict; notes: string[] } {
  if (!d.compared) {
    const what = d.shared.identical ? "A and B hold the same rows" : `A and B share most of their rows: ${sharedText(d)}`;
    return {
      verdict: {
        level: "warn",
        text: `${what}. A classifier cannot tell a row from itself, so an AUC would only measure the overlap; no model was fitted. Pass the rows only B has as B (new data against what the model was trained on), or two periods that do not overlap.`,
      },
      notes: [],
    };
  }
  const notes = [`Out-of-fold predictions over ${d.folds} stratified folds; the interval is DeLong's. Column shuffles are scored on up to ${SHUFFLE_ROWS.toLocaleString("en-US")} test rows per fold.`];
  if (Math.min(d.aRows, d.bRows) / Math.max(d.aRows, d.bRows) < 0.1) {
    notes.push("The two data sets differ in size more than tenfold; the AUC still compares like with like, but the smaller one limits how precise it is.");
  }
  if (d.shared.shareBeyondChance >= 0.01) notes.push(`Shared rows: ${sharedText(d)}. Rows on both sides cannot be told apart, which pulls the AUC towards 0.5.`);
  const auc = `AUC ${formatFigures(d.auc)} (95% CI ${formatFigures(d.low)} to ${formatFigures(d.high)})`;
  const score = `drift score ${formatFigures(Math.max(0, d.driftScore))}`;
  if (!d.flagged) {
    return {
      verdict: { level: "ok", text: `A ${d.model} model cannot tell A from B: ${auc}, ${score}, below the flag at ${d.threshold}. They look like samples of one distribution.` },
      notes,
    };
  }
  const telling = tellingColumns(d);
  const listing = telling.map((g) => `"${g.column}" (AUC drops ${formatFigures(g.aucDrop)} when shuffled)`).join(", ");
  return {
    verdict: {
      level: d.driftScore >= 0.5 ? "fail" : "warn",
      text:
        `A ${d.model} model tells A from B apart: ${auc}, ${score} ≥ ${d.threshold}. ` +
        (telling.length > 0 ? `What gives it away: ${listing}. ` : "No single column gives it away: the difference lies in how columns combine. ") +
        "A model trained on A will meet different data in B; check these columns for drift, leakage or a changed collection process.",
    },
    notes,
  };
}
