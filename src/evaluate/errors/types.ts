/** The shapes of errors: its options and the data behind its verdict and chart. */
import type { FramingCard } from "../../frame/card.js";
import type { ModelInput } from "../../validate/model.js";

export interface ErrorsOptions {
  readonly target?: string;
  readonly model?: ModelInput;
  readonly params?: object;
  /** The columns to search for slices (default every feature). */
  readonly by?: readonly string[];
  readonly folds?: number;
  /** Smallest slice worth reporting, in rows. Default: 1% of the rows, at least 30. */
  readonly minSupport?: number;
  /** Predicates per slice, 1 to 3. Default 2. */
  readonly maxLevel?: number;
  /** SliceLine's weight of error against size, in (0, 1]. Default 0.95. */
  readonly alpha?: number;
  readonly top?: number;
  readonly bins?: number;
  readonly clusters?: number;
  readonly seed?: number;
  readonly card?: FramingCard;
}

export interface ErrorSlice {
  readonly slice: string;
  readonly rows: number;
  readonly share: number;
  readonly error: number;
  readonly score: number;
  /** The overall metric if this slice's mean error matched the rest of the data's, with a 95% interval. */
  readonly ifFixed: number;
  readonly ifFixedLow: number;
  readonly ifFixedHigh: number;
  /** How much the overall metric would improve (better is positive), with a 95% interval Bonferroni-corrected over the slices examined. */
  readonly gain: number;
  readonly gainLow: number;
  readonly gainHigh: number;
}

export interface ErrorsData {
  readonly target: string;
  readonly model: string;
  /** "error rate" for classes, "mean absolute error" for numbers. */
  readonly error: string;
  /** The metric the fixes are stated in: accuracy, or mean absolute error. */
  readonly metric: string;
  readonly overall: number;
  readonly overallError: number;
  readonly minSupport: number;
  readonly examined: number;
  readonly slices: readonly ErrorSlice[];
  readonly tree: readonly { readonly rule: string; readonly rows: number; readonly error: number }[];
  readonly clusters: readonly { readonly rows: number; readonly traits: string }[];
  /** How the model's inputs were encoded, where a reader should know (categories pooled to keep the matrix small). */
  readonly encoding: readonly string[];
}
