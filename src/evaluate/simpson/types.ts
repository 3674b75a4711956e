/** The shapes of simpson: its options, each comparison's effects and the data behind its verdict. */
import type { FramingCard } from "../../frame/card.js";
import type { Heterogeneity } from "../../stats/breslow-day.js";
import type { ModelInput } from "../../validate/model.js";

export interface SimpsonOptions {
  /** The outcome column; omit it and give `target` to analyse a model's errors instead. */
  readonly outcome?: string;
  /** Analyse the out-of-fold errors of a model predicting this column (wrong = 1 for classes, absolute error for numbers). */
  readonly target?: string;
  /** With `target`: a registry name (with `params`) or your own Pipeline. */
  readonly model?: ModelInput;
  readonly params?: object;
  readonly treatment?: string;
  readonly by?: string;
  /** A column of counts: each row stands for that many cases (tables of counts). */
  readonly count?: string;
  readonly positive?: string;
  readonly levels?: readonly string[];
  readonly minGroupSize?: number;
  readonly minEffect?: number;
  readonly buckets?: number;
  readonly maxLevels?: number;
  readonly card?: FramingCard;
}

export type Comparison = "rates" | "means" | "slopes";

export interface Effect {
  /** Rates: difference in proportions (comparison − reference); means: difference; slopes: slope. */
  readonly effect: number;
  readonly low: number;
  readonly high: number;
  readonly pValue: number;
}

export interface GroupEffect extends Effect {
  readonly label: string;
  readonly n: number;
  /** Reference and comparison rates or means (slopes: intercept-free, so both NaN). */
  readonly reference: number;
  readonly comparison: number;
  /** The effect on a common scale for the minimum-effect rule: |difference in rates|, |Cohen's d| or |correlation|. */
  readonly size: number;
  readonly qualifies: boolean;
  readonly reversed: boolean;
  /** Slopes: the fitted line over the group's range of x, [x0, y0, x1, y1]. */
  readonly line?: readonly [number, number, number, number];
}

export interface Within extends Effect {
  /** "odds ratio" (effect holds its log), "mean difference" or "slope". */
  readonly measure: string;
  readonly estimate: number;
  /** On the minimum-effect scale: |Mantel–Haenszel risk difference|, |pooled difference| / within-group sd, or |partial correlation|. */
  readonly size: number;
  readonly statistic?: number;
  /** Rates only: the Breslow–Day test of one common odds ratio across the groups (a pooled odds ratio summarises groups that disagree poorly). */
  readonly heterogeneity?: Heterogeneity;
}

export interface ComparisonResult {
  readonly comparison: Comparison;
  /** size: the aggregate on the minimum-effect scale (|difference in rates|, |Cohen's d| or |correlation|). */
  readonly aggregate: Effect & { readonly reference: number; readonly comparison: number; readonly n: number; readonly size: number; readonly line?: readonly [number, number, number, number] };
  readonly within: Within;
  readonly groups: readonly GroupEffect[];
}

export interface Finding extends ComparisonResult {
  readonly outcome: string;
  readonly treatment: string;
  readonly by: string;
  readonly positive?: string;
  readonly levels?: readonly [string, string];
  /** The direction within the groups opposes the aggregate's, and some group large enough to judge shows it. */
  readonly reversal: boolean;
  /** The pooled within-group direction opposes the aggregate's, however small (a reversal needs more). */
  readonly flip: boolean;
  /** The within-group p-value after correction for the pairs scanned (Holm); the p-value itself for one triple. */
  readonly adjustedPValue: number;
  /** A reversal whose within-group association holds after that correction (adjusted p < 0.05). */
  readonly credible: boolean;
  /** Slopes: a sample of at most 1,500 points to draw, with their group. */
  readonly points?: readonly { readonly x: number; readonly y: number; readonly group: string }[];
  /** Whether `by` is a category column (points take their group's colour) or bucketed numbers. */
  readonly byCategory: boolean;
}

export interface SimpsonData {
  readonly mode: "single" | "scan";
  /** One finding for a triple; in a scan, the credible reversals, strongest first. */
  readonly findings: readonly Finding[];
  readonly examined: number;
  /** Scan: pairs whose direction reverses but whose within-group association does not survive the correction. */
  readonly notCredible: readonly Finding[];
  /** Scan: columns with more categories than --max-levels. */
  readonly skipped: readonly string[];
  /** Scan: columns with fewer than two present values, which compare nothing. */
  readonly oneValue: readonly string[];
}
