/**
 * thresholds(DATA, { target }): turn a classifier's probabilities into decisions with a
 * threshold learned from validation data instead of the habitual 0.5. With costs, the
 * threshold a calibrated model would need, C_FP / (C_FP + C_FN), is reported beside it.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { createResult, type Result } from "../../result.js";
import { thresholdsChart } from "./chart.js";
import { computeThresholds } from "./compute.js";
import { THRESHOLDS_OPTIONS } from "./options.js";
import type { ThresholdsData, ThresholdsOptions } from "./types.js";
import { thresholdsNotes, thresholdsVerdict } from "./verdict.js";

export type { Costs, OperatingPoint, Rates, ThresholdsData, ThresholdsOptions } from "./types.js";

export async function thresholds(data: DataInput, options: ThresholdsOptions = {}): Promise<Result<ThresholdsData>> {
  const dataset = await resolveData(data);
  THRESHOLDS_OPTIONS.check(options, dataset);
  const d = await computeThresholds(dataset, options);
  const cost = (p: { cost?: number }) => (d.costs ? [p.cost!] : []);
  return createResult({
    kind: "thresholds",
    version: 1,
    title: `Decision threshold for "${d.positive}" in ${d.target} (${d.model})`,
    verdict: thresholdsVerdict(d),
    notes: thresholdsNotes(d),
    table: {
      columns: ["decision rule", "threshold", "precision", "recall", "F1", ...(d.costs ? ["cost per row"] : [])],
      rows: [
        ["fixed at 0.5", 0.5, d.atHalf.precision, d.atHalf.recall, d.atHalf.f1, ...cost(d.atHalf)],
        ["learned (chosen on other folds)", null, d.honest.precision, d.honest.recall, d.honest.f1, ...cost(d.honest)],
        ["learned on all rows", d.learned.threshold, d.learned.precision, d.learned.recall, d.learned.f1, ...cost(d.learned)],
      ],
    },
    chart: thresholdsChart(d),
    data: d,
    datasets: [dataset.provenance()],
    seed: options.seed ?? 0,
  });
}
