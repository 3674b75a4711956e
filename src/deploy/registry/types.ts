/** The options and data shapes of the model registry. Types only. */
import type { DataInput } from "../../data/convert.js";
import type { Stage } from "../../state/registry.js";

export type { Stage } from "../../state/registry.js";

export interface RegisterOptions {
  /** The model's name in the registry: letters, digits, "-", "_" and ".". */
  readonly name: string;
  readonly description?: string;
  /** The new version's stage (default staging); production archives the version that was there. */
  readonly stage?: Stage;
  /** The tracked run the fitted pipeline came from (its lineage); its metrics, params and data are kept with the version. */
  readonly run?: number;
  /** Metrics to keep with the version (besides the run's): numbers, or { value, low, high }. */
  readonly metrics?: Readonly<Record<string, number | { readonly value: number; readonly low?: number; readonly high?: number }>>;
  /** The data it was fitted on, for its fingerprint (when no run says). */
  readonly data?: DataInput;
}

export interface ModelsOptions {
  /** Only this name's versions. */
  readonly name?: string;
}

export interface VersionSummary {
  readonly name: string;
  readonly version: number;
  readonly stage: Stage;
  readonly description: string;
  readonly created: string;
  readonly model: string;
  readonly task: string;
  readonly runId?: number;
  readonly params: unknown;
  readonly metrics: readonly { readonly name: string; readonly value: number; readonly low?: number; readonly high?: number }[];
  readonly datasets: readonly { readonly name: string; readonly hash: string; readonly rows: number }[];
  readonly artifactBytes: number;
}

export interface RegisteredData {
  readonly registered: VersionSummary;
  /** The version it archived, when it went straight to production. */
  readonly archived?: number;
}

export interface StageData {
  readonly name: string;
  readonly version: number;
  readonly from: Stage;
  readonly to: Stage;
  readonly archived?: number;
}

export interface ModelsData {
  readonly versions: readonly VersionSummary[];
  readonly names: readonly string[];
}
