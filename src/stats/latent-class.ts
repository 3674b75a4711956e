/**
 * A latent class model: rows drawn from a few hidden classes, inside each of which the
 * columns are independent categories (a mixture of products of categorical distributions),
 * fitted by EM with the number of classes chosen by BIC. It captures the way coarse answers
 * hang together (a kind of respondent answers several questions alike) without memorising
 * single rows, which is what a probability for "another row equals this one" needs.
 */
import { Random } from "../util/random.js";

export interface LatentClassFit {
  readonly classes: number;
  /** log P(row) for every row of the codes given to `fitLatentClasses`. */
  readonly logProbability: Float64Array;
}

const ITERATIONS = 60;
/** Add-half smoothing keeps unseen categories possible inside a class. */
const SMOOTHING = 0.5;

/**
 * `codes[j][r]`: row r's category in column j, 0 … levels[j] − 1. Fitted on at most
 * `fitRows` rows (a seeded sample); probabilities for every row.
 */
export function fitLatentClasses(codes: readonly Int32Array[], levels: readonly number[], nRows: number, options: { maxClasses?: number; fitRows?: number; seed?: number } = {}): LatentClassFit {
  const random = new Random(options.seed ?? 0);
  const fitRows = Math.min(nRows, options.fitRows ?? 20_000);
  const sample = fitRows < nRows ? random.permutation(nRows).subarray(0, fitRows) : Int32Array.from({ length: nRows }, (_, i) => i);
  let best: { bic: number; weights: Float64Array; theta: Float64Array[][] } | undefined;
  for (const k of [1, 2, 3, 4, 6, 8].filter((c) => c <= (options.maxClasses ?? 8))) {
    const fit = em(codes, levels, sample, k, random);
    const parameters = k - 1 + k * levels.reduce((s, l) => s + l - 1, 0);
    const bic = -2 * fit.logLikelihood + parameters * Math.log(sample.length);
    if (best === undefined || bic < best.bic) best = { bic, ...fit };
  }
  const { weights, theta } = best!;
  const logProbability = new Float64Array(nRows);
  const terms = new Float64Array(weights.length);
  for (let r = 0; r < nRows; r++) {
    for (let z = 0; z < weights.length; z++) {
      let t = Math.log(weights[z]);
      for (let j = 0; j < codes.length; j++) t += Math.log(theta[z][j][codes[j][r]]);
      terms[z] = t;
    }
    logProbability[r] = logSumExp(terms);
  }
  return { classes: weights.length, logProbability };
}

function em(codes: readonly Int32Array[], levels: readonly number[], rows: Int32Array, k: number, random: Random) {
  const n = rows.length;
  const responsibility = new Float64Array(n * k);
  for (let i = 0; i < n; i++) responsibility[i * k + random.int(k)] = 1;
  let weights = new Float64Array(k);
  let theta: Float64Array[][] = [];
  let logLikelihood = -Infinity;
  const terms = new Float64Array(k);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    // M step: class weights and each class's category frequencies, smoothed.
    weights = new Float64Array(k);
    theta = Array.from({ length: k }, () => levels.map((l) => new Float64Array(l).fill(SMOOTHING)));
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      for (let z = 0; z < k; z++) {
        const w = responsibility[i * k + z];
        if (w === 0) continue;
        weights[z] += w;
        for (let j = 0; j < codes.length; j++) theta[z][j][codes[j][r]] += w;
      }
    }
    for (let z = 0; z < k; z++) {
      for (let j = 0; j < codes.length; j++) {
        const total = weights[z] + SMOOTHING * levels[j];
        for (let l = 0; l < levels[j]; l++) theta[z][j][l] /= total;
      }
      weights[z] = (weights[z] + 1e-9) / (n + k * 1e-9);
    }
    // E step: each row's class probabilities, and the log-likelihood they come from.
    let total = 0;
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      for (let z = 0; z < k; z++) {
        let t = Math.log(weights[z]);
        for (let j = 0; j < codes.length; j++) t += Math.log(theta[z][j][codes[j][r]]);
        terms[z] = t;
      }
      const norm = logSumExp(terms);
      total += norm;
      for (let z = 0; z < k; z++) responsibility[i * k + z] = Math.exp(terms[z] - norm);
    }
    const converged = total - logLikelihood < 1e-6 * Math.abs(total);
    logLikelihood = total;
    if (converged) break;
  }
  return { weights, theta, logLikelihood };
}

function logSumExp(terms: Float64Array): number {
  let max = -Infinity;
  for (const t of terms) if (t > max) max = t;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - max);
  return max + Math.log(sum);
}
