import type { FramingCard } from "../../frame/card.js";
import type { ModelInput } from "../../validate/model.js";

export interface InvarianceOptions {
  readonly target?: string;
  readonly sensitive?: string;
  /** Columns whose increase should raise ("+") or lower ("-") the prediction. */
  readonly expect?: Readonly<Record<string, "+" | "-">>;
  readonly model?: ModelInput;
  readonly params?: object;
  /** The model's inputs (default: every column but the target). Leave the sensitive column out to train a model blind to it. */
  readonly features?: readonly string[];
  readonly folds?: number;
  readonly seed?: number;
  readonly card?: FramingCard;
}

export interface Swap {
  readonly from: string;
  readonly to: string;
  readonly rows: number;
  readonly flipRate: number;
  /** For numeric targets: the mean change of the prediction. */
  readonly meanChange?: number;
  /** For numeric targets: a 95% interval for the mean change, from the spread of the fold models (delete-a-group jackknife). */
  readonly changeLow?: number;
  readonly changeHigh?: number;
}

export interface Expectation {
  readonly column: string;
  readonly direction: "+" | "-";
  readonly step: number;
  readonly violationRate: number;
  readonly low: number;
  readonly high: number;
  /** The mean change of the score (the predicted value, or the last class's probability) when the column rises by `step`. */
  readonly meanMove: number;
}

export interface InvarianceData {
  readonly target: string;
  readonly sensitive: string;
  readonly model: string;
  /** Whether the model is linear in its inputs (logistic, ridge, linear): a nudge then reads the sign of one coefficient. */
  readonly linear: boolean;
  readonly task: "classification" | "regression";
  /** For numeric targets: the target's standard deviation, the scale a shift is judged on. */
  readonly targetSd?: number;
  readonly rows: number;
  /** Share of rows whose prediction changes under at least one swap. */
  readonly flipRate: number;
  readonly flipLow: number;
  readonly flipHigh: number;
  readonly swaps: readonly Swap[];
  readonly expectations: readonly Expectation[];
  readonly notes: readonly string[];
}
