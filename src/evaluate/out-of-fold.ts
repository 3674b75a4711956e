/**
 * Out-of-fold predictions: every row predicted by the model that did not see it (for
 * folds that cover every row once: k-fold, stratified, group),
 * assembled from the folds into arrays aligned with the data, plus row subsets of
 * predictions and targets for resampling.
 */
import { type Matrix, matrix } from "../data/matrix.js";
import type { Target } from "../models/contract.js";
import type { FoldRun } from "./cross-validate.js";
import type { Predictions } from "./metrics/registry.js";

export function assemble(runs: readonly FoldRun[], n: number): Predictions {
  const first = runs[0].predictions;
  const labels = first.labels ? new Int32Array(n) : undefined;
  const values = first.values ? new Float64Array(n) : undefined;
  const proba = first.proba ? matrix(n, first.proba.cols, first.proba.names) : undefined;
  for (const { test, predictions } of runs) {
    for (let i = 0; i < test.length; i++) {
      const row = test[i];
      if (labels) labels[row] = predictions.labels![i];
      if (values) values[row] = predictions.values![i];
      if (proba) for (let c = 0; c < proba.cols; c++) proba.data[c * n + row] = predictions.proba!.data[c * test.length + i];
    }
  }
  return { ...(labels ? { labels } : {}), ...(values ? { values } : {}), ...(proba ? { proba } : {}) };
}

export function subsetPredictions(p: Predictions, rows: Int32Array): Predictions {
  const take = <T extends Int32Array | Float64Array>(a: T) => a.constructor === Int32Array ? (Int32Array.from(rows, (r) => a[r]) as T) : (Float64Array.from(rows, (r) => a[r]) as T);
  return {
    ...(p.labels ? { labels: take(p.labels) } : {}),
    ...(p.values ? { values: take(p.values) } : {}),
    ...(p.proba ? { proba: subsetMatrix(p.proba, rows) } : {}),
  };
}

function subsetMatrix(m: Matrix, rows: Int32Array): Matrix {
  const out = matrix(rows.length, m.cols, m.names);
  for (let c = 0; c < m.cols; c++) for (let i = 0; i < rows.length; i++) out.data[c * rows.length + i] = m.data[c * m.rows + rows[i]];
  return out;
}

export function subsetTarget(t: Target, rows: Int32Array): Target {
  return t.kind === "classification"
    ? { kind: "classification", codes: Int32Array.from(rows, (r) => t.codes[r]), classes: t.classes }
    : { kind: "regression", values: Float64Array.from(rows, (r) => t.values[r]) };
}

/** The target assembled in the same row order as the predictions. */
export function assembleTruth(runs: readonly FoldRun[], n: number): Target {
  const first = runs[0].truth;
  if (first.kind === "classification") {
    const codes = new Int32Array(n);
    for (const { test, truth } of runs) test.forEach((row, i) => (codes[row] = (truth as typeof first).codes[i]));
    return { kind: "classification", codes, classes: first.classes };
  }
  const values = new Float64Array(n);
  for (const { test, truth } of runs) test.forEach((row, i) => (values[row] = (truth as typeof first).values[i]));
  return { kind: "regression", values };
}
