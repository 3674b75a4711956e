/**
 * baseline(DATA, { target }): does the model beat the simplest things that could work?
 * Random guessing, guessing by class frequency, the zero rule, any heuristic given,
 * and a human or current-process score from the framing card, against the candidate
 * models: all on the same folds, scored out of fold with seeded bootstrap intervals.
 * The verdict asks whether the best model beats the best baseline by enough, with the
 * gain's interval (paired: the same resampled rows for both) clear of zero.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { formatCell } from "../../display/format.js";
import { createResult, type Result } from "../../result.js";
import { baselineChart } from "./chart.js";
import { computeBaseline } from "./compute.js";
import { BASELINE_OPTIONS } from "./options.js";
import type { BaselineData, BaselineOptions } from "./types.js";
import { baselineVerdict } from "./verdict.js";

export type { BaselineData, BaselineOptions, Contender, ContenderKind, PatternRule, RowRule } from "./types.js";
export { heuristic } from "./heuristic.js";

export async function baseline(data: DataInput, options: BaselineOptions = {}): Promise<Result<BaselineData>> {
  const dataset = await resolveData(data);
  BASELINE_OPTIONS.check(options, dataset);
  const { data: d } = await computeBaseline(dataset, options);
  const { verdict, notes } = baselineVerdict(d);
  return createResult({
    kind: "baseline-comparison",
    version: 1,
    title: `Baselines for ${d.target} (${d.metric}, ${d.folds}-fold)`,
    verdict,
    notes,
    table: {
      columns: ["contender", "kind", d.metric, "95% CI", "per-fold range"],
      rows: d.contenders.map((c) => [
        c.name,
        c.kind,
        c.score,
        c.kind === "human" ? (c.source ?? "given") : `${formatCell(c.low)} to ${formatCell(c.high)}`,
        c.foldScores.length ? `${formatCell(Math.min(...c.foldScores))} to ${formatCell(Math.max(...c.foldScores))}` : null,
      ]),
    },
    chart: baselineChart(d),
    data: d,
    seed: options.seed ?? 0,
    datasets: [dataset.provenance()],
  });
}
