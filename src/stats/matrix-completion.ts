/**
 * The label model of Snorkel (Ratner et al. 2019, "Training complex models with multi-task
 * weak supervision"), written anew: it never looks at rows one by one. From the label matrix
 * it takes O, the share of rows on which function i votes a and function j votes b, for
 * every pair of functions; under conditional independence O = μ P μᵀ off the diagonal
 * blocks, where μ[(i, a), y] = P(function i votes a | Y = y) and P the diagonal of class
 * shares (fixed: uniform unless given). μ is found by gradient descent on the squared
 * error of that equation, plus the rule that a function's vote shares add up, then each
 * row's class follows from Bayes' rule over the functions that voted (abstains ignored).
 *
 * As in Snorkel: μ starts at P(vote a) · 0.7 / P(Y = a) on the matching class, times one
 * random scale; SGD with momentum 0.9, learning rate 0.01, one full step per epoch; μ
 * clamped to [ε, 1 − ε] afterwards; and the column order (which class is which) chosen so
 * the functions look most accurate.
 */
import type { Random } from "../util/random.js";
import { patternsOf } from "./label-model.js";

export interface MatrixCompletionOptions {
  readonly epochs?: number;
  readonly learningRate?: number;
  readonly momentum?: number;
  /** Class shares; default uniform (Snorkel's default). */
  readonly classBalance?: readonly number[];
  /** The starting precision of every function. */
  readonly precisionInit?: number;
  /** The scale μ starts at (Snorkel draws it: 0.5488… is numpy's first draw with seed 0); default from `random`, else that value. */
  readonly initScale?: number;
  readonly random?: Random;
}

export interface MatrixCompletionFit {
  /** μ at [(i * k + a) * k + y] = P(function i votes a | Y = y). */
  readonly mu: Float64Array;
  readonly priors: Float64Array;
  /** Per function, P(vote = Y | it votes) (Snorkel's get_weights). */
  readonly accuracies: Float64Array;
  /** P(Y = y | votes of row i) at [i * k + y]. */
  readonly probabilities: Float64Array;
  readonly predictions: Int32Array;
  readonly loss: number;
}

/** numpy's first uniform draw after np.random.seed(0): the scale Snorkel's LabelModel.fit(seed=0) starts μ at. */
export const SNORKEL_SEED0_SCALE = 0.5488135039273248;

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

export function fitMatrixCompletion(votes: Int32Array, n: number, m: number, k: number, options: MatrixCompletionOptions = {}): MatrixCompletionFit {
  const epochs = options.epochs ?? 100;
  const lr = options.learningRate ?? 0.01;
  const beta = options.momentum ?? 0.9;
  const d = m * k;
  const balance = options.classBalance ?? new Array<number>(k).fill(1 / k);
  const total = balance.reduce((s, x) => s + x, 0);
  const p = Float64Array.from(balance, (x) => x / total);
  // O from distinct vote patterns.
  const { votes: pv, counts, of } = patternsOf(votes, n, m, k);
  const P = counts.length;
  const O = new Float64Array(d * d);
  const active: number[] = [];
  for (let q = 0; q < P; q++) {
    active.length = 0;
    for (let j = 0; j < m; j++) if (pv[q * m + j] >= 0) active.push(j * k + pv[q * m + j]);
    for (const a of active) for (const b of active) O[a * d + b] += counts[q] / n;
  }
  const coverage = new Float64Array(m);
  for (let j = 0; j < m; j++) for (let a = 0; a < k; a++) coverage[j] += O[(j * k + a) * d + j * k + a];
  const scale = options.initScale ?? options.random?.float() ?? SNORKEL_SEED0_SCALE;
  const precision = options.precisionInit ?? 0.7;
  const mu = new Float64Array(d * k);
  for (let j = 0; j < m; j++) for (let y = 0; y < k; y++) mu[(j * k + y) * k + y] = Math.min(1, Math.max(0, (O[(j * k + y) * d + j * k + y] * precision) / p[y])) * scale;
  const sameFunction = (a: number, b: number) => Math.floor(a / k) === Math.floor(b / k);
  const grad = new Float64Array(d * k);
  const velocity = new Float64Array(d * k);
  const muP = new Float64Array(d * k);
  const residual = new Float64Array(d * d);
  let loss = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let a = 0; a < d; a++) for (let y = 0; y < k; y++) muP[a * k + y] = mu[a * k + y] * p[y];
    loss = 0;
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) {
        if (sameFunction(a, b)) {
          residual[a * d + b] = 0;
          continue;
        }
        let model = 0;
        for (let y = 0; y < k; y++) model += muP[a * k + y] * mu[b * k + y];
        const r = O[a * d + b] - model;
        residual[a * d + b] = r;
        loss += r * r;
      }
    }
    grad.fill(0);
    // d/dμ Σ_mask (O − μPμᵀ)² = −4 (mask ∘ R) μ P, R and the mask being symmetric.
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) {
        const r = residual[a * d + b];
        if (r === 0) continue;
        for (let y = 0; y < k; y++) grad[a * k + y] -= 4 * r * muP[b * k + y];
      }
      // d/dμ Σ_a (Σ_y μ[a, y] p_y − O[a, a])² = 2 (s_a − O_aa) p_y.
      let s = 0;
      for (let y = 0; y < k; y++) s += muP[a * k + y];
      const e = s - O[a * d + a];
      loss += e * e;
      for (let y = 0; y < k; y++) grad[a * k + y] += 2 * e * p[y];
    }
    for (let q = 0; q < d * k; q++) {
      velocity[q] = epoch === 0 ? grad[q] : beta * velocity[q] + grad[q];
      mu[q] -= lr * velocity[q];
    }
  }
  const eps = Math.min(0.01, 1 / 10 ** Math.ceil(Math.log10(n)));
  for (let q = 0; q < d * k; q++) mu[q] = Math.min(1 - eps, Math.max(eps, mu[q]));
  // Which learned column is which class: among classes of equal share, the order under which the functions are most accurate.
  const summed = new Float64Array(k * k);
  for (let j = 0; j < m; j++) for (let a = 0; a < k; a++) for (let y = 0; y < k; y++) summed[a * k + y] += mu[(j * k + a) * k + y] * p[y];
  const order = Int32Array.from({ length: k }, (_, y) => y);
  const groups = new Map<number, number[]>();
  for (let y = 0; y < k; y++) {
    const key = Math.round(p[y] * 1000);
    groups.set(key, [...(groups.get(key) ?? []), y]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    let best = group;
    let bestValue = -Infinity;
    for (const candidate of group.length <= 7 ? permutations(group) : [group]) {
      const value = group.reduce((s, target, t) => s + summed[target * k + candidate[t]], 0);
      if (value > bestValue + 1e-15) [best, bestValue] = [candidate, value];
    }
    group.forEach((target, t) => (order[target] = best[t]));
  }
  const permuted = Float64Array.from({ length: d * k }, (_, q) => mu[Math.floor(q / k) * k + order[q % k]]);
  const accuracies = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let right = 0;
    for (let y = 0; y < k; y++) right += permuted[(j * k + y) * k + y] * p[y];
    accuracies[j] = Math.min(1, Math.max(1e-6, right / coverage[j]));
  }
  const logMu = permuted.map(Math.log);
  const logP = p.map(Math.log);
  const posterior = new Float64Array(P * k);
  const terms = new Float64Array(k);
  for (let q = 0; q < P; q++) {
    let top = -Infinity;
    for (let y = 0; y < k; y++) {
      let t = logP[y];
      for (let j = 0; j < m; j++) {
        const v = pv[q * m + j];
        if (v >= 0) t += logMu[(j * k + v) * k + y];
      }
      terms[y] = t;
      if (t > top) top = t;
    }
    let sum = 0;
    for (let y = 0; y < k; y++) sum += Math.exp(terms[y] - top);
    for (let y = 0; y < k; y++) posterior[q * k + y] = Math.exp(terms[y] - top) / sum;
  }
  const probabilities = new Float64Array(n * k);
  const predictions = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let y = 0; y < k; y++) {
      probabilities[i * k + y] = posterior[of[i] * k + y];
      if (probabilities[i * k + y] > probabilities[i * k + best]) best = y;
    }
    predictions[i] = best;
  }
  return { mu: permuted, priors: p, accuracies, probabilities, predictions, loss };
}
