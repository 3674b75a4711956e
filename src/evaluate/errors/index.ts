/**
 * errors(DATA, { target }): where does the model fail? Slices of high error, a surrogate
 * tree of the errors and clusters of the misclassified rows, from out-of-fold predictions.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { createResult, type Result } from "../../result.js";
import { errorsChart } from "./chart.js";
import { computeErrors } from "./compute.js";
import { ERRORS_OPTIONS } from "./options.js";
import type { ErrorsData, ErrorsOptions } from "./types.js";
import { errorsVerdict } from "./verdict.js";

export type { ErrorSlice, ErrorsData, ErrorsOptions } from "./types.js";

export async function errors(data: DataInput, options: ErrorsOptions = {}): Promise<Result<ErrorsData>> {
  const dataset = await resolveData(data);
  const checked = ERRORS_OPTIONS.check(options, dataset);
  const d = await computeErrors(dataset, checked);
  const { verdict, notes } = errorsVerdict(d);
  return createResult({
    kind: "error-analysis",
    version: 1,
    title: `Error analysis of ${d.model} on ${d.target}`,
    verdict,
    notes,
    table: {
      columns: ["slice", "rows", "share", d.error, "score", `${d.metric} if fixed`, "95% CI low", "95% CI high"],
      rows: d.slices.map((s) => [s.slice, s.rows, s.share, s.error, s.score, s.ifFixed, s.ifFixedLow, s.ifFixedHigh]),
    },
    chart: errorsChart(d),
    data: d,
    datasets: [dataset.provenance()],
    seed: checked.seed ?? 0,
  });
}
