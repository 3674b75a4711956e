/**
 * The model score before and after reweighting: the user's model trained on the sample
 * as it is and again with the weights (the weight role, which every pipeline honours),
 * both scored on the same population rows the sample does not hold; the change gets a
 * paired bootstrap interval over those rows.
 */
import { Dataset } from "../../data/dataset.js";
import type { FramingCard } from "../../frame/card.js";
import { defaultMetric, metric, metricNames } from "../../metrics/registry.js";
import { Progress } from "../../runtime/context.js";
import { subsampledBootstrap } from "../../stats/intervals.js";
import { chooseModel } from "../../validate/model.js";
import { subsetPredictions, subsetTarget } from "../../validate/out-of-fold.js";
import { predict } from "../../validate/predictor.js";
import type { ScoreComparison, SelectionBiasOptions } from "./types.js";

const WEIGHT = "\u0000litml-selection-weight";

export async function compareScores(
  analysis: string,
  sample: Dataset,
  evaluation: Dataset,
  target: string,
  weights: Float64Array,
  scoredOn: ScoreComparison["scoredOn"],
  options: SelectionBiasOptions,
): Promise<ScoreComparison> {
  const chosen = chooseModel(analysis, { model: options.model, params: options.params }, sample, target);
  const progress = new Progress(`training ${chosen.name} on the sample, unweighted and weighted`, 2);
  const plain = await chosen.predictor.fit(sample, target);
  await progress.step();
  const weighted = new Dataset([...sample.names.map((n) => [n, sample.column(n)] as const), [WEIGHT, { type: "number", values: weights }]], { ...sample.roles, weight: WEIGHT }, sample.meta);
  const reweighted = await chosen.predictor.fit(weighted, target);
  await progress.step();
  progress.finish();
  const truth = plain.targetOf(evaluation);
  const spec = metric(metricFor(options.metric, options.card, truth.kind), truth.kind);
  const withProba = spec.needs === "proba";
  const before = predict(plain, evaluation, withProba);
  const after = predict(reweighted, evaluation, withProba);
  const unweighted = spec.compute(truth, before);
  const weightedScore = spec.compute(truth, after);
  const change = weightedScore - unweighted;
  const interval = subsampledBootstrap(
    evaluation.nRows,
    (rows) => {
      const t = subsetTarget(truth, rows);
      return spec.compute(t, subsetPredictions(after, rows)) - spec.compute(t, subsetPredictions(before, rows));
    },
    change,
    { seed: options.seed ?? 0, resamples: 200 },
  );
  return {
    target,
    model: chosen.name,
    metric: spec.name,
    greaterIsBetter: spec.greaterIsBetter,
    scoredOn,
    scoredRows: evaluation.nRows,
    unweighted,
    weighted: weightedScore,
    change,
    changeLow: interval.low,
    changeHigh: interval.high,
  };
}

/** The metric option, else the card's metric when it fits the task, else the task's default. */
function metricFor(given: string | undefined, card: FramingCard | undefined, task: "classification" | "regression"): string {
  if (given !== undefined) return given;
  if (card?.metric !== undefined && metricNames(task).includes(card.metric)) return card.metric;
  return defaultMetric(task);
}
