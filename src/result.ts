/**
 * createResult: an analysis's data, verdict, table and chart spec become a result
 * object (DESIGN.md "results"). Pure and synchronous: nothing is drawn until the result
 * is displayed or exported, when the chart's SVG is rendered once and kept.
 */
import { resultBundle } from "./display/bundle.js";
import { renderSvgSync } from "./display/svg.js";
import { JUPYTER_DISPLAY, type Provenance, type Result, type Table, type VegaLiteSpec, type Verdict } from "./result/contract.js";
import { LITML_VERSION } from "./version.js";

export { JUPYTER_DISPLAY, RESULT_MIME, type Cell, type Provenance, type Result, type ResultJSON, type Table, type VegaLiteSpec, type Verdict, type VerdictLevel } from "./result/contract.js";

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

export function createResult<Data>(parts: ResultParts<Data>): Result<Data> {
  let svg: string | undefined;
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
    get svg() {
      if (svg === undefined && parts.chart) svg = renderSvgSync(parts.chart);
      return svg;
    },
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
