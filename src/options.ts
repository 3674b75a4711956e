/**
 * Options are checked where they enter an analysis, and a bad one fails with a message
 * from the catalogue naming the analysis, the option and what was expected.
 */
import type { Dataset } from "./data/dataset.js";
import { message } from "./messages.js";

export type OptionCheck = (value: unknown, option: string) => void;

export function checkOptions(analysis: string, options: object | undefined, checks: Record<string, OptionCheck>): void {
  if (options === undefined) return;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw message.badOption(analysis, "options", options, "an object such as { target: \"y\" }");
  }
  for (const [key, value] of Object.entries(options)) {
    const check = checks[key];
    if (check === undefined) throw message.unknownOption(analysis, key, Object.keys(checks));
    if (value !== undefined) check(value, key);
  }
}

/** A number option, optionally bounded below (inclusive) and whole. */
export function numberOption(analysis: string, min = -Infinity, whole = false): OptionCheck {
  const expected = `${whole ? "a whole number" : "a number"}${min > -Infinity ? ` ≥ ${min}` : ""}`;
  return (value, option) => {
    if (typeof value !== "number" || !Number.isFinite(value) || value < min || (whole && !Number.isInteger(value))) {
      throw message.badOption(analysis, option, value, expected);
    }
  };
}

export function columnOf(analysis: string, dataset: Dataset): OptionCheck {
  return (value, option) => {
    if (typeof value !== "string") throw message.badOption(analysis, option, value, "a column name (a string)");
    dataset.column(value);
  };
}

/** A non-empty list of the data set's column names. */
export function columnsOf(analysis: string, dataset: Dataset): OptionCheck {
  return (value, option) => {
    if (!Array.isArray(value) || value.length === 0) throw message.badOption(analysis, option, value, "a non-empty list of column names");
    for (const name of value) dataset.column(String(name));
  };
}

/** A share strictly between `low` and `high` (a threshold, a tolerance, a contamination). */
export function shareOption(analysis: string, expected: string, low = 0, high = 1): OptionCheck {
  return (value, option) => {
    if (typeof value !== "number" || !(value > low && value < high)) throw message.badOption(analysis, option, value, expected);
  };
}

/**
 * Options any analysis that fits a model takes: the model (a registry name, a Pipeline or
 * a fitted pipeline) and its params, checked by the validation engine's `chooseModel`, and
 * the framing card the caller passes in.
 */
export const MODEL_OPTIONS: Readonly<Record<"model" | "params" | "card", OptionCheck>> = { model: () => {}, params: () => {}, card: () => {} };
