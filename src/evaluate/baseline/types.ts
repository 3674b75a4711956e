/** The options and data shapes of `baseline`. Types only. */
import type { FramingCard } from "../../frame/card.js";
import type { ModelInput } from "../../validate/model.js";
import type { Predictor } from "../../validate/predictor.js";

export type RowRule = (row: Readonly<Record<string, number | string | Date | null>>) => string | number | boolean;

export interface PatternRule {
  readonly column: string;
  readonly pattern: RegExp | string;
  /** The label when the pattern matches, and when it does not. */
  readonly match: string | number;
  readonly otherwise: string | number;
}

export interface BaselineOptions {
  readonly target?: string;
  /** Candidate models: registry names or your own Pipelines; default logistic (classes) or ridge (numbers). */
  readonly models?: readonly ModelInput[];
  /** One candidate (the same as `models: [model]`). */
  readonly model?: ModelInput;
  /** Params for the registry models named. */
  readonly params?: object;
  readonly metric?: string;
  readonly folds?: number;
  readonly seed?: number;
  readonly heuristic?: RowRule | PatternRule | Predictor;
  /** A human or current-process score on the same metric, with where it comes from. */
  readonly human?: { readonly score: number; readonly source?: string };
  /** The gain over the best baseline that counts as success, in metric units (from the framing card). */
  readonly minGain?: number;
  readonly resamples?: number;
  readonly card?: FramingCard;
}

export type ContenderKind = "baseline" | "heuristic" | "human" | "model";

export interface Contender {
  readonly name: string;
  readonly kind: ContenderKind;
  readonly score: number;
  readonly low: number;
  readonly high: number;
  readonly foldScores: readonly number[];
  readonly source?: string;
}

export interface Span {
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

export interface BaselineData {
  readonly target: string;
  readonly metric: string;
  readonly greaterIsBetter: boolean;
  readonly folds: number;
  readonly contenders: readonly Contender[];
  readonly bestBaseline: string;
  readonly bestModel: string;
  readonly gain: Span;
  readonly normalizedGain: Span;
  readonly rule: string;
  readonly beats: boolean;
  /** Says how many rows had no target and were left out, when some were. */
  readonly unlabelled?: string;
}
