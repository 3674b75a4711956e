/**
 * Every contender (naive baselines, a heuristic, the candidate models) runs on the same
 * folds and is scored out of fold; the same bootstrap draws of the tested rows give each
 * score's interval and the paired interval of the gain. Metrics that sort (ROC AUC) are
 * resampled from one sort, with each draw's counts as weights.
 */
import type { Dataset } from "../../data/dataset.js";
import { pipelineFor } from "../../features/default-pipeline.js";
import { targetOf } from "../../features/target.js";
import { framedHuman, framedMetric, framedMinGain } from "../../frame/defaults.js";
import { formatFigures } from "../../display/format.js";
import { message } from "../../messages.js";
import { labelledRows, targetName as targetNameOf } from "../../validate/target.js";
import { defaultMetric, metric, type MetricSpec, type Predictions } from "../../metrics/registry.js";
import type { Target } from "../../models/contract.js";
import { Progress } from "../../runtime/context.js";
import { bootstrapCounts, type CountBlock, countedRows, drawsOf, percentileInterval } from "../../stats/intervals.js";
import { Random } from "../../util/random.js";
import { chooseModel } from "../../validate/model.js";
import { collect, runFolds, subsetPredictions, subsetTarget } from "../../validate/out-of-fold.js";
import { planFolds } from "../../validate/plan.js";
import { asPredictor, type Predictor } from "../../validate/predictor.js";
import { heuristic } from "./heuristic.js";
import type { BaselineData, BaselineOptions, Contender, ContenderKind, PatternRule, RowRule } from "./types.js";

export const ANALYSIS = "baseline";
const NORMALIZED_GAIN = 0.1;

type Scored = Contender & { resampled?: Float64Array };

export async function computeBaseline(given: Dataset, options: BaselineOptions): Promise<{ data: BaselineData; spec: MetricSpec }> {
  if (given.nRows === 0) throw message.emptyData(given.meta.name ? `"${given.meta.name}"` : "the data");
  const targetName = targetNameOf(ANALYSIS, given, options.target);
  const { dataset, note: unlabelled } = labelledRows(ANALYSIS, given, targetName);
  const target = targetOf(dataset, targetName);
  const spec = metric(options.metric ?? framedMetric(options.card, target.kind) ?? defaultMetric(target.kind), target.kind);
  const minGain = options.minGain ?? framedMinGain(options.card, target.kind);
  const human = options.human ?? framedHuman(options.card, target.kind);
  const seed = options.seed ?? 0;
  const plan = planFolds(ANALYSIS, dataset, target, { folds: options.folds, seed }, options.card);
  const candidates = options.models ?? (options.model !== undefined ? [options.model] : [undefined]);
  const predictors: { predictor: Predictor; kind: ContenderKind }[] = [
    ...baselinesFor(target.kind, seed).map((predictor) => ({ predictor, kind: "baseline" as const })),
    ...(options.heuristic ? [{ predictor: toPredictor(options.heuristic), kind: "heuristic" as const }] : []),
    ...candidates.map((model) => ({ predictor: chooseModel(ANALYSIS, { model, params: options.params }, dataset, targetName).predictor, kind: "model" as const })),
  ];
  const progress = new Progress("comparing with baselines", predictors.length * plan.folds.length);
  const resamples = options.resamples ?? (dataset.nRows > 20_000 ? 200 : 1000);
  const random = new Random(seed);
  const scored: Scored[] = [];
  // Every contender runs on the same folds, so the out-of-fold truth and the resampled rows are the same for all.
  let draws: CountBlock[] | undefined;
  for (const { predictor, kind } of predictors) {
    const runs = await runFolds(dataset, targetName, predictor, plan, { withProba: spec.needs === "proba", progress });
    const { truth, predictions } = collect(runs, dataset.nRows);
    draws ??= bootstrapCounts(truth.kind === "classification" ? truth.codes.length : truth.values.length, resamples, random);
    const { score, resampled } = resample(spec, truth, predictions, draws);
    const interval = percentileInterval(score, resampled);
    scored.push({ name: predictor.name, kind, score: interval.value, low: interval.low, high: interval.high, foldScores: runs.map((r) => spec.compute(r.truth, r.predictions)), resampled });
  }
  progress.finish();
  if (human) scored.push({ name: "human", kind: "human", score: human.score, low: human.score, high: human.score, foldScores: [], ...(human.source ? { source: human.source } : {}) });
  const better = (a: number, b: number) => (spec.greaterIsBetter ? a > b : a < b);
  const pick = (kinds: ContenderKind[]) => scored.filter((c) => kinds.includes(c.kind)).reduce((best, c) => (better(c.score, best.score) ? c : best));
  const bestBaseline = pick(["baseline", "heuristic", "human"]);
  const bestModel = pick(["model"]);
  const direction = spec.greaterIsBetter ? 1 : -1;
  const room = direction * (spec.perfect - bestBaseline.score);
  const gains = Float64Array.from(bestModel.resampled!, (m, i) => direction * (m - (bestBaseline.resampled ? bestBaseline.resampled[i] : bestBaseline.score)));
  const gain = percentileInterval(direction * (bestModel.score - bestBaseline.score), gains);
  const normalizedGain = percentileInterval(gain.value / room, gains.map((g) => g / room));
  const rule =
    minGain !== undefined
      ? `a gain of at least ${formatFigures(minGain)} ${spec.name} (the framing card's minimum) with its interval above zero`
      : `a normalized gain (model − baseline) / (perfect − baseline) of at least ${NORMALIZED_GAIN} with its interval above zero`;
  const beats = minGain !== undefined ? gain.value >= minGain && gain.low > 0 : normalizedGain.value >= NORMALIZED_GAIN && normalizedGain.low > 0;
  const contenders: Contender[] = scored.map(({ resampled: _resampled, ...c }) => c);
  return {
    spec,
    data: { target: targetName, metric: spec.name, greaterIsBetter: spec.greaterIsBetter, folds: plan.folds.length, contenders, bestBaseline: bestBaseline.name, bestModel: bestModel.name, gain, normalizedGain, rule, beats, ...(unlabelled ? { unlabelled } : {}) },
  };
}

/** The metric on all rows and on every bootstrap draw: from one sort where the metric allows it, else on the drawn rows. */
export function resample(spec: MetricSpec, truth: Target, predictions: Predictions, draws: readonly CountBlock[]): { score: number; resampled: Float64Array } {
  const weighted = spec.resampler?.(truth, predictions);
  if (weighted) {
    const n = draws[0].counts.length / draws[0].width;
    return { score: weighted({ counts: new Uint16Array(n).fill(1), width: 1 })[0], resampled: Float64Array.from(draws.flatMap((block) => [...weighted(block)])) };
  }
  const resampled = Float64Array.from(drawsOf(draws), (counts) => {
    const rows = countedRows(counts);
    return spec.compute(subsetTarget(truth, rows), subsetPredictions(predictions, rows));
  });
  return { score: spec.compute(truth, predictions), resampled };
}

function baselinesFor(task: "classification" | "regression", seed: number): Predictor[] {
  const names = task === "classification" ? ["random", "stratified", "zero-rule"] : ["random", "zero-rule"];
  const predictors = names.map((name) => asPredictor(pipelineFor(name, { seed })));
  if (task === "regression") predictors.push({ ...asPredictor(pipelineFor("zero-rule", { statistic: "median" })), name: "zero-rule (median)" });
  return predictors;
}

function toPredictor(h: RowRule | PatternRule | Predictor): Predictor {
  return typeof h === "object" && "fit" in h ? h : heuristic(h);
}
