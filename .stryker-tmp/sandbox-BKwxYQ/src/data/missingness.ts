/**
 * Is a column's missingness related to the target? If rows with a missing value have a
 * different target distribution, dropping them biases the data and the missingness
 * itself is a signal. Categorical target: chi-squared test of the missing indicator
 * against the classes. Numeric target: Welch's t-test of the target between the rows
 * with and without the value.
 */
// @ts-nocheck

import { chiSquaredIndependence, type TestResult, welchTTest } from "../stats/tests.js";
import { type Column, isMissing } from "./column.js";

export interface MissingnessTest extends TestResult {
  readonly test: "chi-squared" | "welch-t";
}

export function missingnessVersusTarget(column: Column, target: Column): MissingnessTest | undefined {
  const n = target.type === "category" ? target.codes.length : target.values.length;
  if (target.type === "category") {
    const k = target.dictionary.length;
    const counts = new Float64Array(2 * k);
    for (let r = 0; r < n; r++) {
      const cls = target.codes[r];
      if (cls < 0) continue;
      counts[(isMissing(column, r) ? 1 : 0) * k + cls]++;
    }
    return { test: "chi-squared", ...chiSquaredIndependence(counts, 2, k) };
  }
  const present: number[] = [];
  const absent: number[] = [];
  for (let r = 0; r < n; r++) {
    const y = target.values[r];
    if (Number.isNaN(y)) continue;
    (isMissing(column, r) ? absent : present).push(y);
  }
  if (present.length < 2 || absent.length < 2) return undefined;
  return { test: "welch-t", ...welchTTest(absent, present) };
}
