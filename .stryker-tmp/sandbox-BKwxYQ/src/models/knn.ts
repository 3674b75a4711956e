/**
 * k-nearest neighbours (scikit-learn's KNeighborsClassifier and Regressor): predicts
 * from the k training rows nearest in Euclidean distance, each counting equally or by
 * the inverse of its distance. Exact search with a k-d tree (brute force in many dimensions).
 */
// @ts-nocheck

import { argmaxRows, type Matrix, matrix } from "../data/matrix.js";
import type { FitOptions, FittedModel, Model, SavedModel, Target, Task } from "./contract.js";
import { buildKdTree, queryKdTree } from "./kdtree.js";
import { oneOf, wholeNumber } from "./params.js";
import { arrayIn, arrayOut, checkSaved } from "./saved.js";
import { nearestK } from "../util/nearest.js";
import { checkFitInput, checkPredictInput } from "./validate.js";

export interface KnnParams {
  readonly k?: number;
  readonly weights?: "uniform" | "distance";
}

const MODEL = "knn";
const VERSION = 1;
const TASKS: readonly Task[] = ["classification", "regression"];

export class KNearestNeighbours implements Model<KnnParams> {
  readonly model = MODEL;
  readonly tasks = TASKS;
  constructor(readonly params: KnnParams = {}) {}

  async fit(X: Matrix, y: Target, options: FitOptions = {}): Promise<FittedModel> {
    checkFitInput(MODEL, TASKS, X, y, options);
    wholeNumber(MODEL, "k", this.params.k, 5);
    oneOf(MODEL, "weights", this.params.weights, ["uniform", "distance"], "uniform");
    const labels = y.kind === "classification" ? Float64Array.from(y.codes) : Float64Array.from(y.values);
    return fittedKnn(this.params, X.names, Float64Array.from(X.data), X.rows, labels, y.kind === "classification" ? y.classes : undefined);
  }
}

function fittedKnn(params: KnnParams, features: readonly string[], points: Float64Array, rows: number, labels: Float64Array, classes?: readonly string[]): FittedModel {
  const dims = features.length;
  const k = Math.min(params.k ?? 5, rows);
  const byDistance = params.weights === "distance";
  const tree = dims <= 16 ? buildKdTree(points, rows, dims) : undefined;
  const neighbours = (X: Matrix) => {
    checkPredictInput(MODEL, features, X);
    return tree ? queryKdTree(tree, X.data, X.rows, k) : bruteForce(points, rows, dims, X, k);
  };
  const weightOf = (d2: number) => (byDistance ? 1 / Math.max(Math.sqrt(d2), 1e-12) : 1);
  const toJSON = (): SavedModel => ({
    format: "litml-model",
    version: VERSION,
    model: MODEL,
    params,
    features,
    ...(classes ? { classes } : {}),
    state: { points: arrayOut(points), rows, labels: arrayOut(labels) },
  });
  if (classes) {
    const predictProba = (X: Matrix): Matrix => {
      const { index, distance } = neighbours(X);
      const out = matrix(X.rows, classes.length, classes);
      for (let q = 0; q < X.rows; q++) {
        let total = 0;
        for (let j = 0; j < k; j++) {
          const w = weightOf(distance[q * k + j]);
          out.data[labels[index[q * k + j]] * X.rows + q] += w;
          total += w;
        }
        for (let c = 0; c < classes.length; c++) out.data[c * X.rows + q] /= total;
      }
      return out;
    };
    return { task: "classification", model: MODEL, params, features, classes, predictProba, predict: (X) => argmaxRows(predictProba(X)), toJSON };
  }
  return {
    task: "regression",
    model: MODEL,
    params,
    features,
    predict: (X) => {
      const { index, distance } = neighbours(X);
      const out = new Float64Array(X.rows);
      for (let q = 0; q < X.rows; q++) {
        let sum = 0;
        let total = 0;
        for (let j = 0; j < k; j++) {
          const w = weightOf(distance[q * k + j]);
          sum += w * labels[index[q * k + j]];
          total += w;
        }
        out[q] = sum / total;
      }
      return out;
    },
    toJSON,
  };
}

function bruteForce(points: Float64Array, rows: number, dims: number, X: Matrix, k: number): { index: Int32Array; distance: Float64Array } {
  const index = new Int32Array(X.rows * k);
  const distance = new Float64Array(X.rows * k);
  const d2 = new Float64Array(rows);
  for (let q = 0; q < X.rows; q++) {
    d2.fill(0);
    for (let d = 0; d < dims; d++) {
      const v = X.data[d * X.rows + q];
      for (let r = 0; r < rows; r++) {
        const diff = points[d * rows + r] - v;
        d2[r] += diff * diff;
      }
    }
    nearestK(d2, k, index.subarray(q * k, (q + 1) * k), distance.subarray(q * k, (q + 1) * k));
  }
  return { index, distance };
}

export function loadKnn(saved: unknown): FittedModel {
  const s = checkSaved(saved, MODEL, VERSION);
  const state = s.state as { points: number[]; rows: number; labels: number[] };
  return fittedKnn(s.params as KnnParams, s.features, arrayIn(state.points), state.rows, arrayIn(state.labels), s.classes);
}
