/** The options and data shapes of `runs`. Types only. */

export interface RunsOptions {
  /** Only the runs of this notebook (its path, as the store keys it). */
  readonly notebook?: string;
  /** Only runs of this kind: a result kind ("baseline-comparison"), "fit" or "track". */
  readonly kind?: string;
  /** The newest this many runs. */
  readonly last?: number;
  /** The metric to chart across runs; default the one most runs have. */
  readonly metric?: string;
  /** Two run ids whose params and metrics to set side by side. */
  readonly compare?: readonly number[];
  /** List this run's parts (a search's candidates); without it, runs that are part of another are left out. */
  readonly parent?: number;
}

export interface RunRow {
  readonly id: number;
  readonly at: string;
  readonly kind: string;
  readonly name: string;
  readonly notebook?: string;
  readonly cell?: number;
  readonly seed?: number;
  readonly seconds?: number;
  readonly litml: string;
  readonly datasets: readonly string[];
  /** The run this one is part of (a search's candidate: the search). */
  readonly parent?: number;
  /** How many runs are part of this one (a search: its candidates, listed with --parent). */
  readonly children?: number;
  /** The charted metric, when the run has it. */
  readonly value?: number;
  readonly low?: number;
  readonly high?: number;
}

export interface Difference {
  readonly key: string;
  /** The value in each run, as JSON text ("—" when the run lacks it). */
  readonly a: string;
  readonly b: string;
  readonly same: boolean;
}

export interface RunComparison {
  readonly a: number;
  readonly b: number;
  readonly params: readonly Difference[];
  readonly metrics: readonly { readonly name: string; readonly a?: number; readonly b?: number; readonly difference?: number }[];
  readonly datasets: Difference;
}

export interface RunsData {
  readonly runs: readonly RunRow[];
  readonly total: number;
  readonly metric?: string;
  /** Every metric the listed runs have, with how many runs have it. */
  readonly metrics: readonly { readonly name: string; readonly runs: number }[];
  readonly comparison?: RunComparison;
}
