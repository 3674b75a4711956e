/**
 * drift(REFERENCE, CURRENT): has the data changed? Per column, a test chosen by type and
 * size (significance plus a minimum effect for a small reference, effect sizes for a large
 * one), categories measured beyond the distance chance puts between two samples, and a
 * verdict from the share of columns that drifted. PSI on request; with a fitted model, the
 * drift of its predictions too.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { createResult, type Result } from "../../result.js";
import { driftChart } from "./chart.js";
import { computeDrift } from "./compute.js";
import { DRIFT_OPTIONS } from "./options.js";
import type { DriftData, DriftOptions } from "./types.js";
import { driftVerdict } from "./verdict.js";

export type { ColumnDrift, DriftData, DriftOptions } from "./types.js";

export async function drift(reference: DataInput, current: DataInput, options: DriftOptions = {}): Promise<Result<DriftData>> {
  const ref = await resolveData(reference, "REFERENCE");
  const cur = await resolveData(current, "CURRENT");
  DRIFT_OPTIONS.check(options);
  const data = await computeDrift(ref, cur, options);
  const { verdict, notes } = driftVerdict(data);
  const withPsi = options.psi === true;
  return createResult({
    kind: "drift",
    version: 1,
    title: `Drift: ${cur.nRows.toLocaleString("en-US")} current rows against ${ref.nRows.toLocaleString("en-US")} reference rows`,
    verdict,
    notes,
    table: {
      columns: ["column", "type", "method", "effect", "p-value", ...(withPsi ? ["PSI"] : []), "drifted"],
      rows: [...data.columns, ...(data.predictions ? [data.predictions] : [])].map((c) => [c.column, c.type, c.method, Number.isNaN(c.effect) ? null : c.effect, c.pValue ?? null, ...(withPsi ? [c.psi ?? null] : []), c.drifted ? "yes" : "no"]),
    },
    chart: driftChart(data),
    data,
    datasets: [ref.provenance("reference"), cur.provenance("current")],
    seed: options.seed ?? 0,
  });
}
