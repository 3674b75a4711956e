/** What gives the game away: each column's drop in AUC when shuffled, largest first. */
// @ts-nocheck

import type { AdversarialData } from "../monitor/adversarial.js";
import type { VegaLiteSpec } from "../result.js";
import { chartSpec, LEVEL_COLORS, PALETTE } from "./theme.js";

export function adversarialChart(d: AdversarialData): VegaLiteSpec {
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
        x: { field: "drop", type: "quantitative", title: "AUC drop when the column is shuffled" },
        color: { value: d.flagged ? LEVEL_COLORS.fail : PALETTE[0] },
        tooltip: [{ field: "column" }, { field: "drop", format: ".4~g", title: "AUC drop" }],
      },
    },
  );
}
