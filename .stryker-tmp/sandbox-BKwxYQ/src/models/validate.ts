/**
 * The checks every model's fit and predict run on their inputs, so that bad input
 * fails the same way, with the same words, whatever the model.
 */
// @ts-nocheck

import type { Matrix } from "../data/matrix.js";
import { message } from "../messages.js";
import type { FitOptions, Target, Task } from "./contract.js";

/** `allowMissing`: the model handles NaN itself (gradient boosting); ±Infinity is still refused. */
export function checkFitInput(model: string, tasks: readonly Task[], X: Matrix, y: Target, options: FitOptions = {}, allowMissing = false): void {
  if (!tasks.includes(y.kind)) throw message.wrongTask(model, y.kind, tasks);
  const n = y.kind === "classification" ? y.codes.length : y.values.length;
  if (n !== X.rows) throw message.lengthMismatch("target", n, X.rows);
  if (X.rows === 0) throw message.emptyData("The training data");
  checkFinite(X, "training", allowMissing);
  if (y.kind === "classification") {
    const k = y.classes.length;
    const seen = new Uint8Array(k);
    let distinct = 0;
    for (let i = 0; i < n; i++) {
      const code = y.codes[i];
      if (!(code >= 0 && code < k)) throw message.missingTarget(i);
      distinct += 1 - seen[code];
      seen[code] = 1;
    }
    if (distinct < 2) throw message.singleClass(model, y.classes[y.codes[0]] ?? "?");
  } else {
    for (let i = 0; i < n; i++) if (!Number.isFinite(y.values[i])) throw message.missingTarget(i);
  }
  const w = options.sampleWeight;
  if (w !== undefined) {
    if (w.length !== n) throw message.lengthMismatch("sampleWeight", w.length, n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (!(w[i] >= 0) || !Number.isFinite(w[i])) throw message.badWeight(i, w[i]);
      total += w[i];
    }
    if (total === 0) throw message.zeroWeights();
  }
}

export function checkPredictInput(model: string, features: readonly string[], X: Matrix, allowMissing = false): void {
  if (X.cols !== features.length) throw message.featureMismatch(model, features, X.names);
  checkFinite(X, "prediction", allowMissing);
}

function checkFinite(X: Matrix, what: string, allowMissing: boolean): void {
  const { data, rows } = X;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i]) && !(allowMissing && Number.isNaN(data[i]))) {
      const column = Math.floor(i / rows);
      throw message.nonFinite(X.names[column], i % rows, data[i], what);
    }
  }
}
