import type { FramingCard } from "../../frame/card.js";
import type { ModelInput } from "../../validate/model.js";

/** What the threshold is chosen on: the expected cost, or a metric of the decisions. */
export type Objective = "cost" | "f1" | "accuracy" | "balanced-accuracy";

export type Costs = { readonly falsePositive: number; readonly falseNegative: number };

export interface ThresholdsOptions {
  readonly target?: string;
  /** The class that counts as positive (the rare one you want to find). Default: the less frequent class. */
  readonly positive?: string;
  readonly model?: ModelInput;
  readonly params?: object;
  readonly folds?: number;
  /** A column that orders rows in time: folds then test only later rows (default: the framing card's time). */
  readonly time?: string;
  /** What each kind of error costs, or [false positive, false negative]; default the framing card's. Without costs the threshold maximises F1. */
  readonly costs?: Costs | readonly [number, number];
  readonly seed?: number;
  readonly card?: FramingCard;
}

export interface Rates {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly accuracy: number;
  /** The mean of recall and specificity. */
  readonly balancedAccuracy: number;
  /** Mean cost per row, when costs are known. */
  readonly cost?: number;
}

export interface OperatingPoint extends Rates {
  readonly threshold: number;
}

export interface ThresholdsData {
  readonly target: string;
  readonly positive: string;
  /** The share of positives among the rows the folds tested (every row, unless the folds follow time). */
  readonly prevalence: number;
  /** Rows with an out-of-fold probability: every other number here is computed on them alone. */
  readonly rows: number;
  readonly model: string;
  readonly objective: Objective;
  readonly costs?: Costs;
  readonly averagePrecision: number;
  /** 95% bootstrap interval for average precision minus the prevalence (its value for a model that ranks at random). */
  readonly averagePrecisionExcess: { readonly low: number; readonly high: number };
  /** The no-skill policies: every row flagged positive, and none. */
  readonly flagEveryone: Rates;
  readonly flagNobody: Rates;
  /** The threshold chosen on all out-of-fold probabilities, and its in-sample operating point. */
  readonly learned: OperatingPoint;
  /** The learned-threshold policy, each fold scored with a threshold chosen on the other folds. */
  readonly honest: Rates;
  readonly atHalf: OperatingPoint;
  /** With costs: the threshold that minimises expected cost for perfectly calibrated probabilities. */
  readonly theoretical?: number;
  readonly curve: readonly OperatingPoint[];
  /** How the rows were split ("5 stratified folds"). */
  readonly validation: string;
  readonly notes: readonly string[];
}
