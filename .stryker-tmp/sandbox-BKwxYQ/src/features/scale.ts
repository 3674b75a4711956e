/**
 * Scalers, learned on training rows: "standard" (zero mean, unit variance; suits
 * roughly normal features and linear models), "minmax" (to [0, 1]; bounded, but one
 * outlier squeezes everything else), "robust" (median and interquartile range; shrugs
 * off outliers). A constant column scales by 1 rather than dividing by zero.
 */
// @ts-nocheck

import { type Column } from "../data/column.js";
import type { Dataset } from "../data/dataset.js";
import { quantile } from "../stats/select.js";
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
      const values = column.values;
      let centre = 0;
      let scale = 1;
      // Two passes (mean, then squared deviations from it): as stable as Welford's update,
      // without its division per value, which each next value has to wait for.
      let count = 0;
      let sum = 0;
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v !== v) continue;
        count++;
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      const mean = sum / count;
      let squares = 0;
      for (let i = 0; i < values.length; i++) {
        const deviation = values[i] - mean;
        if (deviation === deviation) squares += deviation * deviation;
      }
      if (count > 0) {
        if (method === "standard") {
          centre = mean;
          scale = Math.sqrt(squares / count);
        } else if (method === "minmax") {
          centre = min;
          scale = max - min;
        } else {
          centre = quantile(values, 0.5);
          scale = quantile(values, 0.75) - quantile(values, 0.25);
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
        const source = column.values;
        const values = new Float64Array(source.length);
        for (let i = 0; i < source.length; i++) values[i] = (source[i] - centre) / scale;
        replacements.set(name, [[name, { type: "number", values }]]);
      }
      return replaceColumns(data, replacements);
    },
    toJSON: () => ({ step: "scale", params, state }),
  };
}
