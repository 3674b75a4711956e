/**
 * overfitCheck(DATA, { target }): the end-to-end sanity check. A working pipeline fits a
 * tiny batch far better than it fits the same batch with shuffled labels (or memorises it
 * outright); if not, something between the data and the model is broken (labels
 * misaligned, features dropped, a constant column where the signal should be) and no
 * amount of tuning will help.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { createResult, type Result } from "../../result.js";
import { overfitCheckChart } from "./chart.js";
import { computeOverfitCheck } from "./compute.js";
import { OVERFIT_CHECK_OPTIONS } from "./options.js";
import type { OverfitCheckData, OverfitCheckOptions } from "./types.js";
import { overfitCheckVerdict } from "./verdict.js";

export type { OverfitCheckData, OverfitCheckOptions } from "./types.js";

export async function overfitCheck(data: DataInput, options: OverfitCheckOptions = {}): Promise<Result<OverfitCheckData>> {
  const dataset = await resolveData(data);
  OVERFIT_CHECK_OPTIONS.check(options, dataset);
  const d = await computeOverfitCheck(dataset, options);
  const { verdict, notes } = overfitCheckVerdict(d);
  const sorted = [...d.shuffled].sort((a, b) => a - b);
  return createResult({
    kind: "overfit-check",
    version: 2,
    title: `Overfit check: ${d.model} on ${d.rows} rows of ${d.target}`,
    verdict,
    notes,
    table: {
      columns: ["labels", "training error / zero rule's", d.task === "classification" ? "rows misclassified" : "training RMSE"],
      rows: [
        ["real", d.trainingError, d.raw],
        ["shuffled (lowest)", sorted[0], null],
        ["shuffled (median)", sorted[Math.floor(sorted.length / 2)], null],
      ],
    },
    chart: overfitCheckChart(d),
    data: d,
    seed: options.seed ?? 0,
    datasets: [dataset.provenance()],
  });
}
