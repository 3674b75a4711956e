/**
 * CART decision trees (Breiman et al. 1984; scikit-learn's DecisionTreeClassifier and
 * DecisionTreeRegressor): binary splits "feature ≤ threshold" chosen exhaustively on the
 * sorted values of each feature, the threshold halfway between neighbouring values,
 * maximising the weighted decrease in gini, entropy or squared error.
 */
// @ts-nocheck

import { argmaxRows, type Matrix, matrix } from "../data/matrix.js";
import { Random } from "../util/random.js";
import type { FitOptions, FittedModel, Model, SavedModel, Target, Task } from "./contract.js";
import { oneOf, wholeNumber } from "./params.js";
import { arrayIn, arrayOut, checkSaved } from "./saved.js";
import { checkFitInput, checkPredictInput } from "./validate.js";
import { type ClassWeight, rowWeights } from "./weights.js";

export interface TreeParams {
  readonly criterion?: "gini" | "entropy" | "squared_error";
  /** Unlimited by default, like scikit-learn; set it to keep trees readable and stable. */
  readonly maxDepth?: number;
  readonly minSamplesSplit?: number;
  readonly minSamplesLeaf?: number;
  readonly classWeight?: ClassWeight;
  /** Orders features when several splits tie. */
  readonly seed?: number;
}

const MODEL = "tree";
const VERSION = 1;
const TASKS: readonly Task[] = ["classification", "regression"];

/** Flat node arrays; node 0 is the root, a leaf has feature −1. */
interface TreeState {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  /** Per node: class weights (k values) or the mean target (1 value). */
  value: Float64Array;
  width: number;
}

export class DecisionTree implements Model<TreeParams> {
  readonly model = MODEL;
  readonly tasks = TASKS;
  constructor(readonly params: TreeParams = {}) {}

  async fit(X: Matrix, y: Target, options: FitOptions = {}): Promise<FittedModel> {
    checkFitInput(MODEL, TASKS, X, y, options);
    const criterion = oneOf(MODEL, "criterion", this.params.criterion, y.kind === "classification" ? ["gini", "entropy"] : ["squared_error"], y.kind === "classification" ? "gini" : "squared_error");
    const maxDepth = this.params.maxDepth === undefined ? Infinity : wholeNumber(MODEL, "maxDepth", this.params.maxDepth, 1);
    const minSplit = wholeNumber(MODEL, "minSamplesSplit", this.params.minSamplesSplit, 2, 2);
    const minLeaf = wholeNumber(MODEL, "minSamplesLeaf", this.params.minSamplesLeaf, 1);
    const weights = rowWeights(y.kind === "classification" ? y : undefined, X.rows, options, this.params.classWeight);
    const state = growTree(X, y, weights, { criterion, maxDepth, minSplit, minLeaf, seed: this.params.seed ?? 0 });
    return fittedTree(this.params, X.names, state, y.kind === "classification" ? y.classes : undefined);
  }
}

interface GrowOptions {
  criterion: string;
  maxDepth: number;
  minSplit: number;
  minLeaf: number;
  seed: number;
}

function growTree(X: Matrix, y: Target, weights: Float64Array, options: GrowOptions): TreeState {
  const { rows, cols, data } = X;
  const k = y.kind === "classification" ? y.classes.length : 1;
  const width = k;
  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const values: number[] = [];
  const indices = Int32Array.from({ length: rows }, (_, i) => i);
  const random = new Random(options.seed);
  const scratch = new Int32Array(rows);
  const leftStats = new Float64Array(k + 2);
  const totalStats = new Float64Array(k + 2);
  // Statistics of a set of rows: class weights (classification) or [Σw, Σwy, Σwy²] (regression).
  const accumulate = (stats: Float64Array, row: number, sign: number) => {
    const w = weights[row] * sign;
    if (y.kind === "classification") stats[y.codes[row]] += w;
    else {
      const v = y.values[row];
      stats[0] += w;
      stats[1] += w * v;
      stats[2] += w * v * v;
    }
  };
  const weightOf = (stats: Float64Array) => (y.kind === "classification" ? stats.subarray(0, k).reduce((a, b) => a + b, 0) : stats[0]);
  /** Impurity times weight, so that child sums compare directly with the parent. */
  const weightedImpurity = (stats: Float64Array): number => {
    if (y.kind === "regression") return stats[0] > 0 ? stats[2] - (stats[1] * stats[1]) / stats[0] : 0;
    const total = weightOf(stats);
    if (total <= 0) return 0;
    let impurity = options.criterion === "gini" ? 1 : 0;
    for (let c = 0; c < k; c++) {
      const p = stats[c] / total;
      if (options.criterion === "gini") impurity -= p * p;
      else if (p > 0) impurity -= p * Math.log2(p);
    }
    return impurity * total;
  };
  const stack: { node: number; start: number; end: number; depth: number }[] = [];
  const newNode = (start: number, end: number): number => {
    const node = feature.length;
    feature.push(-1);
    threshold.push(0);
    left.push(-1);
    right.push(-1);
    const stats = new Float64Array(k + 2);
    for (let i = start; i < end; i++) accumulate(stats, indices[i], 1);
    if (y.kind === "classification") values.push(...stats.subarray(0, k));
    else values.push(stats[0] > 0 ? stats[1] / stats[0] : 0);
    return node;
  };
  stack.push({ node: newNode(0, rows), start: 0, end: rows, depth: 0 });
  const featureOrder = Int32Array.from({ length: cols }, (_, j) => j);
  while (stack.length) {
    const { node, start, end, depth } = stack.pop()!;
    const n = end - start;
    if (depth >= options.maxDepth || n < options.minSplit || n < 2 * options.minLeaf) continue;
    totalStats.fill(0);
    for (let i = start; i < end; i++) accumulate(totalStats, indices[i], 1);
    const parentImpurity = weightedImpurity(totalStats);
    if (parentImpurity <= 1e-12 * Math.max(1, weightOf(totalStats))) continue;
    let bestGain = 1e-12;
    let bestFeature = -1;
    let bestThreshold = 0;
    random.shuffle(featureOrder);
    const segment = indices.subarray(start, end);
    for (const j of featureOrder) {
      const base = j * rows;
      segment.sort((a, b) => data[base + a] - data[base + b]);
      if (data[base + segment[0]] === data[base + segment[n - 1]]) continue;
      leftStats.fill(0);
      const rightStats = Float64Array.from(totalStats);
      for (let i = 0; i < n - 1; i++) {
        const row = segment[i];
        accumulate(leftStats, row, 1);
        accumulate(rightStats, row, -1);
        const here = data[base + row];
        const next = data[base + segment[i + 1]];
        if (here === next || i + 1 < options.minLeaf || n - i - 1 < options.minLeaf) continue;
        const gain = parentImpurity - weightedImpurity(leftStats) - weightedImpurity(rightStats);
        if (gain > bestGain) {
          bestGain = gain;
          bestFeature = j;
          bestThreshold = here / 2 + next / 2;
        }
      }
    }
    if (bestFeature < 0) continue;
    // Partition the node's rows: those at or below the threshold first.
    const base = bestFeature * rows;
    let lo = 0;
    let hi = n;
    for (let i = 0; i < n; i++) {
      const row = indices[start + i];
      if (data[base + row] <= bestThreshold) indices[start + lo++] = row;
      else scratch[--hi] = row;
    }
    for (let i = hi; i < n; i++) indices[start + i] = scratch[i];
    feature[node] = bestFeature;
    threshold[node] = bestThreshold;
    const leftNode = newNode(start, start + lo);
    const rightNode = newNode(start + lo, end);
    left[node] = leftNode;
    right[node] = rightNode;
    stack.push({ node: rightNode, start: start + lo, end, depth: depth + 1 }, { node: leftNode, start, end: start + lo, depth: depth + 1 });
  }
  return {
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value: Float64Array.from(values),
    width,
  };
}

/** The leaf each row of X falls in. */
export function leafOf(state: TreeState, X: Matrix): Int32Array {
  const out = new Int32Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    let node = 0;
    while (state.feature[node] >= 0) {
      node = X.data[state.feature[node] * X.rows + i] <= state.threshold[node] ? state.left[node] : state.right[node];
    }
    out[i] = node;
  }
  return out;
}

export type FittedTree = FittedModel & { readonly nodes: number; readonly depth: number };

function fittedTree(params: TreeParams, features: readonly string[], state: TreeState, classes?: readonly string[]): FittedTree {
  const toJSON = (): SavedModel => ({
    format: "litml-model",
    version: VERSION,
    model: MODEL,
    params,
    features,
    ...(classes ? { classes } : {}),
    state: { feature: arrayOut(state.feature), threshold: arrayOut(state.threshold), left: arrayOut(state.left), right: arrayOut(state.right), value: arrayOut(state.value), width: state.width },
  });
  const depthOf = (node: number): number => (state.feature[node] < 0 ? 0 : 1 + Math.max(depthOf(state.left[node]), depthOf(state.right[node])));
  const shape = { nodes: state.feature.length, depth: depthOf(0) };
  if (classes) {
    const k = classes.length;
    const predictProba = (X: Matrix): Matrix => {
      checkPredictInput(MODEL, features, X);
      const leaves = leafOf(state, X);
      const out = matrix(X.rows, k, classes);
      for (let i = 0; i < X.rows; i++) {
        const offset = leaves[i] * k;
        let total = 0;
        for (let c = 0; c < k; c++) total += state.value[offset + c];
        for (let c = 0; c < k; c++) out.data[c * X.rows + i] = state.value[offset + c] / total;
      }
      return out;
    };
    return { task: "classification", model: MODEL, params, features, classes, ...shape, predictProba, predict: (X: Matrix) => argmaxRows(predictProba(X)), toJSON };
  }
  return {
    task: "regression",
    model: MODEL,
    params,
    features,
    ...shape,
    predict: (X: Matrix) => {
      checkPredictInput(MODEL, features, X);
      return Float64Array.from(leafOf(state, X), (leaf) => state.value[leaf]);
    },
    toJSON,
  };
}

export function loadTree(saved: unknown): FittedTree {
  const s = checkSaved(saved, MODEL, VERSION);
  const raw = s.state as Record<string, number[]> & { width: number };
  const state: TreeState = {
    feature: Int32Array.from(raw.feature),
    threshold: arrayIn(raw.threshold),
    left: Int32Array.from(raw.left),
    right: Int32Array.from(raw.right),
    value: arrayIn(raw.value),
    width: raw.width,
  };
  return fittedTree(s.params as TreeParams, s.features, state, s.classes);
}
