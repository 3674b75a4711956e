/**
 * Histogram gradient boosting (scikit-learn's HistGradientBoostingClassifier and
 * Regressor, after LightGBM): each iteration fits a small tree to the gradient of the
 * loss on binned features and adds it, shrunk by the learning rate. Log-loss for two
 * classes, softmax (one tree per class per iteration) for more, squared error for numbers.
 */
// @ts-nocheck

import { argmaxRows, type Matrix, matrix, softmaxRows } from "../data/matrix.js";
import { message } from "../messages.js";
import { Progress } from "../runtime/context.js";
import type { FitOptions, FittedModel, Model, SavedModel, Target, Task } from "./contract.js";
import { applyBinning, fitBinning } from "./gbdt/binning.js";
import { createWorkspace } from "./gbdt/workspace.js";
import { type BoostedTree, type GrowContext, type GrowParams, growTree } from "./gbdt/grow.js";
import { treeWalker } from "./gbdt/predict.js";
import { nonNegative, positive, wholeNumber } from "./params.js";
import { arrayIn, arrayOut, checkSaved } from "./saved.js";
import { checkFitInput, checkPredictInput } from "./validate.js";
import { type ClassWeight, rowWeights, totalWeight } from "./weights.js";

export interface GbdtParams {
  readonly maxIterations?: number;
  readonly learningRate?: number;
  readonly maxLeafNodes?: number;
  readonly maxDepth?: number;
  readonly minSamplesLeaf?: number;
  readonly l2Regularization?: number;
  readonly maxBins?: number;
  readonly classWeight?: ClassWeight;
  readonly seed?: number;
}

const MODEL = "gbdt";
const VERSION = 1;
const TASKS: readonly Task[] = ["classification", "regression"];

export class GradientBoosting implements Model<GbdtParams> {
  readonly model = MODEL;
  readonly tasks = TASKS;
  /** `engine`: where the tree-growing loops run; "js" only to check one against the other. */
  constructor(
    readonly params: GbdtParams = {},
    private readonly engine: "wasm" | "js" = "wasm",
  ) {}

  async fit(X: Matrix, y: Target, options: FitOptions = {}): Promise<FittedModel> {
    checkFitInput(MODEL, TASKS, X, y, options, true);
    const p = this.params;
    const iterations = wholeNumber(MODEL, "maxIterations", p.maxIterations, 100);
    const maxBins = wholeNumber(MODEL, "maxBins", p.maxBins, 255, 2);
    if (maxBins > 255) throw message.badOption(MODEL, "maxBins", maxBins, "at most 255 (bins are stored in one byte)");
    const grow = {
      learningRate: positive(MODEL, "learningRate", p.learningRate, 0.1),
      maxLeafNodes: wholeNumber(MODEL, "maxLeafNodes", p.maxLeafNodes, 31, 2),
      maxDepth: p.maxDepth === undefined ? Infinity : wholeNumber(MODEL, "maxDepth", p.maxDepth, 1),
      minSamplesLeaf: wholeNumber(MODEL, "minSamplesLeaf", p.minSamplesLeaf, 20),
      l2: nonNegative(MODEL, "l2Regularization", p.l2Regularization, 0),
    };
    const n = X.rows;
    const binning = fitBinning(X, maxBins, p.seed ?? 0);
    const weights = rowWeights(y.kind === "classification" ? y : undefined, n, options, p.classWeight);
    const k = y.kind === "classification" && y.classes.length > 2 ? y.classes.length : 1;
    const workspace = createWorkspace(n, X.cols, k, this.engine);
    applyBinning(X, binning, workspace);
    const ctx: GrowContext = {
      rows: n,
      cols: X.cols,
      binCounts: Int32Array.from(binning.thresholds, (t) => t.length + 1),
      missingBin: binning.missingBin,
      thresholds: binning.thresholds,
      workspace,
    };
    const baseline = initialScores(y, weights, k);
    const loss: Loss = y.kind === "regression" ? "squared" : k === 1 ? "binary" : "softmax";
    // Scores are kept as raw values for squared error and as exponentials (odds, or
    // unnormalised softmax terms) for the log-losses: a tree adds one of a few leaf values
    // to each row's raw score, so one exp per leaf replaces one exp per row.
    const scores = new Float64Array(n * k);
    for (let c = 0; c < k; c++) scores.fill(loss === "squared" ? baseline[c] : Math.exp(baseline[c]), c * n, (c + 1) * n);
    // Per class, each row's gradient and hessian side by side, in single precision (as
    // scikit-learn keeps them); histogram sums still accumulate in doubles.
    const gh = workspace.gh;
    const leafOfRow = grow.maxLeafNodes <= 256 ? new Uint8Array(n) : new Int32Array(n);
    const trees: BoostedTree[][] = [];
    const progress = new Progress("boosting", iterations);
    computeGradients(y, loss, scores, weights, k, gh);
    for (let iteration = 0; iteration < iterations; iteration++) {
      if (loss === "softmax" && iteration > 0) computeGradients(y, loss, scores, weights, k, gh);
      const round: BoostedTree[] = [];
      for (let c = 0; c < k; c++) round.push(boostClass(ctx, gh[c], grow, loss, scores.subarray(c * n, (c + 1) * n), y, weights, leafOfRow));
      if (loss === "softmax") renormalise(scores, n, k);
      trees.push(round);
      await progress.step();
    }
    progress.finish();
    return fittedGbdt(p, X.names, y.kind === "classification" ? y.classes : undefined, baseline, trees);
  }
}

type Loss = "squared" | "binary" | "softmax";

/**
 * Grows one tree on a class's gradients and applies it to that class's scores; for squared
 * error and two classes it also refreshes the gradients in the same pass (softmax needs
 * every class's new score first). A leaf's rows are scattered over the whole data set, so
 * updating through the leaves would touch a cache line per row in each array; instead the
 * leaves label their rows in one small array and the update reads everything in row order.
 * A plain function, not part of the async fit loop: V8 optimises its loops as ordinary
 * calls rather than as on-stack replacements inside a resumable function (2–3× slower).
 */
function boostClass(ctx: GrowContext, gh: Float32Array, grow: GrowParams, loss: Loss, classScores: Float64Array, y: Target, weights: Float64Array, leafOfRow: Uint8Array | Int32Array): BoostedTree {
  const { tree, leaves } = growTree(ctx, gh, grow);
  const steps = new Float64Array(leaves.length);
  leaves.forEach((leaf, l) => {
    steps[l] = loss === "squared" ? leaf.value : Math.exp(leaf.value);
    labelRows(leafOfRow, ctx.workspace.indices, leaf.start, leaf.end, l);
  });
  if (y.kind === "regression") stepSquared(classScores, leafOfRow, steps, y.values, weights, gh);
  else if (loss === "binary") stepBinary(classScores, leafOfRow, steps, y.codes, weights, gh);
  else stepSoftmaxClass(classScores, leafOfRow, steps);
  return tree;
}

function labelRows(leafOfRow: Uint8Array | Int32Array, indices: Int32Array, start: number, end: number, leaf: number): void {
  for (let i = start; i < end; i++) leafOfRow[indices[i]] = leaf;
}

function stepSoftmaxClass(terms: Float64Array, leafOfRow: ArrayLike<number>, factors: Float64Array): void {
  for (let row = 0; row < terms.length; row++) terms[row] *= factors[leafOfRow[row]];
}

function stepSquared(scores: Float64Array, leafOfRow: ArrayLike<number>, steps: Float64Array, values: ArrayLike<number>, weights: Float64Array, gh: Float32Array): void {
  for (let row = 0; row < scores.length; row++) {
    const score = scores[row] + steps[leafOfRow[row]];
    scores[row] = score;
    setSquaredGradient(gh, row, score, values[row], weights[row]);
  }
}

function stepBinary(odds: Float64Array, leafOfRow: ArrayLike<number>, factors: Float64Array, codes: ArrayLike<number>, weights: Float64Array, gh: Float32Array): void {
  for (let row = 0; row < odds.length; row++) {
    const updated = odds[row] * factors[leafOfRow[row]];
    odds[row] = updated;
    setBinaryGradient(gh, row, updated, codes[row], weights[row]);
  }
}

function setSquaredGradient(gh: Float32Array, row: number, score: number, value: number, weight: number): void {
  gh[2 * row] = weight * (score - value);
  gh[2 * row + 1] = weight;
}

/** From the odds p/(1−p) of the positive class; `label` is 0 or 1. */
function setBinaryGradient(gh: Float32Array, row: number, odds: number, label: number, weight: number): void {
  const p = odds === Infinity ? 1 : odds / (1 + odds);
  gh[2 * row] = weight * (p - label);
  gh[2 * row + 1] = weight * p * (1 - p);
}

function initialScores(y: Target, weights: Float64Array, k: number): Float64Array {
  const total = totalWeight(weights);
  if (y.kind === "regression") {
    let sum = 0;
    for (let i = 0; i < weights.length; i++) sum += weights[i] * y.values[i];
    return Float64Array.of(sum / total);
  }
  const eps = 2.220446049250313e-16;
  if (k === 1) {
    let positive = 0;
    for (let i = 0; i < weights.length; i++) if (y.codes[i] === 1) positive += weights[i];
    const p = Math.min(1 - eps, Math.max(eps, positive / total));
    return Float64Array.of(Math.log(p / (1 - p)));
  }
  const prior = new Float64Array(k);
  for (let i = 0; i < weights.length; i++) prior[y.codes[i]] += weights[i];
  return prior.map((w) => Math.log(Math.max(eps, w / total)));
}

function computeGradients(y: Target, loss: Loss, scores: Float64Array, weights: Float64Array, k: number, gh: readonly Float32Array[]): void {
  const n = weights.length;
  if (y.kind === "regression") {
    for (let i = 0; i < n; i++) setSquaredGradient(gh[0], i, scores[i], y.values[i], weights[i]);
    return;
  }
  const codes = y.codes;
  if (loss === "binary") {
    for (let i = 0; i < n; i++) setBinaryGradient(gh[0], i, scores[i], codes[i], weights[i]);
    return;
  }
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let c = 0; c < k; c++) sum += scores[c * n + i];
    for (let c = 0; c < k; c++) {
      const p = scores[c * n + i] / sum;
      gh[c][2 * i] = weights[i] * (p - (codes[i] === c ? 1 : 0));
      gh[c][2 * i + 1] = weights[i] * p * (1 - p);
    }
  }
}

/** Softmax terms only matter relative to each other: rescale a row before they overflow or vanish. */
function renormalise(scores: Float64Array, n: number, k: number): void {
  for (let i = 0; i < n; i++) {
    let max = 0;
    for (let c = 0; c < k; c++) max = Math.max(max, scores[c * n + i]);
    if (max > 1e150 || max < 1e-150) for (let c = 0; c < k; c++) scores[c * n + i] /= max;
  }
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export type FittedGbdt = FittedModel & { readonly iterations: number };

function fittedGbdt(params: GbdtParams, features: readonly string[], classes: readonly string[] | undefined, baseline: Float64Array, trees: BoostedTree[][]): FittedGbdt {
  const k = baseline.length;
  const walkTrees = treeWalker(trees, k);
  const rawScores = (X: Matrix): Float64Array => {
    checkPredictInput(MODEL, features, X, true);
    const raw = new Float64Array(X.rows * k);
    for (let c = 0; c < k; c++) raw.fill(baseline[c], c * X.rows, (c + 1) * X.rows);
    walkTrees(X, raw);
    return raw;
  };
  const toJSON = (): SavedModel => ({
    format: "litml-model",
    version: VERSION,
    model: MODEL,
    params,
    features,
    ...(classes ? { classes } : {}),
    state: {
      baseline: arrayOut(baseline),
      trees: trees.map((round) =>
        round.map((t) => ({ feature: arrayOut(t.feature), binThreshold: arrayOut(t.binThreshold), threshold: arrayOut(t.threshold).map((v) => (v === Infinity ? null : v)), missingLeft: arrayOut(t.missingLeft), left: arrayOut(t.left), right: arrayOut(t.right), value: arrayOut(t.value) })),
      ),
    },
  });
  const common = { model: MODEL, params, features, iterations: trees.length, toJSON };
  if (!classes) return { ...common, task: "regression", predict: (X: Matrix) => rawScores(X) };
  const predictProba = (X: Matrix): Matrix => {
    const raw = rawScores(X);
    const n = X.rows;
    const out = matrix(n, classes.length, classes);
    if (k === 1) {
      for (let i = 0; i < n; i++) {
        const p = sigmoid(raw[i]);
        out.data[i] = 1 - p;
        out.data[n + i] = p;
      }
      return out;
    }
    out.data.set(raw);
    return softmaxRows(out);
  };
  return { ...common, task: "classification", classes, predictProba, predict: (X: Matrix) => argmaxRows(predictProba(X)) };
}

type SavedTrees = Record<string, (number | null)[]>[][];

export function loadGbdt(saved: unknown): FittedGbdt {
  const s = checkSaved(saved, MODEL, VERSION);
  const state = s.state as { baseline: number[]; trees: SavedTrees };
  return fittedGbdt(s.params as GbdtParams, s.features, s.classes, arrayIn(state.baseline), treesOf(state.trees));
}

/** The trees of a saved model's state, per boosting round one per class. */
export function treesOf(saved: SavedTrees): BoostedTree[][] {
  return saved.map((round) =>
    round.map((t) => ({
      feature: Int32Array.from(t.feature as number[]),
      binThreshold: Int32Array.from(t.binThreshold as number[]),
      threshold: Float64Array.from(t.threshold, (v) => (v === null ? Infinity : v)),
      missingLeft: Uint8Array.from(t.missingLeft as number[]),
      left: Int32Array.from(t.left as number[]),
      right: Int32Array.from(t.right as number[]),
      value: arrayIn(t.value),
    })),
  );
}
