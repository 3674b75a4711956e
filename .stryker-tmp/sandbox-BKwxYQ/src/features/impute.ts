/**
 * Fills missing numbers with a statistic learned on training rows, and (by default)
 * adds a "(missing)" indicator column for every column that had holes in training, so
 * the model can still use the fact that a value was missing.
 */
// @ts-nocheck

import { type Column } from "../data/column.js";
import type { Dataset } from "../data/dataset.js";
import { message } from "../messages.js";
import { quantile } from "../stats/select.js";
import { replaceColumns } from "./replace.js";
import { selectColumns, type FittedStep, type Step } from "./step.js";

export interface ImputeParams {
  readonly columns?: readonly string[];
  readonly strategy?: "mean" | "median" | "constant";
  readonly fillValue?: number;
  readonly indicator?: boolean;
}

interface ImputeState {
  readonly fills: Record<string, number>;
  readonly indicators: readonly string[];
}

export class Impute implements Step<ImputeParams> {
  readonly step = "impute";
  constructor(readonly params: ImputeParams = {}) {}

  fit(data: Dataset): FittedStep {
    const strategy = this.params.strategy ?? "median";
    if (!["mean", "median", "constant"].includes(strategy)) throw message.badOption("impute", "strategy", strategy, '"mean", "median" or "constant"');
    const fills: Record<string, number> = {};
    const indicators: string[] = [];
    for (const name of selectColumns(data, this.params.columns, ["number"])) {
      const column = data.column(name);
      if (column.type !== "number") throw message.badOption("impute", "columns", name, "numeric columns (encode categories instead)");
      const values = column.values;
      let present = 0;
      let sum = 0;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v === v) {
          present++;
          sum += v;
        }
      }
      if (present < values.length && (this.params.indicator ?? true)) indicators.push(name);
      if (strategy === "constant") fills[name] = this.params.fillValue ?? 0;
      else if (present === 0) fills[name] = 0;
      else if (strategy === "mean") fills[name] = sum / present;
      else fills[name] = quantile(values, 0.5);
    }
    return fittedImpute(this.params, { fills, indicators });
  }
}

export function fittedImpute(params: ImputeParams, state: ImputeState): FittedStep {
  const withIndicator = new Set(state.indicators);
  return {
    step: "impute",
    transform(data) {
      const replacements = new Map<string, (readonly [string, Column])[]>();
      for (const [name, fill] of Object.entries(state.fills)) {
        const column = data.column(name);
        if (column.type !== "number") throw message.badOption("impute", "columns", name, "a numeric column, as in training");
        const source = column.values;
        let holes = 0;
        for (let i = 0; i < source.length; i++) if (source[i] !== source[i]) holes++;
        // Columns are immutable, so a column without holes is passed on as it is.
        let values = source;
        if (holes > 0) {
          values = new Float64Array(source.length);
          for (let i = 0; i < source.length; i++) values[i] = source[i] === source[i] ? source[i] : fill;
        }
        const out: (readonly [string, Column])[] = [[name, { type: "number", values }]];
        if (withIndicator.has(name)) {
          const indicator = new Float64Array(source.length);
          if (holes > 0) for (let i = 0; i < source.length; i++) indicator[i] = source[i] === source[i] ? 0 : 1;
          out.push([`${name} (missing)`, { type: "number", values: indicator }]);
        }
        replacements.set(name, out);
      }
      return replaceColumns(data, replacements);
    },
    toJSON: () => ({ step: "impute", params, state }),
  };
}
