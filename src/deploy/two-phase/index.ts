/**
 * twoPhase(DATA, { target, small, large }): a small model answers when its top-class
 * probability reaches a cut and hands the rest to a large one. On both models' out-of-fold
 * probabilities (same folds): accuracy with Wilson intervals, share escalated and mean
 * latency against the cut, the cut that stays within a tolerance of the large model at the
 * least escalation, and whether the large model helps at all.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { createResult, type Result } from "../../result.js";
import { twoPhaseChart } from "./chart.js";
import { computeTwoPhase } from "./compute.js";
import { TWO_PHASE_OPTIONS } from "./options.js";
import type { TwoPhaseData, TwoPhaseOptions } from "./types.js";
import { twoPhaseNotes, twoPhaseVerdict } from "./verdict.js";

export type { CutPoint, ModelTiming, TwoPhaseData, TwoPhaseOptions } from "./types.js";

/** Cuts shown in the table: every tenth of the curve, and the chosen one. */
export async function twoPhase(data: DataInput, options: TwoPhaseOptions = {}): Promise<Result<TwoPhaseData>> {
  const dataset = await resolveData(data);
  TWO_PHASE_OPTIONS.check(options, dataset);
  const d = await computeTwoPhase(dataset, options);
  const shown = d.curve.filter((p, i) => i % 10 === 0 || p.cut === d.chosen.cut || i === d.curve.length - 1);
  return createResult({
    kind: "two-phase",
    version: 1,
    title: `Two-phase prediction: ${d.small.model} then ${d.large.model} (${d.target}, ${d.rows.toLocaleString("en-US")} rows)`,
    verdict: twoPhaseVerdict(d),
    notes: twoPhaseNotes(d),
    table: {
      columns: ["cut", "accuracy", "95% CI low", "95% CI high", "share escalated", "mean ms a row", "chosen"],
      rows: shown.map((p) => [p.cut, p.accuracy, p.low, p.high, p.escalated, p.latency, p.cut === d.chosen.cut ? "yes" : ""]),
    },
    chart: twoPhaseChart(d),
    data: d,
    datasets: [dataset.provenance()],
    seed: options.seed ?? 0,
  });
}
