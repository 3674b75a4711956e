// @ts-nocheck
import type { ClassTarget, FitOptions } from "./contract.js";

export type ClassWeight = "balanced" | Readonly<Record<string, number>>;

/**
 * One weight per row: the sample weight times the weight of the row's class.
 * "balanced" gives class c the weight n / (k · n_c), so every class counts the same in
 * total (scikit-learn's class_weight="balanced").
 */
export function rowWeights(y: ClassTarget | undefined, n: number, options: FitOptions, classWeight?: ClassWeight): Float64Array {
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = options.sampleWeight ? options.sampleWeight[i] : 1;
  if (y === undefined || classWeight === undefined) return weights;
  const k = y.classes.length;
  const perClass = new Float64Array(k).fill(1);
  if (classWeight === "balanced") {
    const counts = new Float64Array(k);
    for (let i = 0; i < n; i++) counts[y.codes[i]] += options.sampleWeight ? options.sampleWeight[i] : 1;
    const total = counts.reduce((a, b) => a + b, 0);
    const present = counts.filter((c) => c > 0).length;
    for (let c = 0; c < k; c++) perClass[c] = counts[c] > 0 ? total / (present * counts[c]) : 0;
  } else {
    y.classes.forEach((label, c) => (perClass[c] = classWeight[label] ?? 1));
  }
  for (let i = 0; i < n; i++) weights[i] *= perClass[y.codes[i]];
  return weights;
}

/** Σ weights, in a plain loop (`reduce` calls back once per row). */
export function totalWeight(weights: Float64Array): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  return total;
}

/** Whether every row weighs 1, so kernels may skip reading the weights. */
export function allOnes(weights: Float64Array): boolean {
  for (let i = 0; i < weights.length; i++) if (weights[i] !== 1) return false;
  return true;
}
