/**
 * activeLearning(DATA, { target }): would active learning save labels on this data? A
 * simulated labelling loop on labelled data, where a row's label is revealed only when a
 * strategy picks it: uncertainty sampling, diversity sampling, the two combined (the
 * book's recommendation) and random picks, each from the same start over several seeds.
 * The verdict claims savings only beyond the seeds' noise.
 *
 * nextToLabel(model, pool, { strategy, batch }): the rows of a real unlabelled pool to
 * label next, chosen by a fitted pipeline.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { formatFigures } from "../../display/format.js";
import { createResult, type Result } from "../../result.js";
import { activeLearningChart } from "./chart.js";
import { computeActiveLearning } from "./compute.js";
import { computeNextToLabel } from "./next-to-label.js";
import { ACTIVE_LEARNING_OPTIONS } from "./options.js";
import type { ActiveLearningData, ActiveLearningOptions, NextToLabelData, NextToLabelOptions } from "./types.js";
import { activeLearningNotes, activeLearningVerdict } from "./verdict.js";

/** The uncertainty ranking the loop and nextToLabel use, for other pickers (the labelling session's default). */
export { topByScore, uncertaintyScores } from "./strategies.js";
export type { ActiveLearningData, ActiveLearningOptions, CurvePoint, NextToLabelData, NextToLabelOptions, Strategy, StrategyCurve, Uncertainty } from "./types.js";

export async function activeLearning(data: DataInput, options: ActiveLearningOptions = {}): Promise<Result<ActiveLearningData>> {
  const dataset = await resolveData(data);
  ACTIVE_LEARNING_OPTIONS.check(options, dataset);
  const d = await computeActiveLearning(dataset, options);
  const last = (points: readonly { mean: number; low: number; high: number }[]) => points[points.length - 1];
  return createResult({
    kind: "active-learning",
    version: 1,
    title: `Active learning for ${d.target} (${d.model}, ${d.budget.toLocaleString("en-US")} labels, ${d.seeds} seeds)`,
    verdict: activeLearningVerdict(d),
    notes: activeLearningNotes(d),
    table: {
      columns: ["strategy", `${d.metric} at ${d.budget} labels`, "95% CI", `labels to reach ${formatFigures(d.successValue)}`, "labels saved vs random", "gain over random along the curve", "its CI", "beats random"],
      rows: d.curves.map((c) => [
        c.strategy,
        last(c.points).mean,
        `${formatFigures(last(c.points).low)} to ${formatFigures(last(c.points).high)}`,
        c.labelsToSuccess ?? `> ${d.budget}`,
        // Savings are claimed only beyond the seeds' noise.
        c.strategy === "random" ? null : !c.beatsRandom ? "none beyond noise" : c.labelsSaved ? `${c.labelsSaved.atLeast ? "≥ " : ""}${c.labelsSaved.labels}` : null,
        c.gainOverRandom?.mean ?? null,
        c.gainOverRandom ? `${formatFigures(c.gainOverRandom.low, 2)} to ${formatFigures(c.gainOverRandom.high, 2)}` : null,
        c.strategy === "random" ? null : c.beatsRandom ? "yes" : c.losesToRandom ? "no, worse" : c.inconclusive ? "inconclusive" : "no (within noise)",
      ]),
    },
    chart: activeLearningChart(d),
    data: d,
    datasets: [dataset.provenance()],
    seed: options.seed ?? 0,
  });
}

export async function nextToLabel(model: unknown, pool: DataInput, options: NextToLabelOptions = {}): Promise<Result<NextToLabelData>> {
  const { data: d, pool: dataset } = await computeNextToLabel(model, pool, options);
  const how =
    d.strategy === "uncertainty" ? `the ${d.rows.length} rows the model is least sure of (${d.uncertainty})` : d.strategy === "diversity" ? `${d.rows.length} rows spread over the feature space, far from the labelled ones` : d.strategy === "combined" ? `${d.rows.length} rows among the most uncertain, spread apart` : `${d.rows.length} rows drawn at random`;
  const shown = dataset.names.slice(0, 6);
  return createResult({
    kind: "next-to-label",
    version: 1,
    title: `Rows to label next (${d.strategy}, ${d.model})`,
    verdict: { level: "ok", text: `Label these next: ${how}, out of ${d.poolRows.toLocaleString("en-US")} unlabelled rows.` },
    notes: ["Rows are numbered as in the pool given (from 0). Once labelled, refit the model and ask again."],
    table: {
      columns: ["row", "uncertainty", "model's guess", ...shown],
      rows: d.rows.map((r, i) => [r, d.scores[i], d.guesses[i], ...shown.map((n) => { const v = dataset.get(r, n); return v instanceof Date ? v.toISOString().slice(0, 10) : v; })]),
    },
    data: d,
    datasets: [dataset.provenance("POOL")],
    seed: options.seed ?? 0,
  });
}
