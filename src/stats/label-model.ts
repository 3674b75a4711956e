/**
 * Label models for weak supervision: combine the votes of several noisy labeling functions
 * into one label per row without any true labels.
 *
 * `fitLabelModel` is Dawid and Skene's (1979) model: a hidden true class with priors (learned,
 * or fixed by `classBalance` as Snorkel's LabelModel fixes them), and for each function a full
 * table P(vote | true class) in which "abstain" is one of the votes, the functions independent
 * given the class. Modelling the abstain matters: most labeling functions vote for one class
 * only, and how often they fire on each class is what tells the classes apart. (A one-coin
 * model, with abstains uninformative, explains one-sided functions perfectly by "every row is
 * one class and the other class's functions are always wrong".) Fitted by EM from a
 * majority-vote start. Rows with the same votes share their posterior, so EM runs over distinct
 * vote patterns weighted by their counts (100,000 rows of 10 functions hold a few hundred).
 *
 * Votes are a column-major matrix: `votes[j * n + i]` is function j's vote on row i, a class
 * code 0 … k − 1, or −1 for an abstain.
 */
import type { Random } from "../util/random.js";

export const ABSTAIN_CODE = -1;

export interface LabelModelOptions {
  readonly maxIterations?: number;
  /** EM stops when the mean log-likelihood per row changes by less than this. */
  readonly tolerance?: number;
  /** Pseudo-count added to every cell of each function's table (keeps logs finite). */
  readonly smoothing?: number;
  /** Fixed class shares P(Y = y) instead of learned ones. */
  readonly classBalance?: readonly number[];
}

export interface LabelModelFit {
  readonly classes: number;
  readonly functions: number;
  /** P(Y = y), learned. */
  readonly priors: Float64Array;
  /** Per function, P(vote = v | Y = y) at [y * (k + 1) + v + 1]: column 0 is the abstain. */
  readonly conditionals: readonly Float64Array[];
  /** Per function, P(vote = Y | vote ≠ abstain): its learned accuracy (what Snorkel's `get_weights` reports). */
  readonly accuracies: Float64Array;
  /** P(Y = y | votes of row i) at [i * k + y]. */
  readonly probabilities: Float64Array;
  /** The most probable class of each row (ties to the lower code). */
  readonly predictions: Int32Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** Mean log-likelihood per row at the end. */
  readonly logLikelihood: number;
  /** Distinct vote patterns EM ran over. */
  readonly patterns: number;
}

/** Distinct vote patterns of a label matrix, with how many rows hold each. */
export interface Patterns {
  /** pattern p's vote of function j at [p * m + j] */
  readonly votes: Int32Array;
  readonly counts: Float64Array;
  /** row → pattern */
  readonly of: Int32Array;
}

export function patternsOf(votes: Int32Array, n: number, m: number, k: number): Patterns {
  const numeric = Math.pow(k + 1, m) < 2 ** 52;
  const index = new Map<number | string, number>();
  const of = new Int32Array(n);
  const kept: number[] = [];
  const counts: number[] = [];
  const parts = new Array<number>(m);
  for (let i = 0; i < n; i++) {
    let key: number | string = 0;
    if (numeric) {
      let code = 0;
      for (let j = m - 1; j >= 0; j--) code = code * (k + 1) + votes[j * n + i] + 1;
      key = code;
    } else {
      for (let j = 0; j < m; j++) parts[j] = votes[j * n + i];
      key = parts.join(",");
    }
    let p = index.get(key);
    if (p === undefined) {
      p = counts.length;
      index.set(key, p);
      counts.push(0);
      for (let j = 0; j < m; j++) kept.push(votes[j * n + i]);
    }
    counts[p]++;
    of[i] = p;
  }
  return { votes: Int32Array.from(kept), counts: Float64Array.from(counts), of };
}

function checkVotes(votes: Int32Array, n: number, m: number, k: number): void {
  if (votes.length !== n * m) throw new RangeError(`label matrix: ${votes.length} votes for ${n} rows × ${m} functions`);
  for (let i = 0; i < votes.length; i++) if (votes[i] < -1 || votes[i] >= k) throw new RangeError(`label matrix: vote ${votes[i]} outside −1 … ${k - 1}`);
}

export function fitLabelModel(votes: Int32Array, n: number, m: number, k: number, options: LabelModelOptions = {}): LabelModelFit {
  checkVotes(votes, n, m, k);
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.tolerance ?? 1e-9;
  const alpha = options.smoothing ?? 0.01;
  const fixed = options.classBalance;
  if (fixed !== undefined && (fixed.length !== k || fixed.some((p) => !(p > 0)))) throw new RangeError(`label model: classBalance needs ${k} positive shares`);
  const { votes: pv, counts, of } = patternsOf(votes, n, m, k);
  const P = counts.length;
  const v1 = k + 1;
  // Start from the soft majority vote: each pattern's share of votes per class (uniform without votes).
  const T = new Float64Array(P * k);
  for (let p = 0; p < P; p++) {
    let total = 0;
    for (let j = 0; j < m; j++) {
      const v = pv[p * m + j];
      if (v >= 0) {
        T[p * k + v]++;
        total++;
      }
    }
    for (let y = 0; y < k; y++) T[p * k + y] = total > 0 ? T[p * k + y] / total : 1 / k;
  }
  const priors = new Float64Array(k);
  const conditionals = Array.from({ length: m }, () => new Float64Array(k * v1));
  const logPrior = new Float64Array(k);
  const logCond = Array.from({ length: m }, () => new Float64Array(k * v1));
  const terms = new Float64Array(k);
  let logLikelihood = -Infinity;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    // M step: class priors (unless fixed) and each function's table, smoothed.
    const weight = new Float64Array(k);
    for (let p = 0; p < P; p++) for (let y = 0; y < k; y++) weight[y] += counts[p] * T[p * k + y];
    const total = fixed ? fixed.reduce((s, x) => s + x, 0) : 0;
    for (let y = 0; y < k; y++) {
      priors[y] = fixed ? fixed[y] / total : (weight[y] + alpha) / (n + k * alpha);
      logPrior[y] = Math.log(priors[y]);
    }
    for (let j = 0; j < m; j++) {
      const c = conditionals[j];
      c.fill(alpha);
      for (let p = 0; p < P; p++) {
        const v = pv[p * m + j] + 1;
        for (let y = 0; y < k; y++) c[y * v1 + v] += counts[p] * T[p * k + y];
      }
      for (let y = 0; y < k; y++) {
        const sum = weight[y] + alpha * v1;
        for (let v = 0; v < v1; v++) {
          c[y * v1 + v] /= sum;
          logCond[j][y * v1 + v] = Math.log(c[y * v1 + v]);
        }
      }
    }
    // E step: each pattern's posterior.
    let ll = 0;
    for (let p = 0; p < P; p++) {
      let top = -Infinity;
      for (let y = 0; y < k; y++) {
        let t = logPrior[y];
        for (let j = 0; j < m; j++) t += logCond[j][y * v1 + pv[p * m + j] + 1];
        terms[y] = t;
        if (t > top) top = t;
      }
      let sum = 0;
      for (let y = 0; y < k; y++) sum += Math.exp(terms[y] - top);
      for (let y = 0; y < k; y++) T[p * k + y] = Math.exp(terms[y] - top) / sum;
      ll += counts[p] * (top + Math.log(sum));
    }
    ll /= n;
    if (Math.abs(ll - logLikelihood) < tolerance) {
      logLikelihood = ll;
      converged = true;
      break;
    }
    logLikelihood = ll;
  }
  const accuracies = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let right = 0;
    let voting = 0;
    for (let y = 0; y < k; y++) {
      right += priors[y] * conditionals[j][y * v1 + y + 1];
      voting += priors[y] * (1 - conditionals[j][y * v1]);
    }
    accuracies[j] = voting > 0 ? right / voting : NaN;
  }
  const probabilities = new Float64Array(n * k);
  const predictions = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = of[i];
    let best = 0;
    for (let y = 0; y < k; y++) {
      probabilities[i * k + y] = T[p * k + y];
      if (T[p * k + y] > T[p * k + best]) best = y;
    }
    predictions[i] = best;
  }
  return { classes: k, functions: m, priors, conditionals, accuracies, probabilities, predictions, iterations, converged, logLikelihood, patterns: P };
}

export interface MajorityVote {
  /** The class with most votes; −1 where no function voted. */
  readonly predictions: Int32Array;
  /** Rows whose top count was shared by two or more classes (broken at random). */
  readonly ties: number;
}

/** One vote per function; ties between classes broken uniformly at random (Snorkel's tie_break_policy="random"). */
export function majorityVote(votes: Int32Array, n: number, m: number, k: number, random: Random): MajorityVote {
  checkVotes(votes, n, m, k);
  const predictions = new Int32Array(n).fill(ABSTAIN_CODE);
  const tally = new Int32Array(k);
  const tied: number[] = [];
  let ties = 0;
  for (let i = 0; i < n; i++) {
    tally.fill(0);
    let any = false;
    for (let j = 0; j < m; j++) {
      const v = votes[j * n + i];
      if (v >= 0) {
        tally[v]++;
        any = true;
      }
    }
    if (!any) continue;
    let top = 0;
    for (let y = 0; y < k; y++) if (tally[y] > top) top = tally[y];
    tied.length = 0;
    for (let y = 0; y < k; y++) if (tally[y] === top) tied.push(y);
    if (tied.length > 1) ties++;
    predictions[i] = tied.length === 1 ? tied[0] : tied[random.int(tied.length)];
  }
  return { predictions, ties };
}
