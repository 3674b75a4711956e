/** What gives the game away: each column's drop in AUC when shuffled, largest first; or, when A and B share their rows, how many. */
import type { AdversarialData } from "./types.js";
import type { VegaLiteSpec } from "../../result.js";
import { chartSpec, LEVEL_COLORS, PALETTE } from "../../charts/theme.js";

export function adversarialChart(d: AdversarialData): VegaLiteSpec {
  if (!d.compared) return sharedChart(d);
  const values = d.giveaways.map((g) => ({ column: g.column, drop: Math.round(g.aucDrop * 1e4) / 1e4 }));
  return chartSpec(
    `Adversarial validation: the AUC of telling A from B is ${d.auc.toFixed(3)}; bars show how much it drops when each column is shuffled.`,
    {
      title: { text: "What tells A from B", subtitle: `AUC ${d.auc.toFixed(3)} (drift score ${Math.max(0, d.driftScore).toFixed(3)}, flag at ${d.threshold})` },
      width: 360,
      height: { step: 20 },
      data: { values },
      mark: { type: "bar" },
      encoding: {
        y: { field: "column", type: "nominal", sort: values.map((v) => v.column), title: null },
        // A drop is an amount measured from 0 (no drop): bars keep zero (zoom.ts).
        x: { field: "drop", type: "quantitative", title: "AUC drop when the column is shuffled" },
        color: { value: d.flagged ? LEVEL_COLORS.fail : PALETTE[0] },
        tooltip: [{ field: "column" }, { field: "drop", format: ".4~g", title: "AUC drop" }],
      },
    },
  );
}

function sharedChart(d: AdversarialData): VegaLiteSpec {
  const share = (x: number, n: number) => Math.round((x / n) * 1e4) / 1e4;
  const values = [
    { rows: "rows of A also in B", kind: "found", share: share(d.shared.inA, d.aRows) },
    { rows: "rows of A also in B", kind: "chance predicts", share: share(d.shared.expectedInA, d.aRows) },
    { rows: "rows of B also in A", kind: "found", share: share(d.shared.inB, d.bRows) },
    { rows: "rows of B also in A", kind: "chance predicts", share: share(d.shared.expectedInB, d.bRows) },
  ];
  return chartSpec("Adversarial validation not run: A and B share most of their rows. Bars show the shares found and what chance predicts.", {
    title: { text: "Rows A and B share", subtitle: "found, against what chance predicts" },
    width: 300,
    height: { step: 18 },
    data: { values },
    mark: { type: "bar" },
    encoding: {
      y: { field: "rows", type: "nominal", title: null },
      yOffset: { field: "kind", type: "nominal" },
      x: { field: "share", type: "quantitative", title: "share of the data set's rows", axis: { format: "%" }, scale: { domain: [0, 1] } },
      color: { field: "kind", type: "nominal", title: null, scale: { domain: ["found", "chance predicts"], range: [LEVEL_COLORS.warn, PALETTE[0]] } },
      tooltip: [{ field: "rows" }, { field: "kind" }, { field: "share", format: ".1%" }],
    },
  });
}
