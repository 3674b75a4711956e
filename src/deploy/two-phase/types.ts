/** The shapes of twoPhase(DATA, { target, small, large }): a small model answers when sure, a large one takes the rest. */
import type { FramingCard } from "../../frame/card.js";
import type { SplitKind } from "../../validate/plan.js";
import type { ModelInput } from "../../validate/model.js";

export interface TwoPhaseOptions {
  readonly target?: string;
  /** The cheap model that always runs (default logistic). */
  readonly small?: ModelInput;
  readonly smallParams?: object;
  /** The expensive model asked only when the small one is unsure (default gbdt). */
  readonly large?: ModelInput;
  readonly largeParams?: object;
  /** Accuracy the two-phase system may lose against the large model alone (default: the card's minimum gain when its metric is accuracy, else 0.005). */
  readonly tolerance?: number;
  /** Milliseconds added to every call of the large model (a network round trip to where it runs), default 0. */
  readonly roundTrip?: number;
  /** Timing repeats per model (the median is kept), default 7. */
  readonly repeats?: number;
  readonly folds?: number;
  readonly split?: SplitKind;
  readonly group?: string;
  readonly time?: string;
  readonly seed?: number;
  readonly card?: FramingCard;
}

/** The two-phase system at one cut: rows whose small-model top probability is below the cut go to the large model. */
export interface CutPoint {
  readonly cut: number;
  readonly accuracy: number;
  readonly low: number;
  readonly high: number;
  /** The share of rows sent to the large model. */
  readonly escalated: number;
  /** Mean milliseconds a row: the small model always, plus the large one (and its round trip) for escalated rows. */
  readonly latency: number;
}

export interface ModelTiming {
  readonly model: string;
  /** Median over repeats of the milliseconds to predict one row (rows predicted one at a time). */
  readonly msPerRow: number;
  readonly repeats: number;
  readonly rowsTimed: number;
}

export interface TwoPhaseData {
  readonly target: string;
  readonly classes: readonly string[];
  readonly rows: number;
  readonly validation: string;
  readonly small: ModelTiming & { readonly accuracy: number; readonly low: number; readonly high: number };
  readonly large: ModelTiming & { readonly accuracy: number; readonly low: number; readonly high: number };
  /** large − small accuracy on the same rows, with a 95% paired bootstrap interval. */
  readonly largeGain: { readonly value: number; readonly low: number; readonly high: number };
  readonly tolerance: number;
  readonly toleranceSource: "option" | "card" | "default";
  readonly roundTrip: number;
  readonly cores: number;
  /** The curve against the cut (about 100 cuts, the chosen one included). */
  readonly curve: readonly CutPoint[];
  /** The cut with the least escalation whose accuracy is within the tolerance of the large model alone. */
  readonly chosen: CutPoint;
  /** The chosen system's accuracy minus the large model's, with a 95% paired bootstrap interval. */
  readonly chosenVsLarge: { readonly value: number; readonly low: number; readonly high: number };
  /** Latency of the large model alone (its per-row time plus the round trip). */
  readonly largeLatency: number;
  readonly notes: readonly string[];
}
