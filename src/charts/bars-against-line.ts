/**
 * Horizontal bars, one per item in the given order, against a dashed reference line (a
 * threshold, an overall value): the layout several analyses share (drift, leakage, errors).
 * The measure axis keeps zero (see zoom.ts): a bar's length is its value, so a bar cut short
 * of zero would misstate it; these bars measure an amount (an effect, an error, a score alone)
 * against a line, not contenders against each other.
 */
import type { VegaLiteSpec } from "../result/contract.js";

export interface BarsAgainstLine {
  readonly values: readonly Record<string, unknown>[];
  /** The field naming each bar (drawn in the order of `values`). */
  readonly category: string;
  readonly measure: string;
  readonly measureTitle: string;
  readonly line: number;
  readonly color: Record<string, unknown>;
  readonly tooltip: readonly Record<string, unknown>[];
  readonly measureScale?: Record<string, unknown>;
}

export function barsAgainstLine(b: BarsAgainstLine): VegaLiteSpec {
  return {
    width: 360,
    height: { step: 22 },
    layer: [
      {
        data: { values: b.values },
        mark: { type: "bar" },
        encoding: {
          y: { field: b.category, type: "nominal", sort: null, title: null, axis: { labelLimit: 320 } },
          x: { field: b.measure, type: "quantitative", title: b.measureTitle, ...(b.measureScale ? { scale: b.measureScale } : {}) },
          color: b.color,
          tooltip: b.tooltip,
        },
      },
      { data: { values: [{ line: b.line }] }, mark: { type: "rule", strokeDash: [4, 3], color: "#333" }, encoding: { x: { field: "line", type: "quantitative" } } },
    ],
  };
}
