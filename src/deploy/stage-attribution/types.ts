/** The shapes of stageAttribution(stages, DATA): each stage of a pipeline of models made perfect in turn, and what the end-to-end score gains. */
import type { FramingCard } from "../../frame/card.js";
import type { ModelInput } from "../../validate/model.js";

/** One model of the pipeline: it predicts `target`, and later stages read its prediction in that column. */
export interface PipelineStage {
  readonly name?: string;
  readonly target: string;
  readonly model?: ModelInput;
  readonly params?: object;
  /** The data's columns the stage reads (default: every column that is no stage's target); earlier stages' outputs are always added. */
  readonly features?: readonly string[];
}

export interface StageAttributionOptions {
  /** The end-to-end score, on the last stage's target (default: the framing card's metric, else accuracy or RMSE). */
  readonly metric?: string;
  readonly folds?: number;
  readonly split?: "kfold" | "stratified" | "group";
  readonly group?: string;
  readonly seed?: number;
  readonly resamples?: number;
  readonly card?: FramingCard;
}

export interface StageGain {
  readonly stage: string;
  readonly target: string;
  readonly model: string;
  /** The stage's own out-of-fold score on its own target, inside the pipeline as it is (accuracy or RMSE). */
  readonly ownMetric: string;
  readonly ownScore: number;
  /** The end-to-end score with this stage replaced by its ground truth, the other stages as they are. */
  readonly score: number;
  /** score − the pipeline's, signed so that positive is better, with a 95% paired bootstrap interval. */
  readonly gain: number;
  readonly low: number;
  readonly high: number;
  /** The gain as a share of the gap between the pipeline and a perfect score. */
  readonly shareOfGap: number;
}

export interface StageAttributionData {
  readonly metric: string;
  readonly greaterIsBetter: boolean;
  /** The pipeline's end-to-end out-of-fold score, and a perfect score. */
  readonly endToEnd: number;
  readonly perfect: number;
  readonly rows: number;
  readonly validation: string;
  readonly stages: readonly StageGain[];
  readonly notes: readonly string[];
}
