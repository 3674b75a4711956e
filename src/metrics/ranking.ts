/**
 * Metrics of a score's ranking for a binary truth (1 = positive): ROC AUC by the
 * trapezoidal rule over the weighted ROC curve (ties form one step, so tied scores
 * count half, as in scikit-learn), and average precision as scikit-learn defines it
 * (precision at each threshold weighted by the recall gained, no interpolation).
 */
import type { Weights } from "./classification.js";
import type { CountBlock } from "../stats/intervals.js";
import { ascendingOrder } from "../stats/order.js";

interface Curve {
  /** Cumulative weighted true and false positives at each distinct threshold, highest score first. */
  readonly tps: Float64Array;
  readonly fps: Float64Array;
  readonly length: number;
}

function thresholdCurve(yTrue: ArrayLike<number>, scores: ArrayLike<number>, weights?: Weights): Curve {
  const n = yTrue.length;
  const order = ascendingOrder(scores).reverse();
  const tps = new Float64Array(n);
  const fps = new Float64Array(n);
  let tp = 0;
  let fp = 0;
  let length = 0;
  for (let i = 0; i < n; i++) {
    const row = order[i];
    const w = weights ? weights[row] : 1;
    if (yTrue[row] === 1) tp += w;
    else fp += w;
    if (i === n - 1 || scores[order[i + 1]] !== scores[row]) {
      tps[length] = tp;
      fps[length] = fp;
      length++;
    }
  }
  return { tps, fps, length };
}

export function rocAuc(yTrue: ArrayLike<number>, scores: ArrayLike<number>, weights?: Weights): number {
  const { tps, fps, length } = thresholdCurve(yTrue, scores, weights);
  const positives = tps[length - 1];
  const negatives = fps[length - 1];
  if (positives === 0 || negatives === 0) return NaN;
  let area = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let i = 0; i < length; i++) {
    area += ((fps[i] - prevFp) * (tps[i] + prevTp)) / 2;
    prevTp = tps[i];
    prevFp = fps[i];
  }
  return area / (positives * negatives);
}

export function averagePrecision(yTrue: ArrayLike<number>, scores: ArrayLike<number>, weights?: Weights): number {
  const { tps, fps, length } = thresholdCurve(yTrue, scores, weights);
  const positives = tps[length - 1];
  if (positives === 0) return NaN;
  let ap = 0;
  let prevRecall = 0;
  for (let i = 0; i < length; i++) {
    const recall = tps[i] / positives;
    const precision = tps[i] / (tps[i] + fps[i]);
    ap += (recall - prevRecall) * precision;
    prevRecall = recall;
  }
  return ap;
}

/** One-vs-rest AUC per class of a probability matrix (column-major n × k), averaged unweighted or by prevalence. */
export function rocAucOvr(yTrue: ArrayLike<number>, proba: Float64Array, k: number, average: "macro" | "weighted" = "macro", weights?: Weights): number {
  const n = yTrue.length;
  const binary = new Uint8Array(n);
  let sum = 0;
  let norm = 0;
  for (let c = 0; c < k; c++) {
    let prevalence = 0;
    for (let i = 0; i < n; i++) {
      binary[i] = yTrue[i] === c ? 1 : 0;
      prevalence += binary[i] * (weights ? weights[i] : 1);
    }
    const auc = rocAuc(binary, proba.subarray(c * n, (c + 1) * n), weights);
    const w = average === "weighted" ? prevalence : 1;
    sum += w * auc;
    norm += w;
  }
  return sum / norm;
}

/**
 * ROC AUC of one ranking under many row weightings (bootstrap counts), sorted once: each
 * block of draws costs one pass over the rows in score order instead of a sort per draw.
 * Rows of equal score form one run and count half against each other, as in `rocAuc`, so
 * each draw's value equals `rocAuc` on the rows repeated as often as that draw counts them.
 */
export function sortedRocAuc(yTrue: ArrayLike<number>, scores: ArrayLike<number>): (block: CountBlock) => Float64Array {
  const n = yTrue.length;
  const order = ascendingOrder(scores);
  const positive = Uint8Array.from(order, (row) => (yTrue[row] === 1 ? 1 : 0));
  // lastOfRun[i] marks the last position of a run of tied scores.
  const lastOfRun = Uint8Array.from(order, (row, i) => (i === n - 1 || scores[order[i + 1]] !== scores[row] ? 1 : 0));
  return ({ counts, width }) => {
    const negativesBelow = new Float64Array(width);
    const positives = new Float64Array(width);
    const pairs = new Float64Array(width);
    const runPositives = new Float64Array(width);
    const runNegatives = new Float64Array(width);
    for (let i = 0; i < n; i++) {
      const base = order[i] * width;
      const run = positive[i] === 1 ? runPositives : runNegatives;
      for (let j = 0; j < width; j++) run[j] += counts[base + j];
      if (lastOfRun[i] === 1) {
        for (let j = 0; j < width; j++) {
          pairs[j] += runPositives[j] * (negativesBelow[j] + runNegatives[j] / 2);
          negativesBelow[j] += runNegatives[j];
          positives[j] += runPositives[j];
          runPositives[j] = 0;
          runNegatives[j] = 0;
        }
      }
    }
    return Float64Array.from(pairs, (p, j) => (positives[j] === 0 || negativesBelow[j] === 0 ? NaN : p / (positives[j] * negativesBelow[j])));
  };
}

/** One-vs-rest macro ROC AUC (as `rocAucOvr`) under many row weightings, each class's scores sorted once. */
export function sortedRocAucOvr(yTrue: ArrayLike<number>, proba: Float64Array, k: number): (block: CountBlock) => Float64Array {
  const n = yTrue.length;
  const perClass = Array.from({ length: k }, (_, c) => sortedRocAuc(Uint8Array.from({ length: n }, (_, i) => (yTrue[i] === c ? 1 : 0)), proba.subarray(c * n, (c + 1) * n)));
  return (block) => {
    const sum = new Float64Array(block.width);
    for (const auc of perClass) auc(block).forEach((v, j) => (sum[j] += v / k));
    return sum;
  };
}
