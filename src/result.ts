/**
 * The result contract (DESIGN.md "results"): plain data, a one-sentence verdict with
 * numbers, an aggregated Vega-Lite chart, and a MIME bundle for Jupyter. Analyses build
 * results with `createResult`, which renders the chart's SVG once, up front, so that
 * displaying a result is synchronous and never recomputes anything.
 */
import { resultBundle } from "./display/bundle.js";
import { renderSvg } from "./display/svg.js";
import { LITML_VERSION } from "./version.js";

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

export interface ResultParts<Data> {
  kind: string;
  version: number;
  title: string;
  verdict: Verdict;
  notes?: readonly string[];
  table?: Table;
  chart?: VegaLiteSpec;
  data: Data;
  datasets?: Provenance["datasets"];
  seed?: number;
}

export async function createResult<Data>(parts: ResultParts<Data>): Promise<Result<Data>> {
  const svg = parts.chart ? await renderSvg(parts.chart) : undefined;
  const provenance: Provenance = {
    litml: LITML_VERSION,
    datasets: parts.datasets ?? [],
    ...(parts.seed === undefined ? {} : { seed: parts.seed }),
  };
  const result: Result<Data> = {
    kind: parts.kind,
    version: parts.version,
    title: parts.title,
    verdict: parts.verdict,
    notes: parts.notes ?? [],
    table: parts.table,
    chart: parts.chart,
    data: parts.data,
    provenance,
    svg,
    toJSON: () => ({
      kind: parts.kind,
      version: parts.version,
      title: parts.title,
      verdict: parts.verdict,
      ...(parts.notes?.length ? { notes: parts.notes } : {}),
      ...(parts.table ? { table: parts.table } : {}),
      ...(parts.chart ? { chart: parts.chart } : {}),
      data: parts.data,
      provenance,
    }),
    [JUPYTER_DISPLAY]: () => resultBundle(result),
    toString: () => `${parts.title}: ${parts.verdict.level.toUpperCase()} — ${parts.verdict.text}`,
  } as Result<Data>;
  return Object.freeze(result);
}
