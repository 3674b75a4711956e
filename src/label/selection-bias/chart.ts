/** The largest gaps: each category's share in the sample (with its interval), in the population, and in the sample once reweighted. */
import type { VegaLiteSpec } from "../../result.js";
import { chartSpec, PALETTE } from "../../charts/theme.js";
import type { SelectionBiasData } from "./types.js";

/** Categories shown at most, the largest gaps first. */
export const CHART_ROWS = 15;

export function selectionBiasChart(d: SelectionBiasData): VegaLiteSpec {
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const top = d.shares.slice(0, CHART_ROWS);
  const label = (s: (typeof top)[number]) => `${s.column} = ${s.category}`;
  const order = top.map(label);
  const values = top.flatMap((s) => [
    { category: label(s), who: "sample", share: round(s.sampleShare), low: round(s.sampleLow), high: round(s.sampleHigh) },
    { category: label(s), who: "population", share: round(s.populationShare), low: round(s.populationLow), high: round(s.populationHigh) },
    ...(Number.isFinite(s.weightedShare) ? [{ category: label(s), who: "sample, reweighted", share: round(s.weightedShare), low: null, high: null }] : []),
  ]);
  const who = ["sample", "population", "sample, reweighted"];
  const y = { field: "category", type: "nominal", sort: order, title: null, axis: { labelLimit: 240 } };
  const color = { field: "who", type: "nominal", scale: { domain: who, range: [PALETTE[5], PALETTE[0], PALETTE[2]] }, title: null };
  const point = (filter: string, size: number) => ({
    mark: { type: "point", filled: true, size },
    transform: [{ filter }],
    encoding: {
      y,
      x: { field: "share", type: "quantitative", title: "share of rows", axis: { format: "%" } },
      color,
      shape: { field: "who", type: "nominal", scale: { domain: who, range: ["circle", "diamond", "triangle-up"] }, title: null },
      tooltip: [{ field: "category" }, { field: "who" }, { field: "share", format: ".1%" }, { field: "low", format: ".1%" }, { field: "high", format: ".1%" }],
    },
  });
  return chartSpec(`Selection bias: the ${top.length} categories whose share in the sample differs most from the population's, with the sample's share after reweighting.`, {
    title: { text: "Sample against population: the largest gaps", subtitle: "share of rows; lines are 95% intervals" },
    width: 360,
    height: { step: 22 },
    data: { values },
    layer: [
      {
        mark: { type: "rule" },
        transform: [{ filter: "datum.low !== null" }],
        encoding: { y, x: { field: "low", type: "quantitative" }, x2: { field: "high" }, color },
      },
      point("datum.who !== 'sample, reweighted'", 80),
      // The reweighted share drawn smaller, on top, so that it and the population's stay visible where they coincide.
      point("datum.who === 'sample, reweighted'", 30),
    ],
  });
}
