/**
 * fairness(DATA, { target, sensitive }): does the model treat groups alike? Selection,
 * true and false positive rates per group from out-of-fold predictions, and the demographic
 * parity and equalized odds differences between groups, with intervals.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { createResult, type Result } from "../../result.js";
import { fairnessChart } from "./chart.js";
import { computeFairness } from "./compute.js";
import { FAIRNESS_OPTIONS } from "./options.js";
import type { FairnessData, FairnessOptions } from "./types.js";
import { fairnessNotes, fairnessVerdict } from "./verdict.js";

export type { Difference, FairnessData, FairnessOptions, GroupRates } from "./types.js";

export async function fairness(data: DataInput, options: FairnessOptions = {}): Promise<Result<FairnessData>> {
  const dataset = await resolveData(data);
  FAIRNESS_OPTIONS.check(options, dataset);
  const d = await computeFairness(dataset, options);
  return createResult({
    kind: "fairness",
    version: 1,
    title: `Fairness of ${d.model} predicting "${d.positive}" across ${d.sensitive}`,
    verdict: fairnessVerdict(d),
    notes: fairnessNotes(d),
    table: {
      columns: [d.sensitive, "rows", `predicted "${d.positive}"`, "true positive rate", "false positive rate"],
      rows: d.groups.map((g) => [g.judged ? g.group : `${g.group} (under ${d.minSize} rows: not judged)`, g.rows, g.selectionRate, g.truePositiveRate, g.falsePositiveRate]),
    },
    chart: fairnessChart(d),
    data: d,
    datasets: [dataset.provenance()],
    seed: options.seed ?? 0,
  });
}
