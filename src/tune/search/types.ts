/** The shapes of `tune`: its options, the search space, every candidate's record and the verdict's numbers. Types only. */
import type { FramingCard } from "../../frame/card.js";
import type { ModelInput } from "../../validate/model.js";
import type { SplitKind } from "../../validate/plan.js";

export type ParamValue = number | string | boolean;

/** A range to sample from (random and halving search): uniform, or log-uniform with `log`; whole numbers with `integer`. */
export interface ParamRange {
  readonly min: number;
  readonly max: number;
  readonly log?: boolean;
  readonly integer?: boolean;
}

/** Param name → the values to try (a list) or a range to sample. */
export type SearchSpace = Readonly<Record<string, readonly ParamValue[] | ParamRange>>;

export type SearchKind = "grid" | "random" | "halving";

export interface TuneOptions {
  readonly target?: string;
  /** A registry name or your own Pipeline (its model's params are searched). Default logistic, or ridge for numbers. */
  readonly model?: ModelInput;
  /** Params held fixed for every candidate (and the defaults the search is compared against). */
  readonly params?: object;
  readonly space?: SearchSpace;
  /** grid (every combination of lists), random (`budget` draws) or halving (scikit-learn's HalvingRandomSearchCV). */
  readonly search?: SearchKind;
  /** Candidates to draw (random: default 10; halving: default as many as the rows allow, scikit-learn's "exhaust"). */
  readonly budget?: number;
  /** Nested cross-validation: the whole search is repeated inside each outer fold's training rows for an honest estimate. */
  readonly nested?: boolean;
  readonly metric?: string;
  readonly folds?: number;
  /** Folds of the inner search with --nested (default: as many as --folds). */
  readonly innerFolds?: number;
  readonly split?: SplitKind;
  readonly group?: string;
  readonly time?: string;
  readonly gap?: number;
  /** Halving: rows of the first iteration, a number or "exhaust"/"smallest" as scikit-learn (default "exhaust" with a budget, else "smallest"). */
  readonly minResources?: number | "exhaust" | "smallest" | `${number}`;
  /** Halving: the share of candidates kept (1/factor) and the growth of rows per iteration. Default 3. */
  readonly factor?: number;
  readonly seed?: number;
  readonly card?: FramingCard;
}

/** One candidate scored at one resource (one row of scikit-learn's cv_results_): what tracking records as a run. */
export interface CandidateRecord {
  /** The candidate's number in the order candidates were generated (the same across halving iterations). */
  readonly candidate: number;
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Halving iteration (0 for grid and random). */
  readonly iteration: number;
  /** Rows of the data set this evaluation drew on, scikit-learn's n_resources (every row outside halving; each fold trains and tests on its share). */
  readonly resource: number;
  readonly foldScores: readonly number[];
  readonly mean: number;
  /** Standard deviation of the fold scores (population, as scikit-learn's std_test_score). */
  readonly sd: number;
  /** 1 = best mean (ties share the lower rank), over every record, as scikit-learn's rank_test_score. */
  readonly rank: number;
  readonly fitSeconds: number;
}

export interface HalvingSchedule {
  readonly factor: number;
  readonly minResources: number;
  readonly maxResources: number;
  readonly candidates: readonly number[];
  readonly resources: readonly number[];
  readonly requiredIterations: number;
  readonly possibleIterations: number;
}

/** A model scored on every fold: the tuned one or the defaults. */
export interface FoldedScore {
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly foldScores: readonly number[];
  readonly mean: number;
}

export interface Gain {
  /** Mean per-fold improvement of the tuned model over the defaults, in metric units, positive = better. */
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  /** What the folds compare: the search's own folds (optimistic: the best was picked on them) or nested outer folds. */
  readonly basis: "search folds" | "outer folds";
}

export interface NestedEstimate {
  readonly folds: number;
  readonly innerFolds: number;
  /** Each outer fold: the params its inner search chose, the tuned and the default score on its test rows. */
  readonly outer: readonly { readonly params: Readonly<Record<string, ParamValue>>; readonly tuned: number; readonly defaults: number }[];
  readonly tuned: number;
  readonly defaults: number;
}

export interface TuneData {
  readonly target: string;
  readonly model: string;
  readonly metric: string;
  readonly greaterIsBetter: boolean;
  readonly search: SearchKind;
  readonly space: SearchSpace;
  /** Which params are searched, in the order of the chart's panels. */
  readonly searched: readonly string[];
  readonly folds: number;
  readonly foldDescription: string;
  readonly rows: number;
  readonly candidates: readonly CandidateRecord[];
  readonly best: FoldedScore;
  readonly defaults: FoldedScore;
  readonly gain: Gain;
  readonly halving?: HalvingSchedule;
  readonly nested?: NestedEstimate;
  /** The card's minimum gain worth its complexity, when it has one. */
  readonly minGain?: number;
  /** Searched params whose best value lies on the edge of what was searched. */
  readonly atEdge: readonly string[];
  readonly seed: number;
  readonly notes: readonly string[];
}
