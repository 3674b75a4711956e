/**
 * Scalers, learned on training rows: "standard" (zero mean, unit variance; suits
 * roughly normal features and linear models), "minmax" (to [0, 1]; bounded, but one
 * outlier squeezes everything else), "robust" (median and interquartile range; shrugs
 * off outliers). A constant column scales by 1 rather than dividing by zero.
 */
import { type Column } from "../data/column.js";
import type { Dataset } from "../data/dataset.js";
import { quantileSorted } from "../evaluate/intervals.js";
import { message } from "../messages.js";
import { replaceColumns } from "./replace.js";
import { selectColumns, type FittedStep, type Step } from "./step.js";

export type Scaling = "standard" | "minmax" | "robust";

export interface ScaleParams {
  readonly method?: Scaling;
  readonly columns?: readonly string[];
}

type ScaleState = Record<string, { readonly centre: number; readonly scale: number }>;

export class Scale implements Step<ScaleParams> {
  readonly step = "scale";
  constructor(readonly params: ScaleParams = {}) {}

  fit(data: Dataset): FittedStep {
    const method = this.params.method ?? "standard";
    if (!["standard", "minmax", "robust"].includes(method)) throw message.badOption("scale", "method", method, '"standard", "minmax" or "robust"');
    const state: ScaleState = {};
    for (const name of selectColumns(data, this.params.columns, ["number"])) {
      const column = data.column(name);
      if (column.type !== "number") throw message.badOption("scale", "columns", name, "numeric columns");
      const present = column.values.filter((v) => !Number.isNaN(v)).sort();
      let centre = 0;
      let scale = 1;
      if (present.length > 0) {
        if (method === "standard") {
          centre = present.reduce((a, b) => a + b, 0) / present.length;
          scale = Math.sqrt(present.reduce((s, v) => s + (v - centre) ** 2, 0) / present.length);
        } else if (method === "minmax") {
          centre = present[0];
          scale = present[present.length - 1] - present[0];
        } else {
          centre = quantileSorted(present, 0.5);
          scale = quantileSorted(present, 0.75) - quantileSorted(present, 0.25);
        }
      }
      state[name] = { centre, scale: scale > 0 ? scale : 1 };
    }
    return fittedScale(this.params, state);
  }
}

export function fittedScale(params: ScaleParams, state: ScaleState): FittedStep {
  return {
    step: "scale",
    transform(data) {
      const replacements = new Map<string, (readonly [string, Column])[]>();
      for (const [name, { centre, scale }] of Object.entries(state)) {
        const column = data.column(name);
        if (column.type !== "number") throw message.badOption("scale", "columns", name, "a numeric column, as in training");
        replacements.set(name, [[name, { type: "number", values: Float64Array.from(column.values, (v) => (v - centre) / scale) }]]);
      }
      return replaceColumns(data, replacements);
    },
    toJSON: () => ({ step: "scale", params, state }),
  };
}
