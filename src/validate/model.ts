/**
 * The `model` option every fitting analysis takes: a registry name (with `params`,
 * checked against the model's own), the user's own `Pipeline` (refitted inside each
 * fold), or a fitted pipeline where the analysis needs no refit.
 */
import type { Dataset } from "../data/dataset.js";
import { defaultModelFor, pipelineFor } from "../features/default-pipeline.js";
import { FittedPipeline, Pipeline, type PipelineOptions } from "../features/pipeline.js";
import { message } from "../messages.js";
import type { FramingCard } from "../frame/card.js";
import type { SplitKind } from "./plan.js";
import { asPredictor, type Predictor } from "./predictor.js";

export type ModelInput = string | Pipeline | FittedPipeline;

export interface ModelChoice {
  /** The model's registry name, for titles and verdicts. */
  readonly name: string;
  readonly predictor: Predictor;
  /** The pipeline to fit: the user's own or the registry model's default one (unset for a fitted pipeline). */
  readonly pipeline?: Pipeline;
  /** Set when the user passed a fitted pipeline. */
  readonly fitted?: FittedPipeline;
}

export interface ModelRequest {
  readonly model?: ModelInput;
  readonly params?: object;
}

/** What an analysis that fits the user's model on the engine's folds takes: the target, the model and the split policy's options. */
export interface FoldedModelOptions extends ModelRequest {
  readonly target?: string;
  readonly folds?: number;
  readonly split?: SplitKind;
  readonly group?: string;
  /** A column that orders rows in time (default: the framing card's time). */
  readonly time?: string;
  readonly seed?: number;
  readonly card?: FramingCard;
}

/**
 * Resolves `request.model` for `analysis` on `dataset` and `target`. `defaults` are the
 * feature options for a registry name (a user's pipeline keeps its own); `refits` says
 * whether the analysis fits inside folds, where a fitted pipeline cannot be used.
 */
export function chooseModel(analysis: string, request: ModelRequest, dataset: Dataset, target: string, defaults: PipelineOptions & { refits?: boolean; fallback?: string } = {}): ModelChoice {
  const { model, params } = request;
  const { refits = true, fallback, ...pipelineOptions } = defaults;
  if (model instanceof FittedPipeline) {
    if (model.targetName !== target) throw message.pipelineTarget(analysis, model.targetName, target);
    if (refits) throw message.fittedPipelineRefit(analysis);
    if (params !== undefined) throw message.badOption(analysis, "params", params, "no params with a fitted pipeline (its model is already fitted)");
    return { name: model.model.model, fitted: model, predictor: { name: model.model.model, fit: async () => model } };
  }
  if (model instanceof Pipeline) {
    if (params !== undefined) throw message.badOption(analysis, "params", params, "no params with a Pipeline (set them on its model)");
    return { name: model.model.model, pipeline: model, predictor: asPredictor(model) };
  }
  if (model !== undefined && typeof model !== "string") throw message.badOption(analysis, "model", model, "a model name (see litml.models()), a Pipeline or a fitted pipeline");
  if (params !== undefined && (params === null || typeof params !== "object" || Array.isArray(params))) throw message.badOption(analysis, "params", params, 'an object of the model\'s params, e.g. { "C": 0.5 }');
  const name = model ?? fallback ?? defaultModelFor(dataset, target);
  const pipeline = pipelineFor(name, params ?? {}, pipelineOptions);
  return { name, pipeline, predictor: asPredictor(pipeline) };
}
