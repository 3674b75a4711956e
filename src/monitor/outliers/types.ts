import type { FramingCard } from "../../frame/card.js";
import type { ModelInput } from "../../validate/model.js";

export interface OutliersOptions {
  /** With a target, the model's errors tell edge cases from harmless outliers. */
  readonly target?: string;
  readonly columns?: readonly string[];
  /** The share of rows each detector flags. Default 0.01. */
  readonly contamination?: number;
  /** Neighbours for the distance detector. Default 5. */
  readonly k?: number;
  /** A registry name (with `params`) or your own Pipeline, to find the edge cases. */
  readonly model?: ModelInput;
  readonly params?: object;
  readonly folds?: number;
  readonly seed?: number;
  readonly card?: FramingCard;
}

export interface OutlierRow {
  /** The row's number in the data as given. */
  readonly row: number;
  readonly isolation: number;
  readonly distance: number;
  readonly reconstruction: number;
  /** How many of the three detectors flag the row. */
  readonly votes: number;
  /** The squared Mahalanobis distance under the data's robust Gaussian fit. */
  readonly robustDistance: number;
  /** Its χ² tail probability times the number of rows: below 0.05 the row is extreme. */
  readonly adjustedPValue: number;
  /** Two votes and extreme: an outlier (two votes alone make a candidate). */
  readonly outlier: boolean;
  /** The features furthest from typical, as "name (z = …)". */
  readonly unusual: string;
  readonly edgeCase?: boolean;
}

export interface EdgeCaseSummary {
  readonly definition: string;
  readonly outlierErrorRate: number;
  readonly outlierLow: number;
  readonly outlierHigh: number;
  readonly inlierErrorRate: number;
  readonly inlierLow: number;
  readonly inlierHigh: number;
  readonly outliersHandledWell: number;
  readonly edgeCasesAmongOutliers: number;
  readonly edgeCasesAmongInliers: number;
}

export interface OutliersData {
  readonly rows: number;
  readonly features: readonly string[];
  /** Date columns, left out: a date is a position in time, not a property to be unusual in. */
  readonly dates: readonly string[];
  readonly contamination: number;
  readonly k: number;
  readonly components: number;
  /** Rows with two votes that are also extreme beyond the data's robust Gaussian fit. */
  readonly outliers: number;
  /** Rows with two votes, extreme or not. */
  readonly candidates: number;
  /** Degrees of freedom of the χ² reference (the rank of the robust covariance). */
  readonly df: number;
  /** Every candidate row, outliers first, then most votes and highest isolation score (at most 200). */
  readonly flagged: readonly OutlierRow[];
  /** Detector scores of a sample of rows, for the chart. */
  readonly sample: readonly { readonly isolation: number; readonly distance: number; readonly status: string }[];
  readonly model?: string;
  readonly edgeCases?: EdgeCaseSummary;
  readonly notes: readonly string[];
}
