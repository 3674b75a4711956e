/**
 * Isolation forest (Liu, Ting and Zhou 2008): random trees on subsamples of 256 rows, each
 * split on a random feature at a random value between its node's minimum and maximum. Rare,
 * far-away rows are isolated in few splits; the score 2^(−mean depth / c(ψ)) is near 1 for
 * them and near 0.5 or below for ordinary rows. Column-major input, no per-row objects.
 */
// @ts-nocheck

import type { Matrix } from "../../data/matrix.js";
import { Random } from "../../util/random.js";

const EULER = 0.5772156649;

/** The average path length of an unsuccessful search in a binary search tree of n points. */
function averagePath(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + EULER) - (2 * (n - 1)) / n;
}

interface IsolationTree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  /** For a leaf: its depth plus the expected depth of the points it still holds. */
  pathLength: number[];
}

function growTree(X: Matrix, rows: Int32Array, random: Random, maxDepth: number): IsolationTree {
  const tree: IsolationTree = { feature: [], threshold: [], left: [], right: [], pathLength: [] };
  const grow = (subset: Int32Array, depth: number): number => {
    const node = tree.feature.length;
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.pathLength.push(depth + averagePath(subset.length));
    if (subset.length <= 1 || depth >= maxDepth) return node;
    // A feature that varies within the node, tried in random order.
    const features = random.permutation(X.cols);
    for (const f of features) {
      let low = Infinity;
      let high = -Infinity;
      for (const r of subset) {
        const v = X.data[f * X.rows + r];
        if (v < low) low = v;
        if (v > high) high = v;
      }
      if (!(high > low)) continue;
      const split = low + random.float() * (high - low);
      const leftRows = subset.filter((r) => X.data[f * X.rows + r] < split);
      const rightRows = subset.filter((r) => X.data[f * X.rows + r] >= split);
      tree.feature[node] = f;
      tree.threshold[node] = split;
      tree.left[node] = grow(leftRows, depth + 1);
      tree.right[node] = grow(rightRows, depth + 1);
      return node;
    }
    return node;
  };
  grow(rows, 0);
  return tree;
}

export function isolationForestScores(X: Matrix, options: { trees?: number; sampleSize?: number; seed?: number } = {}): Float64Array {
  const trees = options.trees ?? 100;
  const sampleSize = Math.min(options.sampleSize ?? 256, X.rows);
  const maxDepth = Math.ceil(Math.log2(Math.max(2, sampleSize)));
  const random = new Random(options.seed ?? 0);
  const depthSum = new Float64Array(X.rows);
  for (let t = 0; t < trees; t++) {
    const sample = random.permutation(X.rows).subarray(0, sampleSize);
    const tree = growTree(X, sample, random, maxDepth);
    for (let r = 0; r < X.rows; r++) {
      let node = 0;
      while (tree.feature[node] >= 0) node = X.data[tree.feature[node] * X.rows + r] < tree.threshold[node] ? tree.left[node] : tree.right[node];
      depthSum[r] += tree.pathLength[node];
    }
  }
  const normaliser = averagePath(sampleSize);
  return Float64Array.from(depthSum, (sum) => 2 ** (-(sum / trees) / normaliser));
}
