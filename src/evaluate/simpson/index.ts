/**
 * simpson(DATA, { outcome, treatment?, by?, count? }): does the association between a
 * treatment and an outcome reverse once a third variable is held fixed? One triple, or a
 * scan of every pair of candidate columns.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { createResult, type Result } from "../../result.js";
import { simpsonChart } from "./chart.js";
import { computeSimpson } from "./compute.js";
import { SIMPSON_OPTIONS } from "./options.js";
import { simpsonTable } from "./table.js";
import type { SimpsonData, SimpsonOptions } from "./types.js";
import { simpsonVerdict } from "./verdict.js";

export type { Finding, SimpsonData, SimpsonOptions } from "./types.js";

export async function simpson(data: DataInput, options: SimpsonOptions = {}): Promise<Result<SimpsonData>> {
  const given = await resolveData(data);
  const checked = SIMPSON_OPTIONS.check(options, given);
  const { data: d, dataset, outcome } = await computeSimpson(given, checked);
  const { verdict, notes } = simpsonVerdict(d, outcome);
  const single = d.mode === "single";
  return createResult({
    kind: "simpson",
    version: 1,
    title: single ? `Simpson's paradox: ${checked.treatment} and ${outcome}, by ${checked.by}` : `Simpson's paradox scan for ${outcome}`,
    verdict,
    notes,
    table: simpsonTable(d),
    chart: simpsonChart(d),
    data: d,
    datasets: [dataset.provenance()],
  });
}
