/** The estimated noise per pair of classes: a heatmap of given label against likely label, each cell the share of the given class's rows. */
import type { LabelIssuesData } from "./types.js";
import type { VegaLiteSpec } from "../../result.js";
import { chartSpec } from "../../charts/theme.js";

const round = (v: number) => Math.round(v * 1e4) / 1e4;

export function labelIssuesChart(d: LabelIssuesData): VegaLiteSpec {
  const values = d.pairs.map((p) => ({
    given: p.given,
    likely: p.likely,
    share: round(p.ofGiven),
    noise: p.given === p.likely ? null : round(p.ofGiven),
    rows: p.rows,
    flagged: p.flagged,
    label: `${(p.ofGiven * 100).toFixed(p.ofGiven < 0.1 && p.ofGiven > 0 ? 1 : 0)}%`,
  }));
  const darkest = Math.max(0, ...values.map((v) => v.noise ?? 0));
  const side = Math.max(40, Math.min(70, 420 / d.classes.length));
  return chartSpec(
    `Estimated label noise per pair of classes: of the rows given each label (rows), the share the model places in each class (columns). Off the diagonal, ${(d.noiseRate * 100).toFixed(1)}% of all labels.`,
    {
      title: { text: "Given label against likely label", subtitle: `estimated share of each given class; ${(d.noiseRate * 100).toFixed(1)}% of labels off the diagonal` },
      width: side * d.classes.length,
      height: side * d.classes.length,
      data: { values },
      encoding: {
        x: { field: "likely", type: "nominal", sort: d.classes, title: "likely label (confident joint)", axis: { labelAngle: 0 } },
        y: { field: "given", type: "nominal", sort: d.classes, title: "given label" },
      },
      layer: [
        {
          mark: { type: "rect", stroke: "#fff" },
          encoding: {
            color: { field: "noise", type: "quantitative", title: "share of given", scale: { scheme: "oranges", domainMin: 0 }, legend: { format: "%" } },
            tooltip: [{ field: "given" }, { field: "likely" }, { field: "share", format: ".1%", title: "share of given" }, { field: "rows", title: "estimated rows" }, { field: "flagged", title: "flagged rows" }],
          },
        },
        // Dark text on light cells, white on the darkest ones, so every share stays readable.
        { mark: { type: "text", fontSize: 11 }, encoding: { text: { field: "label" }, color: { condition: { test: `datum.noise !== null && datum.noise > ${round(0.6 * darkest)}`, value: "#fff" }, value: "#222" } } },
      ],
    },
  );
}
