/** Per group: selection rate, true and false positive rates, each with its Wilson interval. */
import type { FairnessData } from "./types.js";
import type { VegaLiteSpec } from "../../result/contract.js";
import { chartSpec, PALETTE } from "../../charts/theme.js";

const round = (v: number) => (Number.isNaN(v) ? null : Math.round(v * 1e4) / 1e4);

export function fairnessChart(d: FairnessData): VegaLiteSpec {
  const measures = [`predicted "${d.positive}"`, "true positive rate", "false positive rate"];
  const values = d.groups.flatMap((g) => [
    { group: g.group, measure: measures[0], value: round(g.selectionRate), low: round(g.selectionLow), high: round(g.selectionHigh) },
    { group: g.group, measure: measures[1], value: round(g.truePositiveRate), low: round(g.truePositiveLow), high: round(g.truePositiveHigh) },
    { group: g.group, measure: measures[2], value: round(g.falsePositiveRate), low: round(g.falsePositiveLow), high: round(g.falsePositiveHigh) },
  ]);
  const y = { field: "group", type: "nominal", title: d.sensitive };
  return chartSpec(`Per group of ${d.sensitive}: the share predicted "${d.positive}", the true positive rate and the false positive rate, with 95% intervals.`, {
    title: { text: `How ${d.model} treats each group of ${d.sensitive}`, subtitle: `demographic parity difference ${d.demographicParity.value.toFixed(3)}, equalized odds difference ${d.equalizedOdds.value.toFixed(3)}` },
    data: { values },
    facet: { column: { field: "measure", type: "nominal", title: null, sort: measures } },
    spec: {
      width: 160,
      height: { step: 22 },
      layer: [
        // Rates are shares of a group: bars from 0 to 1, so a gap between groups reads at its true size (zoom.ts).
        { mark: { type: "bar" }, encoding: { y, x: { field: "value", type: "quantitative", title: "rate", scale: { domain: [0, 1] } }, color: { field: "group", type: "nominal", legend: null, scale: { range: PALETTE } } } },
        { mark: { type: "rule", color: "#333" }, encoding: { y, x: { field: "low", type: "quantitative" }, x2: { field: "high" } } },
      ],
    },
  });
}
