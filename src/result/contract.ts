/**
 * The result contract (DESIGN.md "results"), as types plus the two names a front end
 * keys on. Display and charts read results through this module only, so rendering a
 * result never depends on how results are made.
 */
export type VerdictLevel = "ok" | "warn" | "fail";

export interface Verdict {
  readonly level: VerdictLevel;
  readonly text: string;
}

export type Cell = string | number | boolean | null;

export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** A Vega-Lite v5 spec. Typed loosely on purpose: litml's declarations must stay readable by TypeScript 5.0 in tslab. */
export type VegaLiteSpec = Record<string, unknown>;

/** What a report needs to reproduce a result. */
export interface Provenance {
  readonly litml: string;
  readonly datasets: readonly { readonly name: string; readonly hash: string; readonly rows: number }[];
  readonly seed?: number;
}

export interface ResultJSON {
  readonly kind: string;
  readonly version: number;
  readonly title: string;
  readonly verdict: Verdict;
  /** Further findings, most important first, each one sentence. */
  readonly notes?: readonly string[];
  readonly table?: Table;
  readonly chart?: VegaLiteSpec;
  readonly data: unknown;
  readonly provenance: Provenance;
}

export const RESULT_MIME = "application/vnd.litml.result+json";
export const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");

export interface Result<Data = unknown> {
  readonly kind: string;
  readonly version: number;
  readonly title: string;
  readonly verdict: Verdict;
  readonly notes: readonly string[];
  readonly table?: Table;
  readonly chart?: VegaLiteSpec;
  readonly data: Data;
  readonly provenance: Provenance;
  /** The chart drawn as static SVG (no script), for HTML output and reports. */
  readonly svg?: string;
  toJSON(): ResultJSON;
  [JUPYTER_DISPLAY](): Record<string, unknown>;
}
