/**
 * Label metrics over class codes (0 … k−1), with optional sample weights. Classes that
 * appear in neither the truth nor the predictions are left out of averages, and a
 * precision or recall with nothing to divide by counts as 0, as scikit-learn does
 * (zero_division=0).
 */
export type Weights = ArrayLike<number> | undefined;

/** k × k counts, row = true class, column = predicted class (row-major). */
export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, k: number, weights?: Weights): Float64Array {
  const counts = new Float64Array(k * k);
  for (let i = 0; i < yTrue.length; i++) counts[yTrue[i] * k + yPred[i]] += weights ? weights[i] : 1;
  return counts;
}

export function accuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, weights?: Weights): number {
  let hit = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weights ? weights[i] : 1;
    total += w;
    if (yTrue[i] === yPred[i]) hit += w;
  }
  return hit / total;
}

/** Mean recall over the classes present in the truth. */
export function balancedAccuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, k: number, weights?: Weights): number {
  const cm = confusionMatrix(yTrue, yPred, k, weights);
  let sum = 0;
  let classes = 0;
  for (let c = 0; c < k; c++) {
    let support = 0;
    for (let j = 0; j < k; j++) support += cm[c * k + j];
    if (support === 0) continue;
    sum += cm[c * k + c] / support;
    classes++;
  }
  return sum / classes;
}

export type Average = "macro" | "micro" | "weighted" | "binary";

export interface PerClass {
  readonly precision: Float64Array;
  readonly recall: Float64Array;
  readonly f1: Float64Array;
  readonly support: Float64Array;
  /** Whether the class occurs in the truth or the predictions. */
  readonly present: Uint8Array;
}

export function perClass(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, k: number, weights?: Weights): PerClass {
  const cm = confusionMatrix(yTrue, yPred, k, weights);
  const precision = new Float64Array(k);
  const recall = new Float64Array(k);
  const f1 = new Float64Array(k);
  const support = new Float64Array(k);
  const present = new Uint8Array(k);
  for (let c = 0; c < k; c++) {
    let predicted = 0;
    for (let j = 0; j < k; j++) {
      support[c] += cm[c * k + j];
      predicted += cm[j * k + c];
    }
    const tp = cm[c * k + c];
    precision[c] = predicted > 0 ? tp / predicted : 0;
    recall[c] = support[c] > 0 ? tp / support[c] : 0;
    f1[c] = support[c] + predicted > 0 ? (2 * tp) / (support[c] + predicted) : 0;
    present[c] = support[c] > 0 || predicted > 0 ? 1 : 0;
  }
  return { precision, recall, f1, support, present };
}

export interface PrecisionRecallF1 {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/**
 * Precision, recall and F1 averaged as asked: "binary" for the positive class,
 * "macro" (unweighted mean over classes), "weighted" (by support), "micro" (global counts).
 */
export function precisionRecallF1(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  k: number,
  average: Average,
  options: { positive?: number; weights?: Weights } = {},
): PrecisionRecallF1 {
  const stats = perClass(yTrue, yPred, k, options.weights);
  if (average === "binary") {
    const c = options.positive ?? 1;
    return { precision: stats.precision[c], recall: stats.recall[c], f1: stats.f1[c] };
  }
  if (average === "micro") {
    let tp = 0;
    let total = 0;
    for (let c = 0; c < k; c++) {
      tp += stats.recall[c] * stats.support[c];
      total += stats.support[c];
    }
    // Single-label data: every error is one false positive and one false negative, so all three are equal.
    const value = total > 0 ? tp / total : 0;
    return { precision: value, recall: value, f1: value };
  }
  let p = 0;
  let r = 0;
  let f = 0;
  let norm = 0;
  for (let c = 0; c < k; c++) {
    if (!stats.present[c]) continue;
    const w = average === "weighted" ? stats.support[c] : 1;
    p += w * stats.precision[c];
    r += w * stats.recall[c];
    f += w * stats.f1[c];
    norm += w;
  }
  return norm > 0 ? { precision: p / norm, recall: r / norm, f1: f / norm } : { precision: 0, recall: 0, f1: 0 };
}
