/** Two detectors' scores per row (a sample of ordinary rows, every outlier and edge case), coloured by what the row is. */
import type { OutliersData } from "./types.js";
import type { VegaLiteSpec } from "../../result/contract.js";
import { chartSpec, LEVEL_COLORS, PALETTE } from "../../charts/theme.js";

export function outliersChart(d: OutliersData): VegaLiteSpec {
  const domain = ["ordinary", "outlier", "outlier, mispredicted", "edge case, not an outlier"];
  return chartSpec(`Isolation score against the distance to the ${d.k === 1 ? "nearest neighbour" : `${d.k}-th nearest neighbour`}, one point per row; outliers and edge cases in colour.`, {
    title: { text: "Outliers and edge cases", subtitle: `${d.outliers} outliers by two of three detectors` },
    width: 420,
    height: 260,
    data: { values: d.sample },
    mark: { type: "point", filled: true, opacity: 0.7 },
    encoding: {
      x: { field: "isolation", type: "quantitative", title: "isolation forest score", scale: { zero: false } },
      y: { field: "distance", type: "quantitative", title: `distance to neighbour ${d.k}`, scale: { type: "sqrt" } },
      color: { field: "status", type: "nominal", title: null, scale: { domain, range: ["#bbbbbb", PALETTE[0], LEVEL_COLORS.fail, PALETTE[1]] } },
      shape: { field: "status", type: "nominal", title: null, scale: { domain } },
      order: { field: "status", sort: "descending" },
    },
  });
}
