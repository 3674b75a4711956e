/**
 * Simpson's paradox, drawn for the first finding. Rates and means: one row per group
 * (the aggregate on top), a dot per treatment level joined by a line, so a flipped order
 * reads at a glance. Slopes: the sampled points, each group's fitted line, and the
 * aggregate line dashed. Field names are litml's own; user labels are only values.
 */
import { chartSpec } from "../../charts/theme.js";
import { zoomScale } from "../../charts/zoom.js";
import type { VegaLiteSpec } from "../../result.js";
import type { Finding, SimpsonData } from "./types.js";

const AGGREGATE = "all (aggregate)";

/** No chart when a scan found nothing: an empty plot says nothing a sentence does not. */
export function simpsonChart(d: SimpsonData): VegaLiteSpec | undefined {
  const f = d.findings[0];
  if (!f) return undefined;
  return f.comparison === "slopes" ? slopeChart(f) : dotChart(f);
}

function dotChart(f: Finding): VegaLiteSpec {
  const [ref, cmp] = f.levels!;
  const rows = [{ label: AGGREGATE, reference: f.aggregate.reference, comparison: f.aggregate.comparison, n: f.aggregate.n }, ...f.groups.filter((g) => g.n > 0 && !Number.isNaN(g.reference))];
  const values = rows.flatMap((g) => [
    { group: g.label, level: ref, value: round(g.reference), n: g.n },
    { group: g.label, level: cmp, value: round(g.comparison), n: g.n },
  ]);
  const isRate = f.comparison === "rates";
  const order = rows.map((g) => g.label);
  const x = { field: "value", type: "quantitative", title: isRate ? `${f.positive} rate` : `mean ${f.outcome}`, ...(isRate ? { axis: { format: "%" } } : {}), scale: zoomScale(values.map((v) => v.value)) };
  const y = { field: "group", type: "nominal", sort: order, title: f.by };
  return chartSpec(`Simpson's paradox check: ${isRate ? "rates" : "means"} of ${f.outcome} for ${f.treatment} = ${ref} and ${cmp}, overall and within each ${f.by}.`, {
    title: `${f.treatment} and ${f.outcome}: overall and within ${f.by}`,
    data: { values },
    width: 420,
    height: { step: 26 },
    layer: [
      { mark: { type: "line", color: "#999" }, encoding: { x, y, detail: { field: "group" } } },
      {
        mark: { type: "point", filled: true, size: 90 },
        encoding: {
          x,
          y,
          color: { field: "level", type: "nominal", title: f.treatment, sort: [ref, cmp] },
          shape: { field: "level", type: "nominal", title: f.treatment, sort: [ref, cmp] },
          tooltip: [{ field: "group" }, { field: "level" }, { field: "value", format: isRate ? ".1%" : ".4~g" }, { field: "n" }],
        },
      },
    ],
  });
}

function slopeChart(f: Finding): VegaLiteSpec {
  const lines = [
    ...f.groups.filter((g) => g.line).map((g) => ({ group: g.label, line: g.line!, kind: "within group" })),
    ...(f.aggregate.line ? [{ group: AGGREGATE, line: f.aggregate.line, kind: "aggregate" }] : []),
  ].flatMap(({ group, line, kind }) => [
    { group, kind, x: round(line[0]), y: round(line[1]) },
    { group, kind, x: round(line[2]), y: round(line[3]) },
  ]);
  const layers: VegaLiteSpec[] = [];
  if (f.points) {
    // Points take their group's colour when the groups are categories; bucketed numbers stay grey.
    layers.push({
      data: { values: f.points.map((p) => ({ x: round(p.x), y: round(p.y), group: p.group })) },
      mark: { type: "point", filled: true, opacity: 0.45, size: 24, ...(f.byCategory ? {} : { color: "#999" }) },
      encoding: {
        x: { field: "x", type: "quantitative", scale: { zero: false }, title: f.treatment },
        y: { field: "y", type: "quantitative", scale: { zero: false }, title: f.outcome },
        ...(f.byCategory ? { color: { field: "group", type: "nominal", title: f.by } } : {}),
      },
    });
  }
  layers.push({
    data: { values: lines },
    mark: { type: "line", strokeWidth: 2.5 },
    encoding: {
      x: { field: "x", type: "quantitative", scale: { zero: false }, title: f.treatment },
      y: { field: "y", type: "quantitative", scale: { zero: false }, title: f.outcome },
      color: { field: "group", type: "nominal", title: f.by },
      strokeDash: { field: "kind", type: "nominal", title: "line", scale: { domain: ["within group", "aggregate"], range: [[1, 0], [6, 4]] } },
      detail: { field: "group" },
    },
  });
  return chartSpec(`Simpson's paradox check: ${f.outcome} against ${f.treatment}, with one fitted line per ${f.by} and the aggregate line dashed.`, {
    title: `${f.outcome} against ${f.treatment}: overall and within ${f.by}`,
    width: 420,
    height: 300,
    layer: layers,
  });
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
