/**
 * Fills missing numbers with a statistic learned on training rows, and (by default)
 * adds a "(missing)" indicator column for every column that had holes in training, so
 * the model can still use the fact that a value was missing.
 */
import { type Column } from "../data/column.js";
import type { Dataset } from "../data/dataset.js";
import { message } from "../messages.js";
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
      const present = column.values.filter((v) => !Number.isNaN(v)).sort();
      if (present.length < column.values.length && (this.params.indicator ?? true)) indicators.push(name);
      if (strategy === "constant") fills[name] = this.params.fillValue ?? 0;
      else if (present.length === 0) fills[name] = 0;
      else if (strategy === "mean") fills[name] = present.reduce((a, b) => a + b, 0) / present.length;
      else {
        const mid = present.length >> 1;
        fills[name] = present.length % 2 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
      }
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
        const values = Float64Array.from(column.values, (v) => (Number.isNaN(v) ? fill : v));
        const out: (readonly [string, Column])[] = [[name, { type: "number", values }]];
        if (withIndicator.has(name)) {
          out.push([`${name} (missing)`, { type: "number", values: Float64Array.from(column.values, (v) => (Number.isNaN(v) ? 1 : 0)) }]);
        }
        replacements.set(name, out);
      }
      return replaceColumns(data, replacements);
    },
    toJSON: () => ({ step: "impute", params, state }),
  };
}
