/**
 * Which stage of a pipeline of models to improve: the pipeline is run out of fold (each
 * stage's out-of-fold predictions feed the next stage, on the same folds), then each stage
 * in turn is replaced by its ground truth (its target column, as if it were perfect: later
 * stages are then trained and fed the truth) and the end-to-end score is measured again.
 */
import { type Column } from "../../data/column.js";
import { Dataset } from "../../data/dataset.js";
import { matrix } from "../../data/matrix.js";
import { targetOf } from "../../features/target.js";
import { framedMetric, framedTime } from "../../frame/defaults.js";
import { message } from "../../messages.js";
import type { Target } from "../../models/contract.js";
import { metric as metricSpec, defaultMetric, type MetricSpec, type Predictions } from "../../metrics/registry.js";
import { Progress } from "../../runtime/context.js";
import { subsampledBootstrap } from "../../stats/intervals.js";
import { chooseModel, type ModelChoice } from "../../validate/model.js";
import { outOfFold, subsetPredictions, subsetTarget } from "../../validate/out-of-fold.js";
import { type FoldPlan, planFolds } from "../../validate/plan.js";
import { labelledRows } from "../../validate/target.js";
import type { PipelineStage, StageAttributionData, StageAttributionOptions, StageGain } from "./types.js";

const ANALYSIS = "stageAttribution";

interface Prepared {
  readonly dataset: Dataset;
  readonly stages: readonly PipelineStage[];
  readonly choices: readonly ModelChoice[];
  readonly truths: readonly Target[];
  readonly plan: FoldPlan;
  readonly spec: MetricSpec;
  readonly notes: string[];
}

function checkStages(stages: unknown, dataset: Dataset): asserts stages is readonly PipelineStage[] {
  if (!Array.isArray(stages) || stages.length < 2) throw message.badOption(ANALYSIS, "stages", stages, 'a list of at least two stages, each { target: "column", model?: "name" }, in pipeline order');
  const seen = new Set<string>();
  for (const stage of stages as PipelineStage[]) {
    if (stage === null || typeof stage !== "object" || typeof stage.target !== "string") throw message.badOption(ANALYSIS, "stages", stage, 'a stage { target: "column", model?, params?, features? }');
    dataset.column(stage.target);
    if (seen.has(stage.target)) throw message.badOption(ANALYSIS, "stages", stage.target, "a different target for each stage");
    seen.add(stage.target);
    for (const name of stage.features ?? []) dataset.column(name);
  }
}

/** The data with every stage's target present, the models (each reading its features and the earlier stages' outputs), the folds and the end-to-end metric. */
export function prepareStages(raw: Dataset, stages: readonly PipelineStage[], options: StageAttributionOptions): Prepared {
  checkStages(stages, raw);
  const notes: string[] = [];
  let dataset = raw;
  for (const stage of stages) {
    const labelled = labelledRows(ANALYSIS, dataset, stage.target);
    if (labelled.note) notes.push(labelled.note);
    dataset = labelled.dataset;
  }
  const targets = stages.map((s) => s.target);
  const base = dataset.names.filter((name) => !targets.includes(name));
  const choices = stages.map((stage, k) => {
    const features = [...(stage.features ?? base), ...targets.slice(0, k)];
    return chooseModel(ANALYSIS, { model: stage.model, params: stage.params }, dataset, stage.target, { features });
  });
  const truths = stages.map((s) => targetOf(dataset, s.target));
  const last = truths[truths.length - 1];
  const split = options.split ?? (options.group !== undefined ? "group" : last.kind === "classification" ? "stratified" : "kfold");
  if (framedTime(options.card) !== undefined) notes.push(`The framing card names a time column, but every row must be tested for the next stage to read it, so the folds are ${split}, not time-ordered.`);
  const plan = planFolds(ANALYSIS, dataset, last, { folds: options.folds, seed: options.seed, split, group: options.group });
  const name = options.metric ?? framedMetric(options.card, last.kind) ?? defaultMetric(last.kind);
  return { dataset, stages, choices, truths, plan, spec: metricSpec(name, last.kind), notes };
}

/** A stage's output as a column, under the stage's target name: predicted class labels or values. */
function outputColumn(truth: Target, predictions: Predictions): Column {
  if (truth.kind === "classification") return { type: "category", codes: predictions.labels!, dictionary: truth.classes };
  return { type: "number", values: predictions.values! };
}

function replaced(dataset: Dataset, columns: ReadonlyMap<string, Column>): Dataset {
  return new Dataset(dataset.names.map((name) => [name, columns.get(name) ?? dataset.column(name)] as const), dataset.roles, dataset.meta, dataset.nRows);
}

/** Perfect predictions of a target: its labels (and certain probabilities) or its values. */
export function perfectPredictions(truth: Target): Predictions {
  if (truth.kind === "regression") return { values: truth.values };
  const n = truth.codes.length;
  const proba = matrix(n, truth.classes.length, truth.classes);
  for (let i = 0; i < n; i++) proba.data[truth.codes[i] * n + i] = 1;
  return { labels: truth.codes, proba };
}

/**
 * Every stage's out-of-fold predictions when the stages in `perfect` are replaced by their
 * truth; `from` and `given` reuse the earlier stages of a run already made (they do not
 * change when only later stages differ).
 */
export async function runStages(p: Prepared, perfect: ReadonlySet<number>, given: readonly Predictions[] = [], progress?: Progress): Promise<Predictions[]> {
  const outputs = [...given];
  const last = p.stages.length - 1;
  for (let k = outputs.length; k <= last; k++) {
    if (perfect.has(k)) {
      outputs.push(perfectPredictions(p.truths[k]));
      continue;
    }
    const columns = new Map<string, Column>();
    for (let j = 0; j < k; j++) if (!perfect.has(j)) columns.set(p.stages[j].target, outputColumn(p.truths[j], outputs[j]));
    const input = columns.size > 0 ? replaced(p.dataset, columns) : p.dataset;
    const oof = await outOfFold(input, p.stages[k].target, p.choices[k].predictor, p.plan, { withProba: k === last && p.spec.needs === "proba" });
    outputs.push(oof.predictions);
    await progress?.step();
  }
  return outputs;
}

function ownScore(truth: Target, predictions: Predictions): { metric: string; score: number } {
  const name = defaultMetric(truth.kind);
  return { metric: name, score: metricSpec(name, truth.kind).compute(truth, predictions) };
}

export async function computeStageAttribution(raw: Dataset, stages: readonly PipelineStage[], options: StageAttributionOptions): Promise<StageAttributionData> {
  const p = prepareStages(raw, stages, options);
  const last = stages.length - 1;
  const finalTruth = p.truths[last];
  const n = p.dataset.nRows;
  const progress = new Progress("running the pipeline with each stage made perfect", ((last + 1) * (last + 2)) / 2);
  const pipeline = await runStages(p, new Set(), [], progress);
  const sign = p.spec.greaterIsBetter ? 1 : -1;
  const score = (predictions: Predictions, rows?: Int32Array) => (rows ? p.spec.compute(subsetTarget(finalTruth, rows), subsetPredictions(predictions, rows)) : p.spec.compute(finalTruth, predictions));
  const endToEnd = score(pipeline[last]);
  const perfect = p.spec.perfect;
  const gap = sign * (perfect - endToEnd);
  const gains: StageGain[] = [];
  for (let k = 0; k <= last; k++) {
    const outputs = k === last ? [...pipeline.slice(0, last), perfectPredictions(finalTruth)] : await runStages(p, new Set([k]), pipeline.slice(0, k), progress);
    const final = outputs[last];
    const value = score(final);
    const gain = sign * (value - endToEnd);
    const interval = subsampledBootstrap(n, (rows) => sign * (score(final, rows) - score(pipeline[last], rows)), gain, { seed: (options.seed ?? 0) + k, resamples: options.resamples ?? 1000, maxRows: 20_000 });
    const own = ownScore(p.truths[k], pipeline[k]);
    gains.push({
      stage: stages[k].name ?? `stage ${k + 1}`,
      target: stages[k].target,
      model: p.choices[k].name,
      ownMetric: own.metric,
      ownScore: own.score,
      score: value,
      gain,
      low: interval.low,
      high: interval.high,
      shareOfGap: gap > 0 ? gain / gap : 0,
    });
  }
  progress.finish();
  return { metric: p.spec.name, greaterIsBetter: p.spec.greaterIsBetter, endToEnd, perfect, rows: n, validation: p.plan.description, stages: gains, notes: p.notes };
}
