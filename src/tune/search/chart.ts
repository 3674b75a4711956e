/** Score against each searched param: one panel per param, each candidate a point with its fold interval, the best marked, the defaults as a dashed line. */
import { chartSpec, LEVEL_COLORS, PALETTE } from "../../charts/theme.js";
import type { VegaLiteSpec } from "../../result.js";
import { foldMeanInterval } from "../../stats/paired-folds.js";
import type { CandidateRecord, ParamRange, TuneData } from "./types.js";

/** At most this many candidates are drawn (the best ones), so a chart stays small. */
const MAX_POINTS = 2000;
const round = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : null);

export function tuneChart(d: TuneData): VegaLiteSpec {
  // Each candidate once, at the last iteration it reached (halving scores a survivor again on more rows).
  const last = new Map<number, CandidateRecord>();
  for (const r of d.candidates) if ((last.get(r.candidate)?.iteration ?? -1) < r.iteration) last.set(r.candidate, r);
  const shown = [...last.values()].sort((a, b) => a.rank - b.rank).slice(0, MAX_POINTS);
  const bestKey = JSON.stringify(d.best.params);
  const values = shown.map((r) => {
    const { low, high } = foldMeanInterval(r.foldScores.filter(Number.isFinite));
    return {
      ...Object.fromEntries(d.searched.map((p) => [`p${d.searched.indexOf(p)}`, r.params[p]])),
      score: round(r.mean),
      low: round(low),
      high: round(high),
      rows: r.resource,
      best: JSON.stringify(Object.fromEntries(Object.entries(r.params).filter(([k]) => d.searched.includes(k)))) === bestKey,
      label: Object.entries(r.params).map(([k, v]) => `${k}=${v}`).join(", "),
    };
  });
  const panels = d.searched.map((param, p) => panel(d, param, `p${p}`));
  return chartSpec(`Hyperparameter search of ${d.model}: ${d.metric} of each candidate against each searched param, with 95% intervals over folds; the best candidate is marked and the defaults' score is a dashed line.`, {
    title: {
      text: `${d.model}: ${d.metric} against each param`,
      subtitle: [`${d.foldDescription}; ${d.greaterIsBetter ? "higher" : "lower"} is better`, `bars: 95% interval over folds · ◆ best · dashed: defaults (${formatNumber(d.defaults.mean)})`],
    },
    data: { values },
    hconcat: panels,
  });
}

function panel(d: TuneData, param: string, field: string): VegaLiteSpec {
  const range = d.space[param];
  const numeric = Array.isArray(range) ? range.every((v) => typeof v === "number") : true;
  const numbers = Array.isArray(range) ? (range as number[]) : [(range as ParamRange).min, (range as ParamRange).max];
  const log = numeric && (Array.isArray(range) ? numbers.every((v) => v > 0) && Math.max(...numbers) / Math.min(...numbers) >= 100 : (range as ParamRange).log === true);
  const x = numeric
    ? { field, type: "quantitative", title: param, scale: log ? { type: "log" } : { zero: false } }
    : { field, type: "nominal", title: param, axis: { labelAngle: 0 } };
  const y = { field: "score", type: "quantitative", title: d.metric, scale: { zero: false } };
  return {
    width: 220,
    height: 200,
    layer: [
      { mark: { type: "rule", color: PALETTE[0], opacity: 0.5 }, encoding: { x, y: { field: "low", type: "quantitative", title: d.metric }, y2: { field: "high" } } },
      {
        mark: { type: "point", filled: true, size: 40 },
        encoding: {
          x,
          y,
          color: { value: PALETTE[0] },
          opacity: d.halving ? { field: "rows", type: "quantitative", title: "rows", scale: { range: [0.3, 1] } } : { value: 0.8 },
          tooltip: [{ field: "label", title: "params" }, { field: "score", format: ".4~g", title: d.metric }, { field: "low", format: ".4~g" }, { field: "high", format: ".4~g" }, { field: "rows", format: "," }],
        },
      },
      { transform: [{ filter: "datum.best" }], mark: { type: "point", shape: "diamond", filled: true, size: 160, color: LEVEL_COLORS.warn, stroke: "#000000", strokeWidth: 1 }, encoding: { x, y } },
      { data: { values: [{ defaults: Number(d.defaults.mean.toPrecision(6)) }] }, mark: { type: "rule", strokeDash: [4, 3], color: "#555555" }, encoding: { y: { field: "defaults", type: "quantitative" } } },
    ],
  };
}

function formatNumber(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : "n/a";
}
