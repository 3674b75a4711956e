/** Each feature on its own: its out-of-fold score against the leak threshold, best first. */
import type { LeakageData } from "./types.js";
import type { VegaLiteSpec } from "../../result.js";
import { barsAgainstLine } from "../../charts/bars-against-line.js";
import { chartSpec, LEVEL_COLORS, PALETTE } from "../../charts/theme.js";

export function leakageChart(d: LeakageData): VegaLiteSpec {
  const values = d.solo.map((s) => ({ column: s.column, score: Math.round(s.score * 1e4) / 1e4, status: s.suspicious ? "leak suspect" : "plausible" }));
  return chartSpec(`Each feature alone: its out-of-fold ${d.metric} from a depth-3 tree, against the leak threshold of ${d.threshold}.`, {
    title: { text: "Each feature on its own", subtitle: `out-of-fold ${d.metric}, ${d.validation}` },
    ...barsAgainstLine({
      values,
      category: "column",
      measure: "score",
      measureTitle: d.metric,
      measureScale: { domain: [Math.min(0, ...values.map((v) => v.score)), 1] },
      line: d.threshold,
      color: { field: "status", type: "nominal", title: null, scale: { domain: ["leak suspect", "plausible"], range: [LEVEL_COLORS.fail, PALETTE[0]] } },
      tooltip: [{ field: "column" }, { field: "score", format: ".4~g" }],
    }),
  });
}
