/** The shapes of drift(REFERENCE, CURRENT): its options and each column's comparison. */
import type { FittedPipeline } from "../../features/pipeline.js";

export interface DriftOptions {
  readonly columns?: readonly string[];
  /** Reference rows at or above which effect sizes replace significance tests. Default 1,000. */
  readonly largeSample?: number;
  readonly threshold?: number;
  /** Also report the population stability index (10 reference-quantile bins for numbers). */
  readonly psi?: boolean;
  /** A fitted pipeline whose predictions on both data sets are compared as well. */
  readonly model?: FittedPipeline;
  /** Seed of the permutations that measure how far apart two samples of one distribution fall. */
  readonly seed?: number;
}

export interface ColumnDrift {
  readonly column: string;
  readonly type: "numeric" | "categorical" | "binary";
  readonly method: string;
  /** The effect size on its own scale (KS D, normalised Wasserstein, JS distance less its sampling bias, or difference in proportions). */
  readonly effect: number;
  /** For categories: the Jensen–Shannon distance as measured, before the distance two samples of one distribution show is taken off. */
  readonly rawEffect?: number;
  readonly pValue?: number;
  readonly psi?: number;
  readonly drifted: boolean;
  readonly note?: string;
}

export type DriftRegime = "small reference: tests plus a minimum effect" | "large reference: effect sizes";

export interface DriftData {
  readonly referenceRows: number;
  readonly currentRows: number;
  readonly regime: DriftRegime;
  readonly threshold: number;
  readonly columns: readonly ColumnDrift[];
  readonly driftedShare: number;
  /** The drift of the model's predictions (labels, or values for numbers), when a model is given. */
  readonly predictions?: ColumnDrift;
}
