import type { CardGoal } from "../card-goal.js";
import type { FramingCard } from "../../frame/card.js";
import type { ModelInput } from "../../validate/model.js";

export type BacktestBaseline = "zero-rule" | "last-value" | "seasonal";

export interface BacktestOptions {
  readonly target?: string;
  readonly time?: string;
  /** A column telling interleaved series apart (several stocks or cities in one table): baselines and comparisons per series. */
  readonly series?: string;
  readonly window?: "expanding" | "sliding";
  readonly folds?: number;
  /** Time steps left out between training and test. */
  readonly gap?: number;
  /** Time steps per test period (default: steps / (folds + 1)); a step is a row, or one timestamp of every series. */
  readonly horizon?: number;
  /** Time steps of training data for a sliding window (default: twice the horizon). */
  readonly trainSize?: number;
  /** A registry name (with `params`) or your own Pipeline, refitted per period. */
  readonly model?: ModelInput;
  readonly params?: object;
  readonly metric?: string;
  readonly baseline?: BacktestBaseline;
  /** Time steps per season, for the seasonal baseline (e.g. 7 for daily data with a weekly cycle). */
  readonly season?: number;
  readonly card?: FramingCard;
}

/** One test period, numbered from 1 in the table, the chart and the verdict alike. */
export interface BacktestFold {
  readonly fold: number;
  readonly trainRows: number;
  readonly testRows: number;
  readonly from: number | string;
  readonly to: number | string;
  /** The rows `model` and `baseline` were both scored on: where the baseline applies (every test row when it applies nowhere). */
  readonly scoredRows: number;
  /** The model on the `scoredRows` rows, the same rows as the baseline. */
  readonly model: number;
  /** The model on every test row of the period (differs from `model` only when some series had no history for the baseline). */
  readonly modelAllRows: number;
  /** Null where the baseline cannot be computed: a lagged baseline needs `lag` earlier steps of the series. */
  readonly baseline: number | null;
  /** Whether the model beat the baseline on those same rows; null where the baseline is n/a. */
  readonly beats: boolean | null;
}

export interface SeriesFold {
  readonly fold: number;
  readonly rows: number;
  readonly model: number;
  readonly baseline: number | null;
  readonly beats: boolean | null;
}

/** One series of a table that holds several, compared with its own baseline. */
export interface BacktestSeries {
  readonly series: string;
  readonly folds: readonly SeriesFold[];
  /** The model and the baseline on every tested row of the series where the baseline applies, pooled over periods. */
  readonly model: number | null;
  readonly baseline: number | null;
  readonly beatsBaselineIn: number;
  readonly comparedIn: number;
}

export interface BacktestData {
  readonly target: string;
  readonly time: string;
  readonly model: string;
  readonly metric: string;
  readonly greaterIsBetter: boolean;
  readonly baseline: BacktestBaseline;
  readonly season?: number;
  readonly window: "expanding" | "sliding";
  readonly folds: readonly BacktestFold[];
  readonly trend: { readonly slope: number; readonly low: number; readonly high: number; readonly pValue: number };
  /** The score worsens over the periods with p < 0.05. */
  readonly significantTrend: boolean;
  /**
   * With a significant trend: its size from the first to the last period (metric units), the
   * model's mean gain over the baseline where both were scored, and whether the drop is
   * material (half that lead or more; without a baseline, the error grows by half).
   */
  readonly drop?: { readonly size: number; readonly lead?: number; readonly material: boolean };
  /** A significant trend and a material drop: the last period loses to the baseline or misses the card's success value, or `drop` is material. */
  readonly degrading: boolean;
  /** The framing card's success value and minimum gain, when its metric is the one scored. */
  readonly goal?: CardGoal;
  readonly beatsBaselineIn: number;
  /** Periods in which the baseline could be computed. */
  readonly comparedIn: number;
  /** Set with the `series` option. */
  readonly seriesColumn?: string;
  readonly series?: readonly BacktestSeries[];
  readonly notes: readonly string[];
}
