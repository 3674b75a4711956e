/**
 * Model params are stored as given by constructors and checked here when `fit` runs,
 * each failure naming the model, the param and what was expected.
 */
// @ts-nocheck

import { message } from "../messages.js";

export function positive(model: string, name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (typeof v !== "number" || !(v > 0) || !Number.isFinite(v)) throw message.badOption(model, name, value, "a positive number");
  return v;
}

export function nonNegative(model: string, name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (typeof v !== "number" || !(v >= 0) || !Number.isFinite(v)) throw message.badOption(model, name, value, "a number ≥ 0");
  return v;
}

export function wholeNumber(model: string, name: string, value: number | undefined, fallback: number, min = 1): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min) throw message.badOption(model, name, value, `a whole number ≥ ${min}`);
  return v;
}

export function oneOf<T extends string>(model: string, name: string, value: T | undefined, allowed: readonly T[], fallback: T): T {
  const v = value ?? fallback;
  if (!allowed.includes(v)) throw message.badOption(model, name, value, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`);
  return v;
}
