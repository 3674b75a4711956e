/**
 * adversarial(A, B): can a classifier tell the rows of A from the rows of B? An AUC near
 * 0.5 means the two look like samples of one distribution; the drift score 2·AUC − 1 runs
 * from 0 (indistinguishable) to 1 (perfectly separable) and is flagged at 0.25. Permuting
 * one column at a time inside each fold's test rows shows which columns give the game away.
 * When A and B share most of their rows beyond chance, it says so instead of fitting.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import type { Dataset } from "../../data/dataset.js";
import { createResult, type Result } from "../../result.js";
import { adversarialChart } from "./chart.js";
import { computeAdversarial } from "./compute.js";
import { ADVERSARIAL_OPTIONS } from "./options.js";
import type { AdversarialData, AdversarialOptions } from "./types.js";
import { adversarialVerdict } from "./verdict.js";

export type { AdversarialData, AdversarialOptions, Giveaway, SharedRows } from "./types.js";

function describe(data: Dataset): string {
  const rows = `${data.nRows.toLocaleString("en-US")} rows`;
  return data.meta.name ? `${data.meta.name} (${rows})` : rows;
}

export async function adversarial(a: DataInput, b: DataInput, options: AdversarialOptions = {}): Promise<Result<AdversarialData>> {
  const first = await resolveData(a, "A");
  const second = await resolveData(b, "B");
  ADVERSARIAL_OPTIONS.check(options);
  const data = await computeAdversarial(first, second, options);
  const { verdict, notes } = adversarialVerdict(data);
  return createResult({
    kind: "adversarial-validation",
    version: 1,
    title: `Adversarial validation: A = ${describe(first)}, B = ${describe(second)}`,
    verdict,
    notes,
    table: data.compared
      ? { columns: ["column", "AUC drop when shuffled"], rows: data.giveaways.map((g) => [g.column, g.aucDrop]) }
      : {
          columns: ["rows", "found", "chance predicts"],
          rows: [
            ["rows of A also in B", data.shared.inA, Math.round(data.shared.expectedInA)],
            ["rows of B also in A", data.shared.inB, Math.round(data.shared.expectedInB)],
          ],
        },
    chart: adversarialChart(data),
    data,
    datasets: [first.provenance("A"), second.provenance("B")],
    seed: options.seed ?? 0,
  });
}
