/** A metric across runs: one point per run (with its interval where it has one), in run order. */
import type { VegaLiteSpec } from "../../result.js";
import { chartSpec, PALETTE } from "../../charts/theme.js";
import type { RunsData } from "./types.js";

const round = (x: number) => Math.round(x * 1e4) / 1e4;

export function runsChart(d: RunsData): VegaLiteSpec | undefined {
  const ids = d.comparison ? new Set([d.comparison.a, d.comparison.b]) : undefined;
  const values = d.runs
    .filter((r) => r.value !== undefined && (!ids || ids.has(r.id)))
    .map((r) => ({ run: `#${r.id}`, name: r.name, value: round(r.value as number), ...(r.low === undefined ? {} : { low: round(r.low), high: round(r.high as number) }) }));
  if (d.metric === undefined || values.length === 0) return undefined;
  const y = { field: "value", type: "quantitative", title: d.metric, scale: { zero: false } };
  return chartSpec(`${d.metric} across ${values.length} runs, one point per run with its interval where the run recorded one.`, {
    title: { text: `${d.metric} across runs`, subtitle: "each point a run; bars its interval" },
    width: Math.min(600, Math.max(200, 28 * values.length)),
    height: 220,
    data: { values },
    encoding: { x: { field: "run", type: "ordinal", sort: null, title: "run", axis: { labelAngle: 0 } } },
    layer: [
      { mark: { type: "rule", color: PALETTE[0] }, encoding: { y: { ...y, field: "low" }, y2: { field: "high" } } },
      {
        mark: { type: "point", filled: true, size: 60, color: PALETTE[0] },
        encoding: { y, tooltip: [{ field: "run" }, { field: "name" }, { field: "value", format: ".4~g" }, { field: "low", format: ".4~g" }, { field: "high", format: ".4~g" }] },
      },
    ],
  });
}
