/**
 * Dates as decimal years (2001.5 is early July 2001): models need numbers, a year reads as
 * one in slices and tables, and a trend over time becomes a slope. Columns with a time role
 * are not features in the first place (a backtest orders by them instead).
 */
// @ts-nocheck

import type { Column } from "../data/column.js";
import type { Dataset } from "../data/dataset.js";
import { message } from "../messages.js";
import { replaceColumns } from "./replace.js";
import { selectColumns, type FittedStep, type Step } from "./step.js";

export interface DateToYearParams {
  readonly columns?: readonly string[];
}

const MS_PER_YEAR = 365.2425 * 86_400_000;

export function decimalYear(milliseconds: number): number {
  return 1970 + milliseconds / MS_PER_YEAR;
}

export class DateToYear implements Step<DateToYearParams> {
  readonly step = "date-to-year";
  constructor(readonly params: DateToYearParams = {}) {}

  fit(data: Dataset): FittedStep {
    return fittedDateToYear(this.params, selectColumns(data, this.params.columns, ["date"]));
  }
}

export function fittedDateToYear(params: DateToYearParams, columns: readonly string[]): FittedStep {
  return {
    step: "date-to-year",
    transform(data) {
      return replaceColumns(
        data,
        new Map(
          columns.map((name) => {
            const column = data.column(name);
            if (column.type !== "date") throw message.badOption("date-to-year", "columns", name, "a date column, as in training");
            const years = Float64Array.from(column.values, (ms) => (ms !== ms ? NaN : decimalYear(ms)));
            return [name, [[name, { type: "number", values: years } satisfies Column] as const]] as const;
          }),
        ),
      );
    },
    toJSON: () => ({ step: "date-to-year", params, state: columns }),
  };
}
