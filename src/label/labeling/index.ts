/**
 * labeling(DATA, { lfs, gold }): weak supervision measured. Labeling functions vote on rows
 * or abstain; their coverage, overlap and conflict (Snorkel's LFAnalysis), a Dawid–Skene
 * label model that learns each function's accuracy without gold labels, against majority
 * vote; with gold labels, each function's accuracy, and what training an end model on the
 * weak labels costs against gold labels, in gold labels.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { createResult, type Result } from "../../result.js";
import { labelingChart } from "./chart.js";
import { computeLabeling } from "./compute.js";
import { LABELING_OPTIONS } from "./options.js";
import type { LabelingData, LabelingOptions } from "./types.js";
import { labelingNotes, labelingVerdict } from "./verdict.js";

export type { CurvePoint, EndModel, FunctionSummary, FunctionThrew, GoldScores, LabelingData, LabelingOptions, Scored } from "./types.js";

export async function labeling(data: DataInput, options: LabelingOptions = {}): Promise<Result<LabelingData>> {
  const dataset = await resolveData(data);
  LABELING_OPTIONS.check(options, dataset);
  const d = await computeLabeling(dataset, options);
  const gold = d.functions.some((f) => f.gold);
  return createResult({
    kind: "labeling",
    version: 1,
    title: `Weak supervision: ${d.functions.length} labeling functions on ${dataset.meta.name ?? "the data"}${options.gold ? `, gold labels in ${options.gold}` : ""}`,
    verdict: labelingVerdict(d),
    notes: labelingNotes(d),
    table: {
      columns: ["function", "votes for", "coverage", "overlap", "conflict", "accuracy (label model)", ...(gold ? ["accuracy (gold)", "95% CI"] : [])],
      rows: d.functions.map((f) => [
        f.name,
        f.polarity.join(", "),
        f.coverage,
        f.overlap,
        f.conflict,
        f.learnedAccuracy,
        ...(gold ? [f.gold && f.gold.n > 0 ? f.gold.accuracy : null, f.gold && f.gold.n > 0 ? `${f.gold.low.toFixed(3)} to ${f.gold.high.toFixed(3)}` : "—"] : []),
      ]),
    },
    chart: labelingChart(d),
    data: d,
    datasets: [dataset.provenance()],
    seed: options.seed ?? 0,
  });
}
