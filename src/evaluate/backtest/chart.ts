/** The metric per test period for the model and its baseline, in time order; one panel per series when there are several. */
import { chartSpec, PALETTE } from "../../charts/theme.js";
import { zoomScale } from "../../charts/zoom.js";
import type { VegaLiteSpec } from "../../result/contract.js";
import type { BacktestData } from "./types.js";

/** More panels than this would not read; the overall line still shows every period. */
const MAX_PANELS = 12;

export function backtestChart(d: BacktestData): VegaLiteSpec {
  const periods = new Map(d.folds.map((f) => [f.fold, `${f.fold}: ${f.from}`]));
  const baseline = `${d.baseline} baseline`;
  const panels = d.series && d.series.length <= MAX_PANELS;
  const values = panels
    ? d.series!.flatMap((s) => s.folds.flatMap((f) => [
        { series: s.series, period: periods.get(f.fold), who: d.model, score: round(f.model) },
        { series: s.series, period: periods.get(f.fold), who: baseline, score: round(f.baseline) },
      ]))
    : d.folds.flatMap((f) => [
        { period: periods.get(f.fold), who: d.model, score: round(f.model) },
        { period: periods.get(f.fold), who: baseline, score: round(f.baseline) },
      ]);
  const layer = {
    mark: { type: "line", point: { filled: true, size: 60 } },
    encoding: {
      x: { field: "period", type: "ordinal", title: "test period (number: start)", sort: [...periods.values()], axis: { labelAngle: -30 } },
      // One panel: the axis zooms to the scores of every period. Panels keep their own y scales (zero: false, each fitted by Vega).
      y: { field: "score", type: "quantitative", title: d.metric, scale: panels ? { zero: false } : zoomScale(values.map((v) => v.score)) },
      color: { field: "who", type: "nominal", title: null, scale: { domain: [d.model, baseline], range: [PALETTE[0], PALETTE[1]] } },
      strokeDash: { field: "who", type: "nominal", title: null, scale: { domain: [d.model, baseline], range: [[1, 0], [5, 4]] } },
      tooltip: [{ field: "period" }, ...(panels ? [{ field: "series" }] : []), { field: "who" }, { field: "score", format: ".4~g" }],
    },
  };
  const description = `Backtest: ${d.metric} of ${d.model} and of the ${d.baseline} baseline in each test period, in time order${panels ? `, one panel per ${d.seriesColumn}` : ""}; a missing baseline point is a period without enough history for it.`;
  const title = `${d.metric} per test period (${d.window} window)`;
  if (!panels) return chartSpec(description, { title, data: { values }, width: 420, height: 240, ...layer });
  return chartSpec(description, {
    title,
    data: { values },
    facet: { field: "series", type: "nominal", title: d.seriesColumn },
    columns: 3,
    resolve: { scale: { y: "independent" } },
    spec: { width: 200, height: 140, ...layer },
  });
}

function round(x: number | null): number | null {
  return x === null || Number.isNaN(x) ? null : Math.round(x * 1e5) / 1e5;
}
