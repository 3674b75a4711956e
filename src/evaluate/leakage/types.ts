/** The shapes of leakage(DATA, options): its options, the copies, groups and times it counts, and each feature alone. */
import type { DataInput } from "../../data/convert.js";
import type { FramingCard } from "../../frame/card.js";
import type { VerdictLevel } from "../../result.js";
import type { SplitKind } from "../../validate/plan.js";

export interface LeakageOptions {
  readonly target?: string;
  /** A separate test set: the checks then compare DATA (training) with it instead of folds. */
  readonly test?: DataInput;
  readonly time?: string;
  /** An id or group column (a patient, a customer) that must not appear on both sides. */
  readonly group?: string;
  /** The validation to check, as cross-validation would split (default: what it would choose). */
  readonly split?: SplitKind;
  readonly folds?: number;
  /** A single feature scoring at least this out of fold is called a leak. Default 0.95. */
  readonly threshold?: number;
  readonly seed?: number;
  readonly card?: FramingCard;
}

export interface SoloScore {
  readonly column: string;
  readonly score: number;
  readonly suspicious: boolean;
}

/** Test rows (summed over folds) with a copy among their fold's training rows. */
export interface CopyCount {
  readonly rows: number;
  /** Of those, rows whose every training copy carries a different label: the features cannot tell them apart, which is noise, not a leak. */
  readonly conflicting: number;
  /** The rows independent draws from the data's own distribution would match by chance (coarse columns coincide often). */
  readonly expected: number;
}

export type LeakageCheckName = "duplicates" | "near-duplicates" | "shared groups" | "time overlap" | "single-feature power";

export interface LeakageCheck {
  readonly check: LeakageCheckName;
  readonly level: VerdictLevel;
  /** Test rows affected (summed over folds), where the check counts rows. */
  readonly rows?: number;
  readonly text: string;
}

/** What compute measures; the checks are judged from it. */
export interface LeakageMeasures {
  readonly target: string;
  readonly validation: string;
  readonly testRows: number;
  /** The columns copies are compared on: every feature the model sees. */
  readonly compared: readonly string[];
  /** Exact copies: every compared column equal. */
  readonly exact: CopyCount;
  /** Near copies that are not exact: numbers within 1% of a standard deviation, categories equal. */
  readonly near: CopyCount;
  readonly group?: { readonly column: string; readonly rows: number };
  readonly time?: { readonly column: string; readonly rows: number };
  readonly metric: string;
  readonly threshold: number;
  /** Each feature alone, best first. */
  readonly solo: readonly SoloScore[];
}

export interface LeakageData extends LeakageMeasures {
  readonly checks: readonly LeakageCheck[];
}
