/**
 * How active learning picks rows, as pure functions over arrays. Uncertainty reads each
 * row's class probabilities (least confidence 1 − max p; margin 1 − (p₁ − p₂); entropy
 * −Σ p ln p), and the most doubtful rows go first (ties to the lower row). Diversity is
 * the greedy core-set (k-centre) rule: repeatedly take the row farthest from every
 * labelled or already-picked row, on standardized features. Combined shortlists the most
 * uncertain rows and spreads the batch over them with the same greedy rule.
 */
import type { Matrix } from "../../data/matrix.js";
import type { Uncertainty } from "./types.js";

/** Rows of standardized features, row-major: point i is values[i·dims … (i+1)·dims). */
export interface Space {
  readonly rows: number;
  readonly dims: number;
  readonly values: Float64Array;
}

/** Each row's doubt, larger is more uncertain. `proba` is column-major (rows × classes). */
export function uncertaintyScores(proba: Matrix, measure: Uncertainty): Float64Array {
  const { rows, cols, data } = proba;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let first = -Infinity;
    let second = -Infinity;
    let entropy = 0;
    for (let c = 0; c < cols; c++) {
      const p = data[c * rows + i];
      if (p > first) [first, second] = [p, first];
      else if (p > second) second = p;
      if (p > 0) entropy -= p * Math.log(p);
    }
    out[i] = measure === "least-confidence" ? 1 - first : measure === "margin" ? 1 - (first - (cols > 1 ? second : 0)) : entropy;
  }
  return out;
}

/** Positions of the `count` largest scores, largest first; equal scores keep their order (a stable sort). */
export function topByScore(scores: ArrayLike<number>, count: number): Int32Array {
  const order = Int32Array.from({ length: scores.length }, (_, i) => i);
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  return order.slice(0, Math.min(count, scores.length));
}

export function squaredDistance(space: Space, a: number, b: number): number {
  const { dims, values } = space;
  let sum = 0;
  for (let d = 0; d < dims; d++) {
    const diff = values[a * dims + d] - values[b * dims + d];
    sum += diff * diff;
  }
  return sum;
}

/**
 * Lowers nearest[r] (the squared distance from row r to its closest labelled row), for each
 * row r of `rows`, with the rows just labelled. `nearest` is indexed by row of the space.
 */
export function closerTo(space: Space, rows: ArrayLike<number>, nearest: Float64Array, labelled: ArrayLike<number>): void {
  const { dims, values } = space;
  const m = rows.length;
  for (let l = 0; l < labelled.length; l++) {
    const base = labelled[l] * dims;
    if (dims === 2) {
      const [x, y] = [values[base], values[base + 1]];
      for (let i = 0; i < m; i++) {
        const r = rows[i];
        const dx = values[2 * r] - x;
        const dy = values[2 * r + 1] - y;
        const sum = dx * dx + dy * dy;
        if (sum < nearest[r]) nearest[r] = sum;
      }
      continue;
    }
    for (let i = 0; i < m; i++) {
      const r = rows[i];
      const at = r * dims;
      const best = nearest[r];
      let sum = 0;
      for (let d = 0; d < dims && sum < best; d++) {
        const diff = values[at + d] - values[base + d];
        sum += diff * diff;
      }
      if (sum < best) nearest[r] = sum;
    }
  }
}

/**
 * Greedy core-set: `count` rows of `rows`, each the one farthest from every labelled row
 * and every row picked before it (the largest nearest[r], ties to the earlier entry of
 * `rows`). `nearest`, indexed by row of the space, holds the squared distance to the
 * closest labelled row (Infinity when none is labelled) and is lowered in place as rows
 * are picked.
 */
export function coreSetPicks(space: Space, rows: ArrayLike<number>, nearest: Float64Array, count: number): Int32Array {
  const picks: number[] = [];
  const taken = new Uint8Array(rows.length);
  const one = [0];
  for (let k = 0; k < count; k++) {
    let best = -1;
    let bestDistance = -Infinity;
    for (let i = 0; i < rows.length; i++) {
      const d = nearest[rows[i]];
      if (!taken[i] && d > bestDistance) [best, bestDistance] = [i, d];
    }
    if (best < 0) break;
    picks.push(rows[best]);
    taken[best] = 1;
    one[0] = rows[best];
    closerTo(space, rows, nearest, one);
  }
  return Int32Array.from(picks);
}

/** The rows' mean point, a stand-in for "the labelled rows" when none are known: the first pick is then the most unusual row. */
export function distanceFromCentre(space: Space, rows: ArrayLike<number>): Float64Array {
  const { dims, values } = space;
  const centre = new Float64Array(dims);
  for (let i = 0; i < rows.length; i++) for (let d = 0; d < dims; d++) centre[d] += values[rows[i] * dims + d] / rows.length;
  return Float64Array.from({ length: rows.length }, (_, i) => {
    let sum = 0;
    for (let d = 0; d < dims; d++) sum += (values[rows[i] * dims + d] - centre[d]) ** 2;
    return sum;
  });
}
