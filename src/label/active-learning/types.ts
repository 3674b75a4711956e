/** The shapes of activeLearning(DATA) and nextToLabel(model, pool): options, curves and the comparison with random picks. */
import type { FramingCard } from "../../frame/card.js";
import type { FittedPipeline } from "../../features/pipeline.js";
import type { ModelInput } from "../../validate/model.js";

/** How the next rows are chosen: the model's doubt, spread over the feature space, both, or at random. */
export type Strategy = "uncertainty" | "diversity" | "combined" | "random";
export const STRATEGIES: readonly Strategy[] = ["uncertainty", "diversity", "combined", "random"];

/** How doubt is read from a row's class probabilities. */
export type Uncertainty = "least-confidence" | "margin" | "entropy";
export const UNCERTAINTIES: readonly Uncertainty[] = ["least-confidence", "margin", "entropy"];

export interface ActiveLearningOptions {
  readonly target?: string;
  /** Labels bought at random before the loop starts. Default max(20, 2 × classes). */
  readonly start?: number;
  /** Labels bought per round. Default 10. */
  readonly batch?: number;
  /** Labels spent in all, the start included. Default start + 20 batches. */
  readonly budget?: number;
  /** The strategies to compare; random is always run, as the yardstick. Default all four. */
  readonly strategy?: readonly Strategy[] | Strategy;
  /** How uncertainty is read from the probabilities. Default margin. */
  readonly uncertainty?: Uncertainty;
  /** Repeats of the whole loop, each with its own test set, start set and random picks. Default 5. */
  readonly seeds?: number;
  readonly model?: ModelInput;
  readonly params?: object;
  readonly metric?: string;
  /** The score the labels are spent to reach. Default the card's success value, else what random picks reach with the whole budget. */
  readonly successValue?: number;
  /** Unlabelled rows the model scores per round (drawn at random when the pool is larger). Default 10,000. */
  readonly candidates?: number;
  /** The combined strategy spreads its batch over the shortlist × batch most uncertain rows. Default 10. */
  readonly shortlist?: number;
  /** Held-out rows scored after each round (drawn from the held-out fold when it is larger). Default 10,000. */
  readonly testRows?: number;
  /** The held-out fold is one of this many (the validation engine's split). Default 5. */
  readonly folds?: number;
  readonly seed?: number;
  readonly card?: FramingCard;
}

/** One point of a strategy's curve: the mean score over seeds after this many labels, with its t-interval. */
export interface CurvePoint {
  readonly labels: number;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

export interface StrategyCurve {
  readonly strategy: Strategy;
  readonly points: readonly CurvePoint[];
  /** scores[seed][point]: every seed's curve, as measured. */
  readonly scores: readonly (readonly number[])[];
  /** Labels at which the mean curve first reaches the success value; null when it never does within the budget. */
  readonly labelsToSuccess: number | null;
  /** Against random: the mean over the curve's points (after the start) of this strategy's score minus random's, per seed paired, better as positive. */
  readonly gainOverRandom?: { readonly mean: number; readonly low: number; readonly high: number };
  /** The gain's interval lies above zero (Bonferroni-adjusted over the strategies compared). */
  readonly beatsRandom?: boolean;
  /** The interval lies below zero: worse than random picks. */
  readonly losesToRandom?: boolean;
  /** The interval holds 0 and also gains above the practical margin: the seeds cannot tell a useful gain from none. */
  readonly inconclusive?: boolean;
  /** Random's labels to success minus this strategy's; `atLeast` when random never reaches it (then the budget stands in). */
  readonly labelsSaved?: { readonly labels: number; readonly share: number; readonly atLeast: boolean } | null;
}

export interface ActiveLearningData {
  readonly target: string;
  readonly classes: readonly string[];
  readonly model: string;
  readonly metric: string;
  readonly greaterIsBetter: boolean;
  readonly uncertainty: Uncertainty;
  readonly start: number;
  readonly batch: number;
  readonly budget: number;
  readonly rounds: number;
  readonly seeds: number;
  /** Rows the labels are bought from (per seed, the rows outside its test set). */
  readonly poolRows: number;
  readonly testRows: number;
  readonly candidates: number;
  readonly successValue: number;
  readonly successSource: "option" | "card" | "random at full budget";
  /** The interval's confidence for each comparison with random (0.95, Bonferroni-adjusted). */
  readonly confidence: number;
  /** The smallest gain over random, along the curve, that matters (0.01 of a score between 0 and 1, else 1% of random's final score). */
  readonly practicalGain: number;
  readonly curves: readonly StrategyCurve[];
  readonly validation: string;
  readonly notes: readonly string[];
}

export interface NextToLabelOptions {
  readonly strategy?: Exclude<Strategy, "random"> | "random";
  readonly batch?: number;
  readonly uncertainty?: Uncertainty;
  /** Rows already labelled: diversity keeps away from them. */
  readonly labelled?: unknown;
  readonly shortlist?: number;
  readonly seed?: number;
}

export interface NextToLabelData {
  readonly strategy: Strategy;
  readonly uncertainty: Uncertainty;
  readonly model: string;
  readonly poolRows: number;
  /** Row numbers of the pool to label next, in the order picked. */
  readonly rows: readonly number[];
  /** Each picked row's uncertainty (NaN for random and diversity picks when no model scores apply). */
  readonly scores: readonly number[];
  /** The model's guess for each picked row. */
  readonly guesses: readonly string[];
}

export type FittedModelInput = FittedPipeline;
