/** The shapes of selectionBias(SAMPLE, POPULATION): its options, the shares compared, the weights and the score. */
import type { FramingCard } from "../../frame/card.js";
import type { ModelInput } from "../../validate/model.js";

export interface SelectionBiasOptions {
  /** The metadata columns to compare and to reweight on. Default every column both have, except the target. */
  readonly by?: readonly string[];
  /** With a target, a model is trained on the sample with and without the weights and scored on the population. */
  readonly target?: string;
  readonly model?: ModelInput;
  readonly params?: object;
  readonly metric?: string;
  /** Equal-count bins of a numeric column, cut at the population's quantiles. Default 5. */
  readonly bins?: number;
  /** Compare shares only, without the adversarial model (faster). */
  readonly sharesOnly?: boolean;
  readonly folds?: number;
  readonly seed?: number;
  /** The framing card: its metric for the score, its time column for the causes. */
  readonly card?: FramingCard;
}

/** Where a column may point, in the book's words: when, where, or whom the collection reached. */
export type Cause = "time" | "location" | "demographics";

/** One category of one column: its share in the sample and in the population. */
export interface CategoryShare {
  readonly column: string;
  readonly category: string;
  readonly sampleCount: number;
  readonly sampleShare: number;
  /** Wilson's 95% interval for the sample's share. */
  readonly sampleLow: number;
  readonly sampleHigh: number;
  readonly populationCount: number;
  readonly populationShare: number;
  readonly populationLow: number;
  readonly populationHigh: number;
  /** Sample's share − population's share. */
  readonly gap: number;
  /** The sample's share once reweighted (NaN when no weights were computed). */
  readonly weightedShare: number;
}

export interface ColumnComparison {
  readonly column: string;
  /** How its categories were made: a category column's values, a few distinct numbers, or bins at the population's quantiles. */
  readonly grouping: "categories" | "values" | "bins";
  readonly categories: number;
  /** Chi-square goodness of fit of the sample's counts against the population's shares. */
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
  /** Holm-adjusted across the compared columns. */
  readonly adjustedP: number;
  /** Half the sum of the absolute gaps: the share of the sample that sits in the wrong category. */
  readonly distance: number;
  /** The population's share held by categories the sample has no row of. */
  readonly uncoveredShare: number;
  /** Sample rows whose value the population never takes. */
  readonly unknownRows: number;
  /** Categories pooled for the test because fewer than 5 sample rows were expected in each. */
  readonly pooled: number;
  readonly differs: boolean;
  readonly cause?: Cause;
}

export interface Weighting {
  readonly method: "post-stratification" | "raking";
  readonly columns: readonly string[];
  readonly iterations: number;
  readonly converged: boolean;
  /** Kish's effective sample size of the weights, against the sample's rows. */
  readonly effectiveSize: number;
  readonly rows: number;
  readonly minWeight: number;
  readonly maxWeight: number;
  /** Rows given weight 0 (a value the population never takes). */
  readonly zeroRows: number;
  /** Per column and category, the mean weight of its rows. */
  readonly factors: readonly { readonly column: string; readonly category: string; readonly weight: number }[];
}

export interface ScoreComparison {
  readonly target: string;
  readonly model: string;
  readonly metric: string;
  readonly greaterIsBetter: boolean;
  /** Where the score was measured: the population's rows the sample does not hold, or all of it. */
  readonly scoredOn: "population minus sample" | "population";
  readonly scoredRows: number;
  readonly unweighted: number;
  readonly weighted: number;
  /** weighted − unweighted, with a paired bootstrap interval over the scored rows. */
  readonly change: number;
  readonly changeLow: number;
  readonly changeHigh: number;
}

export interface AdversarialSummary {
  readonly model: string;
  readonly auc: number;
  readonly low: number;
  readonly high: number;
  readonly driftScore: number;
  readonly flagged: boolean;
  /** Columns by the AUC drop when shuffled, largest first. */
  readonly giveaways: readonly { readonly column: string; readonly aucDrop: number }[];
  readonly sampleRows: number;
  readonly populationRows: number;
}

export interface SelectionBiasData {
  readonly sampleRows: number;
  readonly populationRows: number;
  /** Share of the sample's rows found in the population (as multisets, on every column both have). */
  readonly foundInPopulation: number;
  /** The sample was taken as drawn from the population (at least 90% of its rows found there). */
  readonly subset: boolean;
  /** Columns compared, the most different first. */
  readonly columns: readonly ColumnComparison[];
  /** Every category of every column, the largest gap first. */
  readonly shares: readonly CategoryShare[];
  readonly adversarial?: AdversarialSummary;
  /** Why the adversarial model was not run, when it was not. */
  readonly adversarialSkipped?: string;
  readonly weighting?: Weighting;
  readonly score?: ScoreComparison;
  /** Why no score was computed although a target was given. */
  readonly scoreSkipped?: string;
  /** Columns of the sample the population lacks (not compared). */
  readonly notInPopulation: readonly string[];
  /** With --by: the other columns both sides share (not compared), and those of them whose shares differ clearly (a quick check, see compute.ts). */
  readonly unchecked?: { readonly columns: readonly string[]; readonly differing: readonly ColumnComparison[] };
  readonly bins: number;
  readonly level: number;
}
