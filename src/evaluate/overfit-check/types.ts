/** The options and data shapes of `overfitCheck`. Types only. */
import type { ModelInput } from "../../validate/model.js";

export interface OverfitCheckOptions {
  readonly target?: string;
  /** A registry name (with `params`) or your own Pipeline; default a nearly unregularised logistic or linear model. */
  readonly model?: ModelInput;
  readonly params?: object;
  readonly rows?: number;
  /** How many times the batch is refitted with its labels shuffled, for comparison. */
  readonly shuffles?: number;
  readonly seed?: number;
}

export interface OverfitCheckData {
  readonly target: string;
  readonly task: "classification" | "regression";
  readonly model: string;
  readonly rows: number;
  /** The batch's rows in the data, so the check can be repeated elsewhere. */
  readonly batch: readonly number[];
  /**
   * The training error as a share of the target's spread: for classes, the share
   * misclassified over the zero rule's (1 − the majority's share); for numbers, the
   * training RMSE over the target's standard deviation on the batch (ddof 0). 0 is
   * memorised; 1 is no better than predicting the majority class or the mean.
   */
  readonly trainingError: number;
  /** Rows misclassified (classes) or the training RMSE (numbers), in the target's own terms. */
  readonly raw: number;
  /** The same fit with the batch's labels shuffled, once per shuffle, as shares of the spread. */
  readonly shuffled: readonly number[];
  /** trainingError is at most 1% of the spread. */
  readonly memorised: boolean;
  /** The fit beats every shuffle (a permutation test at 1 / (shuffles + 1)). */
  readonly tiedToFeatures: boolean;
  /** The model also memorises shuffled labels (their median error is at most 1%): memorising proves little. */
  readonly memorisesNoise: boolean;
  /** Every feature holds one value on the batch. */
  readonly constantFeatures: boolean;
  readonly passed: boolean;
  /** Smaller batches tried first that could not tell (only when the batch size was not chosen). */
  readonly smallerBatches: readonly { readonly rows: number; readonly trainingError: number; readonly shuffledMedian: number }[];
}
