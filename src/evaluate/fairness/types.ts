import type { FramingCard } from "../../frame/card.js";
import type { ModelInput } from "../../validate/model.js";

export interface FairnessOptions {
  readonly target?: string;
  readonly sensitive?: string;
  /** The favourable outcome (being hired, a loan granted). Default: the rarer class. */
  readonly positive?: string;
  readonly model?: ModelInput;
  readonly params?: object;
  /** The model's inputs (default: every column but the target). Leave the sensitive column out to train a model blind to it. */
  readonly features?: readonly string[];
  readonly folds?: number;
  /** A difference from which the groups count as treated differently. Default 0.1. */
  readonly tolerance?: number;
  /** Rows a group needs to be judged (smaller groups are listed, not compared). Default 30. */
  readonly minSize?: number;
  readonly seed?: number;
  readonly card?: FramingCard;
}

export interface GroupRates {
  readonly group: string;
  readonly rows: number;
  /** Whether the group has `minSize` rows, and so enters the differences. */
  readonly judged: boolean;
  readonly selectionRate: number;
  readonly selectionLow: number;
  readonly selectionHigh: number;
  readonly truePositiveRate: number;
  readonly truePositiveLow: number;
  readonly truePositiveHigh: number;
  readonly falsePositiveRate: number;
  readonly falsePositiveLow: number;
  readonly falsePositiveHigh: number;
}

export interface Difference {
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

export interface FairnessData {
  readonly target: string;
  readonly positive: string;
  readonly sensitive: string;
  readonly model: string;
  readonly tolerance: number;
  readonly minSize: number;
  readonly groups: readonly GroupRates[];
  readonly demographicParity: Difference;
  readonly equalizedOdds: Difference;
  /** Smallest selection rate over the largest (the "four-fifths rule" looks for at least 0.8). */
  readonly disparateImpactRatio: number;
  /** Rows predicted positive: with none, every selection and true positive rate is 0 and the comparison is empty. */
  readonly predictedPositives: number;
  /** The model's skill, Youden's J (true minus false positive rate) with Newcombe's interval: gaps between groups of a model without skill are fitted noise. */
  readonly skill: Difference;
  /** Rows with an out-of-fold prediction and a group. */
  readonly rows: number;
  readonly notes: readonly string[];
}
