/**
 * invariance(DATA, { target, sensitive }): would the prediction change if only the
 * sensitive attribute changed, and does raising a column move the prediction the way the
 * user expects?
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { formatCell } from "../../display/format.js";
import { createResult, type Result } from "../../result.js";
import { invarianceChart } from "./chart.js";
import { computeInvariance } from "./compute.js";
import { INVARIANCE_OPTIONS } from "./options.js";
import type { InvarianceData, InvarianceOptions } from "./types.js";
import { invarianceNotes, invarianceVerdict } from "./verdict.js";

export type { Expectation, InvarianceData, InvarianceOptions, Swap } from "./types.js";

export async function invariance(data: DataInput, options: InvarianceOptions = {}): Promise<Result<InvarianceData>> {
  const dataset = await resolveData(data);
  INVARIANCE_OPTIONS.check(options, dataset);
  const d = await computeInvariance(dataset, options);
  const regression = d.task === "regression";
  return createResult({
    kind: "invariance",
    version: 1,
    title: `Invariance of ${d.model} on ${d.target} to ${d.sensitive}`,
    verdict: invarianceVerdict(d),
    notes: invarianceNotes(d),
    table: {
      columns: ["change", "rows", regression ? "share moved > 1% sd" : "share flipped", ...(regression ? ["mean change"] : [])],
      rows: [
        ...d.swaps.map((s) => [`${d.sensitive}: ${s.from} → ${s.to}`, s.rows, s.flipRate, ...(regression ? [s.meanChange!] : [])]),
        ...d.expectations.map((e) => [`${e.column} + ${formatCell(e.step)} (expect ${e.direction === "+" ? "up" : "down"})`, null, e.violationRate, ...(regression ? [e.meanMove] : [])]),
      ],
    },
    chart: invarianceChart(d),
    data: d,
    datasets: [dataset.provenance()],
    seed: options.seed ?? 0,
  });
}
