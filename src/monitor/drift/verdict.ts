/** The verdict of drift: the share of columns that drifted, the worst ones named, and the model's predictions. */
import { formatFigures, formatPercent } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import type { DriftData } from "./types.js";

export function driftVerdict(d: DriftData): { verdict: Verdict; notes: string[] } {
  const judged = d.columns.filter((c) => c.method !== "skipped");
  const drifted = d.columns.filter((c) => c.drifted);
  const level = d.driftedShare === 0 ? "ok" : d.driftedShare < 0.5 ? "warn" : "fail";
  const listing = drifted.slice(0, 4).map((c) => `"${c.column}" (${c.method} ${formatFigures(c.effect)})`).join(", ");
  const predictions = d.predictions;
  const text =
    (drifted.length === 0
      ? `No column drifted (${d.regime}; ${judged.length} columns compared).`
      : `${level === "fail" ? "Most columns drifted" : "Some columns drifted"}: ${drifted.length} of ${judged.length} (${formatPercent(d.driftedShare, 2)}), ${listing}${drifted.length > 4 ? ", …" : ""}. ${level === "fail" ? "Most of the data has changed: re-evaluate the model on current data before trusting it." : "Check whether the model relies on these columns, and how its predictions moved."}`) +
    (predictions ? ` The model's predictions ${predictions.drifted ? "drifted" : "did not drift"} (${predictions.method} ${formatFigures(predictions.effect)}).` : "");
  const notes = d.columns.filter((c) => c.note).map((c) => `"${c.column}": ${c.note}`);
  const corrected = d.columns.filter((c) => c.rawEffect !== undefined && c.rawEffect - c.effect >= 0.02);
  if (corrected.length > 0) {
    notes.push(
      `Two samples of one distribution differ by chance, the more so the more categories a column has: ${corrected
        .slice(0, 4)
        .map((c) => `"${c.column}" measures ${formatFigures(c.rawEffect!)}, ${formatFigures(c.effect)} beyond chance`)
        .join("; ")}${corrected.length > 4 ? "; …" : ""}.`,
    );
  }
  return { verdict: { level, text }, notes };
}
