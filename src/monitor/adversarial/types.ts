/** The shapes of adversarial(A, B): its options, what tells the two apart, and the rows they share. */
import type { ModelInput } from "../../validate/model.js";

export interface AdversarialOptions {
  readonly columns?: readonly string[];
  /** A classifier from the registry, or a Pipeline. Default gbdt (50 rounds unless `params` say otherwise): it finds differences of any shape. */
  readonly model?: ModelInput;
  readonly params?: object;
  readonly folds?: number;
  /** The drift score (2·AUC − 1) from which the two are called different. Default 0.25. */
  readonly threshold?: number;
  readonly seed?: number;
}

export interface Giveaway {
  readonly column: string;
  /** Mean drop in fold AUC when the column is shuffled among the fold's test rows. */
  readonly aucDrop: number;
}

/** Rows of one data set equal (on every compared column) to a row of the other. */
export interface SharedRows {
  /** Rows of A found in B, and of B found in A. */
  readonly inA: number;
  readonly inB: number;
  /** What chance predicts for each, given how few values the columns take. */
  readonly expectedInA: number;
  readonly expectedInB: number;
  /** The larger share of a data set's rows shared beyond chance. */
  readonly shareBeyondChance: number;
  /** A and B hold the same rows (as multisets). */
  readonly identical: boolean;
}

export interface AdversarialData {
  readonly aRows: number;
  readonly bRows: number;
  readonly model: string;
  readonly folds: number;
  readonly shared: SharedRows;
  /** False when A and B share most of their rows: no model is fitted and the AUC numbers are NaN. */
  readonly compared: boolean;
  readonly auc: number;
  readonly low: number;
  readonly high: number;
  readonly driftScore: number;
  readonly driftLow: number;
  readonly driftHigh: number;
  readonly threshold: number;
  readonly flagged: boolean;
  /** Every column, the largest AUC drop first. */
  readonly giveaways: readonly Giveaway[];
}
