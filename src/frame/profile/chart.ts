import type { ProfileData } from "./types.js";
import type { VegaLiteSpec } from "../../result.js";
import { chartSpec, LEVEL_COLORS, PALETTE } from "../../charts/theme.js";

/**
 * Missing share per column beside the class balance. The data are already aggregated
 * (one row per column or class), with litml's own field names, so user column names
 * only ever appear as values and never as Vega field paths.
 */
export function profileChart(p: ProfileData): VegaLiteSpec {
  const missing = {
    title: "Missing values per column",
    data: {
      values: p.columnProfiles.map((c) => ({ column: c.name, share: round(c.missingShare), count: c.missing, related: c.missingVsTarget?.related ? "related to target" : "no relation found" })),
    },
    mark: { type: "bar" },
    encoding: {
      y: { field: "column", type: "nominal", sort: "-x", title: null },
      x: { field: "share", type: "quantitative", title: "share of rows missing", axis: { format: "%" }, scale: { domain: [0, Math.max(0.05, ...p.columnProfiles.map((c) => c.missingShare))] } },
      color: {
        field: "related",
        type: "nominal",
        title: "missingness",
        scale: { domain: ["related to target", "no relation found"], range: [LEVEL_COLORS.fail, PALETTE[0]] },
      },
      tooltip: [{ field: "column" }, { field: "count", title: "missing rows" }, { field: "share", format: ".1%" }],
    },
    width: 260,
    height: { step: 18 },
  };
  const panels: VegaLiteSpec[] = [missing];
  if (p.classBalance) {
    panels.push({
      title: `Class balance of ${p.target}`,
      data: { values: p.classBalance.map((c) => ({ class: c.label, count: c.count, share: round(c.share) })) },
      mark: { type: "bar" },
      encoding: {
        y: { field: "class", type: "nominal", sort: "-x", title: null },
        x: { field: "count", type: "quantitative", title: "rows" },
        color: { value: PALETTE[2] },
        tooltip: [{ field: "class" }, { field: "count" }, { field: "share", format: ".1%" }],
      },
      width: 200,
      height: { step: 18 },
    });
  }
  const description = `Data profile: missing values in ${p.columns} columns${p.classBalance ? ` and the class balance of ${p.target}` : ""}.`;
  return chartSpec(description, { hconcat: panels, resolve: { scale: { color: "independent" } } });
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
