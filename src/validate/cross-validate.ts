/**
 * Cross-validation: fit a fresh pipeline on each fold's training rows, score it on the
 * fold's test rows, and report every fold's metrics with its fit and predict times.
 * Everything a pipeline learns (imputation values, encodings, scales) is learned
 * inside the fold, so no test row leaks into training.
 */
import { type DataInput, resolveData } from "../data/convert.js";
import { targetOf } from "../features/target.js";
import { framedMetric } from "../frame/defaults.js";
import { mean, sampleStd } from "../stats/summary.js";
import { message } from "../messages.js";
import { defaultMetric, metric } from "../metrics/registry.js";
import { checkOptions, columnOf, numberOption } from "../options.js";
import { Progress } from "../runtime/context.js";
import { chooseModel, type FoldedModelOptions } from "./model.js";
import { runFolds } from "./out-of-fold.js";
import { planFolds, type SplitKind } from "./plan.js";

/** `model`: a registry name (see litml.models()) or a Pipeline; default logistic or ridge. */
export interface CrossValidateOptions extends FoldedModelOptions {
  readonly gap?: number;
  readonly metrics?: readonly string[];
}

export interface FoldScore {
  readonly fold: number;
  readonly trainRows: number;
  readonly testRows: number;
  readonly fitSeconds: number;
  readonly predictSeconds: number;
  readonly metrics: Readonly<Record<string, number>>;
}

export interface CrossValidation {
  readonly model: string;
  readonly split: SplitKind;
  readonly metrics: readonly string[];
  readonly folds: readonly FoldScore[];
  readonly mean: Readonly<Record<string, number>>;
  readonly std: Readonly<Record<string, number>>;
}

const ANALYSIS = "crossValidate";

export async function crossValidate(data: DataInput, options: CrossValidateOptions = {}): Promise<CrossValidation> {
  const dataset = await resolveData(data);
  const column = columnOf(ANALYSIS, dataset);
  const number = numberOption(ANALYSIS);
  checkOptions(ANALYSIS, options, {
    target: column,
    model: () => {},
    params: () => {},
    folds: number,
    split: () => {},
    group: column,
    time: column,
    gap: number,
    metrics: (v, o) => {
      if (!Array.isArray(v)) throw message.badOption(ANALYSIS, o, v, "a list of metric names");
    },
    seed: number,
    card: () => {},
  });
  const targetName = options.target ?? dataset.roles.target;
  if (targetName === undefined) throw message.badOption(ANALYSIS, "target", undefined, "the column to predict (or a data set with a target role)");
  const target = targetOf(dataset, targetName);
  const model = chooseModel(ANALYSIS, options, dataset, targetName);
  const metricNames = options.metrics ?? [framedMetric(options.card, target.kind) ?? defaultMetric(target.kind)];
  const specs = metricNames.map((name) => metric(name, target.kind));
  const plan = planFolds(ANALYSIS, dataset, target, options, options.card);
  const progress = new Progress(`cross-validating ${model.name}`, plan.folds.length);
  const withProba = specs.some((s) => s.needs === "proba");
  const runs = await runFolds(dataset, targetName, model.predictor, plan, { withProba, progress });
  const scores: FoldScore[] = runs.map((run, f) => ({
    fold: run.fold,
    trainRows: plan.folds[f].train.length,
    testRows: run.test.length,
    fitSeconds: run.fitSeconds,
    predictSeconds: run.predictSeconds,
    metrics: Object.fromEntries(specs.map((s) => [s.name, s.compute(run.truth, run.predictions)])),
  }));
  progress.finish();
  const per = (f: (values: ArrayLike<number>) => number) => Object.fromEntries(metricNames.map((name) => [name, f(scores.map((s) => s.metrics[name]))]));
  return { model: model.name, split: plan.split, metrics: metricNames, folds: scores, mean: per(mean), std: per(sampleStd) };
}
