/**
 * selectionBias(SAMPLE, POPULATION): does a collected sample represent the population it
 * should? Per metadata column, each category's share on both sides with intervals and the
 * largest gaps first, a goodness-of-fit test per column (Holm-corrected), an adversarial
 * model telling the two apart, the book's likely causes where the columns name them (time,
 * location, demographics), weights that bring the sample to the population's shares, and
 * with a target, a model's score on the population trained with and without those weights.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import type { Dataset } from "../../data/dataset.js";
import { formatPercent } from "../../display/format.js";
import { createResult, type Result } from "../../result.js";
import { selectionBiasChart } from "./chart.js";
import { computeSelectionBias } from "./compute.js";
import { SELECTION_BIAS_OPTIONS } from "./options.js";
import type { SelectionBiasData, SelectionBiasOptions } from "./types.js";
import { selectionBiasVerdict } from "./verdict.js";

export type { AdversarialSummary, CategoryShare, Cause, ColumnComparison, ScoreComparison, SelectionBiasData, SelectionBiasOptions, Weighting } from "./types.js";

/** Rows of the table at most (every category stays in `data.shares`). */
const TABLE_ROWS = 30;

function describe(data: Dataset, fallback: string): string {
  return `${data.meta.name ?? fallback} (${data.nRows.toLocaleString("en-US")} rows)`;
}

/** A gap in shares as signed percentage points: "+31.7", "−0.4". */
const points = (gap: number) => `${gap > 0 ? "+" : gap < 0 ? "−" : ""}${Math.abs(gap * 100).toFixed(1)}`;
const holmP = (p: number) => (Number.isNaN(p) ? null : p < 0.001 ? "< 0.001" : Number(p.toFixed(3)));
const interval = (share: number, low: number, high: number) => `${formatPercent(share)} (${formatPercent(low)}–${formatPercent(high)})`;

export async function selectionBias(sample: DataInput, population: DataInput, options: SelectionBiasOptions = {}): Promise<Result<SelectionBiasData>> {
  const s = await resolveData(sample, "SAMPLE");
  const p = await resolveData(population, "POPULATION");
  SELECTION_BIAS_OPTIONS.check(options);
  const data = await computeSelectionBias(s, p, options);
  const { verdict, notes } = selectionBiasVerdict(data);
  return createResult({
    kind: "selection-bias",
    version: 1,
    title: `Selection bias: sample ${describe(s, "SAMPLE")} against population ${describe(p, "POPULATION")}`,
    verdict,
    notes,
    table: {
      columns: ["column", "category", "sample share (95% CI)", "population share (95% CI)", "gap (points)", "reweighted share", "column's Holm p"],
      rows: data.shares.slice(0, TABLE_ROWS).map((r) => {
        const column = data.columns.find((c) => c.column === r.column)!;
        return [r.column, r.category, interval(r.sampleShare, r.sampleLow, r.sampleHigh), interval(r.populationShare, r.populationLow, r.populationHigh), points(r.gap), Number.isFinite(r.weightedShare) ? formatPercent(r.weightedShare) : null, holmP(column.adjustedP)];
      }),
    },
    chart: selectionBiasChart(data),
    data,
    datasets: [s.provenance("SAMPLE"), p.provenance("POPULATION")],
    seed: options.seed ?? 0,
  });
}
