/**
 * outliers(DATA): rows unlike the rest, by three detectors; with a target, which of them
 * are edge cases the model gets wrong (the book's distinction: being unusual and being
 * mispredicted are different things).
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { createResult, type Result } from "../../result.js";
import { outliersChart } from "./chart.js";
import { computeOutliers } from "./compute.js";
import { OUTLIERS_OPTIONS } from "./options.js";
import type { OutliersData, OutliersOptions } from "./types.js";
import { outliersNotes, outliersVerdict } from "./verdict.js";

export type { EdgeCaseSummary, OutlierRow, OutliersData, OutliersOptions } from "./types.js";

export async function outliers(data: DataInput, options: OutliersOptions = {}): Promise<Result<OutliersData>> {
  const dataset = await resolveData(data);
  OUTLIERS_OPTIONS.check(options, dataset);
  const d = await computeOutliers(dataset, options);
  const edge = d.edgeCases !== undefined;
  return createResult({
    kind: "outliers",
    version: 1,
    title: `Outliers${d.model ? ` and edge cases of ${d.model} on ${options.target}` : ""} (${d.features.length} columns)`,
    verdict: outliersVerdict(d),
    notes: outliersNotes(d),
    table: {
      columns: ["row", "detectors agreeing", "isolation score", "neighbour distance", "reconstruction error", "most unusual", ...(edge ? ["edge case"] : [])],
      rows: d.flagged.slice(0, 20).map((f) => [f.row, f.votes, f.isolation, f.distance, f.reconstruction, f.unusual, ...(edge ? [f.edgeCase ? "yes" : "no"] : [])]),
    },
    chart: outliersChart(d),
    data: d,
    datasets: [dataset.provenance()],
    seed: options.seed ?? 0,
  });
}
