/** The shapes of slices: its options and the data behind its verdict and chart. */
import type { FramingCard } from "../../frame/card.js";
import type { ModelInput } from "../../validate/model.js";

export interface SlicesOptions {
  readonly target?: string;
  /** One column, or two for their intersections. */
  readonly by?: string | readonly string[];
  /** A registry name (with `params`) or your own Pipeline. */
  readonly model?: ModelInput;
  readonly params?: object;
  readonly metric?: string;
  /** A column of row weights, for rows that matter more (revenue, risk): they weigh that much in the fit and in every metric. */
  readonly weight?: string;
  readonly folds?: number;
  /** Slices with fewer rows are listed but never judged. Default 30. */
  readonly minSize?: number;
  readonly buckets?: number;
  readonly maxSlices?: number;
  readonly seed?: number;
  readonly card?: FramingCard;
}

export interface Slice {
  readonly label: string;
  readonly n: number;
  readonly value: number;
  readonly low: number;
  readonly high: number;
  /** Slice minus overall, signed so that negative is worse. */
  readonly gap: number;
  readonly adjustedPValue: number;
  readonly status: "worse" | "ok" | "too small";
}

export interface SlicesData {
  readonly target: string;
  readonly by: readonly string[];
  readonly model: string;
  readonly metric: string;
  /** The weight column, when rows are weighted. */
  readonly weight?: string;
  readonly overall: number;
  readonly correction: string;
  readonly slices: readonly Slice[];
  /** How the model's inputs were encoded, where a reader should know (categories pooled to keep the matrix small). */
  readonly encoding: readonly string[];
}
