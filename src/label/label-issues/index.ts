/**
 * labelIssues(DATA, { target }): which labels look wrong? Confident learning on out-of-fold
 * probabilities finds the suspect rows (each with its given and its likely label) and
 * estimates the label noise between each pair of classes; the user's model is then refitted
 * on the same folds without the suspects, to show what cleaning them would buy.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { createResult, type Result } from "../../result.js";
import { labelIssuesChart } from "./chart.js";
import { computeLabelIssues } from "./compute.js";
import { LABEL_ISSUES_OPTIONS } from "./options.js";
import type { LabelIssuesData, LabelIssuesOptions } from "./types.js";
import { labelIssuesNotes, labelIssuesVerdict } from "./verdict.js";

export type { LabelIssuesData, LabelIssuesOptions, NoisePair, RankBy, Retrain, Suspect } from "./types.js";

/** Suspects shown in the table; all of them are in the result's data. */
const SHOWN = 25;

export async function labelIssues(data: DataInput, options: LabelIssuesOptions = {}): Promise<Result<LabelIssuesData>> {
  const dataset = await resolveData(data);
  LABEL_ISSUES_OPTIONS.check(options, dataset);
  const d = await computeLabelIssues(dataset, options);
  return createResult({
    kind: "label-issues",
    version: 1,
    title: `Label errors in ${d.target} (${d.model}, ${d.rows.toLocaleString("en-US")} rows)`,
    verdict: labelIssuesVerdict(d),
    notes: labelIssuesNotes(d),
    table: {
      columns: ["row", "given label", "likely label", "P(given)", "P(likely)"],
      rows: d.suspects.slice(0, SHOWN).map((s) => [s.row, s.given, s.likely, s.selfConfidence, s.likelyProbability]),
    },
    chart: labelIssuesChart(d),
    data: d,
    datasets: [dataset.provenance()],
    seed: options.seed ?? 0,
  });
}
