/** The slices with the highest error, against the overall error. */
// @ts-nocheck

import type { ErrorsData } from "../evaluate/errors/errors.js";
import type { VegaLiteSpec } from "../result.js";
import { barsAgainstLine } from "./bars-against-line.js";
import { chartSpec, LEVEL_COLORS } from "./theme.js";

export function errorsChart(d: ErrorsData): VegaLiteSpec {
  const values = d.slices.map((s, rank) => ({ slice: `${rank + 1}. ${s.slice}`, error: Math.round(s.error * 1e4) / 1e4, rows: s.rows }));
  return chartSpec(`The slices where the model's ${d.error} is highest, against ${d.overallError.toFixed(3)} overall.`, {
    title: { text: `Where ${d.model} fails`, subtitle: `${d.error} per slice; the line is the overall ${d.error}` },
    ...barsAgainstLine({
      values,
      category: "slice",
      measure: "error",
      measureTitle: d.error,
      line: d.overallError,
      color: { value: LEVEL_COLORS.warn },
      tooltip: [{ field: "slice" }, { field: "rows" }, { field: "error", format: ".4~g" }],
    }),
  });
}
