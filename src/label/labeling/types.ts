/** The shapes of labeling(DATA, { lfs, gold }): per-function statistics, the label model against majority vote, and what the noisy labels cost an end model. */
import type { ModelInput } from "../../validate/model.js";

export interface LabelingOptions {
  /** Labeling functions (lf.regex, lf.keywords, lf.fn), or an object of name → function of the row returning a class or ABSTAIN. */
  readonly lfs?: unknown;
  /** A column of true labels for some or all rows (missing where unknown). */
  readonly gold?: string;
  /** The classes; default the gold column's, else every class a function votes for. */
  readonly classes?: readonly string[];
  /** The label model: Snorkel's matrix completion (default), or Dawid–Skene EM. */
  readonly method?: "matrix-completion" | "dawid-skene";
  /** Fixed class shares for the label model, in the order of the classes; default uniform (matrix completion) or learned (Dawid–Skene). */
  readonly classBalance?: readonly number[];
  /** The end model trained on weak labels and on gold labels: a registry name or a Pipeline. Text columns get a bag of words first. */
  readonly model?: ModelInput;
  readonly params?: object;
  /** The end model's input columns; default every column but the gold one and role columns (group, time, weight). */
  readonly features?: readonly string[];
  readonly folds?: number;
  /** Numbers of gold labels for the learning curve; default 25, 50, 100, … up to a fold's training rows. */
  readonly goldSizes?: readonly number[];
  readonly seed?: number;
}

export interface Scored {
  readonly correct: number;
  readonly n: number;
  readonly accuracy: number;
  /** Wilson's 95% interval. */
  readonly low: number;
  readonly high: number;
}

export interface FunctionThrew {
  readonly function: string;
  /** The first row it threw on (0-based), its values and the error. */
  readonly row: number;
  readonly values: Record<string, unknown>;
  readonly error: string;
  /** Rows it threw on in all; those count as abstains. */
  readonly count: number;
}

export interface FunctionSummary {
  readonly name: string;
  readonly kind: string;
  readonly description: string;
  /** The classes it voted for. */
  readonly polarity: readonly string[];
  /** Share of rows it votes on. */
  readonly coverage: number;
  /** Share of rows it votes on where another function votes too. */
  readonly overlap: number;
  /** Share of rows it votes on where another function votes for a different class. */
  readonly conflict: number;
  /** The accuracy the label model learned for it, without gold labels. */
  readonly learnedAccuracy: number;
  /** Against the gold labels on the gold rows it votes on (absent without gold). */
  readonly gold?: Scored;
  /** Rows it threw on (counted as abstains). */
  readonly errors: number;
}

export interface GoldScores {
  readonly column: string;
  /** Rows with a gold label. */
  readonly rows: number;
  /** Gold rows at least one function votes on: both combiners are scored on these. */
  readonly covered: number;
  readonly labelModel: Scored;
  readonly majorityVote: Scored;
  /** Gold rows where majority vote had a tie (broken at random). */
  readonly ties: number;
}

export interface CurvePoint {
  readonly size: number;
  readonly accuracy: number;
  readonly low: number;
  readonly high: number;
}

export interface EndModel {
  readonly model: string;
  readonly folds: number;
  /** Trained on the label model's labels (rows no function votes on left out), scored on held-out gold rows. */
  readonly weak: Scored;
  /** The same model trained on the gold labels of the same training rows. */
  readonly gold: Scored;
  /** The same model trained on this many gold labels per fold. */
  readonly curve: readonly CurvePoint[];
  /** The fewest gold labels in the curve whose model scores at least the weak-label model's accuracy; null when none does. */
  readonly goldToMatch: number | null;
  /** Training rows per fold (the full-gold model's), on average. */
  readonly trainRows: number;
  /** Text columns turned into a bag of words for the model. */
  readonly textColumns: readonly string[];
}

export interface LabelingData {
  readonly rows: number;
  readonly classes: readonly string[];
  readonly functions: readonly FunctionSummary[];
  /** Share of rows at least one function votes on. */
  readonly coverage: number;
  /** Share of rows two or more functions vote on. */
  readonly overlap: number;
  /** Share of rows with votes for two or more classes. */
  readonly conflict: number;
  readonly labelModel: {
    readonly method: "matrix-completion" | "dawid-skene";
    /** Class shares: fixed (matrix completion: uniform unless given) or learned (Dawid–Skene). */
    readonly priors: Readonly<Record<string, number>>;
    /** EM iterations (Dawid–Skene) or gradient steps (matrix completion). */
    readonly iterations: number;
    readonly converged: boolean;
  };
  readonly threw: readonly FunctionThrew[];
  /** Functions that never voted. */
  readonly alwaysAbstain: readonly string[];
  readonly gold?: GoldScores;
  readonly endModel?: EndModel;
  /** The label model's class for every row (null where no function voted), for training on; not part of the result's JSON. */
  readonly labels: readonly (string | null)[];
}
