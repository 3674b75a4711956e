/** For each swap of the sensitive attribute (and each directional expectation), the share of predictions that changed. */
import type { InvarianceData } from "./types.js";
import type { VegaLiteSpec } from "../../result/contract.js";
import { chartSpec, LEVEL_COLORS, PALETTE } from "../../charts/theme.js";

export function invarianceChart(d: InvarianceData): VegaLiteSpec {
  const values = [
    ...d.swaps.map((s) => ({ test: `${s.from} → ${s.to}`, kind: "swap of the attribute", share: Math.round(s.flipRate * 1e4) / 1e4 })),
    ...d.expectations.map((e) => ({ test: `raise ${e.column}`, kind: "wrong-way move", share: Math.round(e.violationRate * 1e4) / 1e4 })),
  ];
  return chartSpec(`Share of predictions that change when only ${d.sensitive} changes, and share that move against each expectation.`, {
    title: { text: `Does ${d.sensitive} change the prediction?`, subtitle: `flip rate ${(d.flipRate * 100).toFixed(1)}% of rows` },
    width: 360,
    height: { step: 22 },
    data: { values },
    mark: { type: "bar" },
    encoding: {
      y: { field: "test", type: "nominal", title: null, sort: null },
      // Shares of rows, drawn as bars: the axis keeps 0 to 1 (zoom.ts).
      x: { field: "share", type: "quantitative", title: "share of rows", scale: { domain: [0, 1] }, axis: { format: "%" } },
      color: { field: "kind", type: "nominal", title: null, scale: { domain: ["swap of the attribute", "wrong-way move"], range: [LEVEL_COLORS.fail, PALETTE[0]] } },
    },
  });
}
