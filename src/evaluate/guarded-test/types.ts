import type { Dataset } from "../../data/dataset.js";
import type { FramingCard } from "../../frame/card.js";
import type { CardGoal } from "../card-goal.js";

export interface GuardedTestSet {
  readonly data: Dataset;
  /** The test rows' content hash: the key its looks are counted under. */
  readonly hash: string;
}

export interface HoldoutOptions {
  readonly target?: string;
  readonly testSize?: number;
  readonly seed?: number;
  /** Keep class shares equal in train and test (default: yes for a categorical target; not with a time column). */
  readonly stratify?: boolean;
  /** A time column: the latest rows become the test set, as the future would (default: the framing card's). */
  readonly time?: string;
  readonly card?: FramingCard;
}

export interface EvaluateOptions {
  readonly metric?: string;
  /** The framing card: its metric, and the success value and minimum gain the score is judged by. */
  readonly card?: FramingCard;
}

export interface TestEvaluation {
  readonly metric: string;
  readonly score: number;
  readonly looks: number;
  readonly fingerprint: string;
  /** The framing card's success value and minimum gain, when its metric is the one scored. */
  readonly goal?: CardGoal;
  /** How far the score falls short of the card's success value (0 when met); set with a success value. */
  readonly shortOfSuccess?: number;
  /** The card's existing score (the solution used today), when the minimum gain is judged against it. */
  readonly existingScore?: number;
  /** The gain over the existing score, in metric units; set with a minimum gain and an existing score. */
  readonly gain?: number;
  readonly notes: readonly string[];
}
