/** The shapes of profile(DATA): its options, each column's summary and the problems found. */
import type { ColumnType } from "../../data/column.js";
import type { MissingnessTest } from "../../data/missingness.js";
import type { ColumnSummary } from "../../data/summary.js";
import type { VerdictLevel } from "../../result.js";

export interface ProfileOptions {
  /** The column to predict; defaults to the data set's target role. */
  readonly target?: string;
}

export interface ColumnProfile extends ColumnSummary {
  readonly name: string;
  readonly type: ColumnType;
  readonly missingShare: number;
  readonly missingVsTarget?: MissingnessTest & { readonly adjustedPValue: number; readonly related: boolean };
  /** Numeric columns holding ±Infinity (a 1e400 or an "Infinity" in the file): how many, and the first row. The value is text because JSON has no Infinity. */
  readonly infinite?: { readonly count: number; readonly firstRow: number; readonly firstValue: "Infinity" | "-Infinity" };
}

export interface Problem {
  readonly kind: string;
  readonly column?: string;
  /** 0–1: how much the problem threatens a model built on this data, growing with its size; the verdict takes the largest. */
  readonly severity: number;
  /** The severity as a level: fail, warn, or ok for a finding too small to worry about (still listed). */
  readonly level: VerdictLevel;
  readonly text: string;
}

export interface ProfileData {
  readonly rows: number;
  readonly columns: number;
  readonly target?: string;
  readonly duplicateRows: number;
  readonly columnProfiles: readonly ColumnProfile[];
  readonly classBalance?: readonly { readonly label: string; readonly count: number; readonly share: number }[];
  /** Every finding, the most severe first. */
  readonly problems: readonly Problem[];
}
