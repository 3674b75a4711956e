/**
 * The slices with the highest error against the overall error; a slice whose gain is
 * within the noise is drawn grey. No slice found, no chart: an empty plot says nothing
 * the verdict does not.
 */
import { barsAgainstLine } from "../../charts/bars-against-line.js";
import { chartSpec, LEVEL_COLORS } from "../../charts/theme.js";
import type { VegaLiteSpec } from "../../result.js";
import type { ErrorsData } from "./types.js";

const STANDS_OUT = "gain beyond the noise";
const NOISE = "within the noise";

export function errorsChart(d: ErrorsData): VegaLiteSpec | undefined {
  if (d.slices.length === 0) return undefined;
  const values = d.slices.map((s, rank) => ({ slice: `${rank + 1}. ${s.slice}`, error: Math.round(s.error * 1e4) / 1e4, rows: s.rows, fixing: s.gainLow > 0 ? STANDS_OUT : NOISE }));
  return chartSpec(`The slices where the model's ${d.error} is highest, against ${d.overallError.toFixed(3)} overall.`, {
    title: { text: `Where ${d.model} fails`, subtitle: `${d.error} per slice; the line is the overall ${d.error}` },
    ...barsAgainstLine({
      values,
      category: "slice",
      measure: "error",
      measureTitle: d.error,
      line: d.overallError,
      color: { field: "fixing", type: "nominal", title: "fixing it", scale: { domain: [STANDS_OUT, NOISE], range: [LEVEL_COLORS.warn, "#aaaaaa"] } },
      tooltip: [{ field: "slice" }, { field: "rows" }, { field: "error", format: ".4~g" }, { field: "fixing" }],
    }),
  });
}
