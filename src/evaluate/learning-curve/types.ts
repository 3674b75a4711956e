/** The options and data shapes of `learningCurve`. Types only. */
import type { FramingCard } from "../../frame/card.js";
import type { ModelInput } from "../../validate/model.js";

export interface LearningCurveOptions {
  readonly target?: string;
  /** A registry name, or your own Pipeline (refitted at every size). */
  readonly model?: ModelInput;
  /** Parameters for the model, e.g. { C: 0.5 }. */
  readonly params?: object;
  readonly metric?: string;
  /** Training-set sizes in rows (or shares of the training fold, when all are ≤ 1). Default: 6 log-spaced sizes. */
  readonly sizes?: readonly number[];
  readonly folds?: number;
  readonly seed?: number;
  /** The score that counts as success (from the framing card), to estimate the rows needed. */
  readonly successValue?: number;
  readonly card?: FramingCard;
}

export interface CurvePoint {
  readonly size: number;
  readonly train: number;
  readonly trainStd: number;
  readonly validation: number;
  readonly validationStd: number;
  /** Folds whose score at this size is defined (a tiny subset can hold one class only). */
  readonly folds: number;
}

export interface PowerLaw {
  /** validation error ≈ floor + scale · n^(−exponent), error = |perfect − score|. */
  readonly floor: number;
  readonly scale: number;
  readonly exponent: number;
  /** The sizes the fit used (degenerate ones dropped). */
  readonly sizes: readonly number[];
}

export interface RowsNeeded {
  readonly estimate: number;
  readonly low: number;
  /** null when some refits of the curve put the success value beyond their floor: no upper bound. */
  readonly high: number | null;
}

export interface LearningCurveData {
  readonly target: string;
  readonly model: string;
  readonly metric: string;
  readonly greaterIsBetter: boolean;
  /** The metric's perfect score, from which errors are measured. */
  readonly perfect: number;
  readonly points: readonly CurvePoint[];
  readonly fit?: PowerLaw;
  /** Sizes left out of the fit, with why. */
  readonly dropped: readonly { readonly size: number; readonly reason: string }[];
  /** Predicted gain in metric units from doubling the largest size. */
  readonly gainPerDoubling: number;
  /** Measured gain per doubling between the last two sizes. */
  readonly lastGainPerDoubling: number;
  readonly successValue?: number;
  /** A measured size already reaches the success value. */
  readonly reached: boolean;
  readonly reachedAt?: number;
  /** Rows predicted to reach the success value; null when reached, without a success value or fit, or when it lies beyond the fitted floor. */
  readonly rowsNeeded: RowsNeeded | null;
  /** The success value lies beyond the fitted floor: no amount of data of this kind reaches it. */
  readonly beyondFloor: boolean;
  readonly state: "rising" | "plateaued";
  readonly diagnosis: "high variance" | "high bias" | "balanced";
  readonly notes: readonly string[];
}
