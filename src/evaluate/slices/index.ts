/**
 * slices(DATA, { target, by }): the model's metric per slice of the data (and per
 * intersection of two columns), because an average can hide a group the model fails.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { formatCell } from "../../display/format.js";
import { createResult, type Result } from "../../result.js";
import { slicesChart } from "./chart.js";
import { computeSlices } from "./compute.js";
import { SLICES_OPTIONS } from "./options.js";
import type { SlicesData, SlicesOptions } from "./types.js";
import { slicesVerdict } from "./verdict.js";

export type { Slice, SlicesData, SlicesOptions } from "./types.js";

export async function slices(data: DataInput, options: SlicesOptions = {}): Promise<Result<SlicesData>> {
  const dataset = await resolveData(data);
  const checked = SLICES_OPTIONS.check(options, dataset);
  const d = await computeSlices(dataset, checked);
  const { verdict, notes } = slicesVerdict(d);
  const by = d.by.join(" × ");
  return createResult({
    kind: "slices",
    version: 1,
    title: `${d.metric} of ${d.model} per ${by} slice`,
    verdict,
    notes,
    table: {
      columns: [by, "n", d.metric, "interval", "gap to overall", "adjusted p", "status"],
      rows: d.slices.map((s) => [s.label, s.n, s.value, Number.isNaN(s.low) ? null : `${formatCell(s.low)} to ${formatCell(s.high)}`, s.gap, Number.isNaN(s.adjustedPValue) ? null : s.adjustedPValue, s.status]),
    },
    chart: slicesChart(d),
    data: d,
    seed: checked.seed ?? 0,
    datasets: [dataset.provenance()],
  });
}
