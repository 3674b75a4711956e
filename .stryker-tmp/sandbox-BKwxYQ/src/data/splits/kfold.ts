// @ts-nocheck
import { Random } from "../../util/random.js";
import { complementFold, type Fold, foldsOf, rowsByLabel } from "./fold.js";

/**
 * k consecutive folds of the (optionally shuffled) rows; the first n mod k folds get one
 * extra row, as in scikit-learn's KFold.
 */
export function kFold(n: number, k: number, options: { shuffle?: boolean; seed?: number } = {}): Fold[] {
  const order = options.shuffle ? new Random(options.seed ?? 0).permutation(n) : Int32Array.from({ length: n }, (_, i) => i);
  const foldOf = new Int32Array(n);
  let start = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    for (let i = start; i < start + size; i++) foldOf[order[i]] = f;
    start += size;
  }
  return foldsOf(foldOf, k);
}

/**
 * k folds that keep each class's share: every class's rows are shuffled and dealt round
 * the folds, the deal continuing from class to class so fold sizes differ by at most one.
 * A class's count in any two folds differs by at most one.
 */
export function stratifiedKFold(labels: ArrayLike<number>, k: number, options: { seed?: number } = {}): Fold[] {
  const random = new Random(options.seed ?? 0);
  // Rows without a label are in no test fold (so in every training fold).
  const foldOf = new Int32Array(labels.length).fill(-1);
  let next = 0;
  for (const rows of rowsByLabel(labels)) {
    random.shuffle(rows);
    for (let i = 0; i < rows.length; i++) {
      foldOf[rows[i]] = next;
      next = (next + 1) % k;
    }
  }
  return foldsOf(foldOf, k);
}

/** A single split holding out `testSize` of the rows (a share in (0, 1)), stratified by labels when given. */
export function holdout(n: number, options: { testSize?: number; seed?: number; stratify?: ArrayLike<number> } = {}): Fold {
  const testSize = options.testSize ?? 0.2;
  const random = new Random(options.seed ?? 0);
  const test: number[] = [];
  if (options.stratify) {
    for (const rows of rowsByLabel(options.stratify)) {
      random.shuffle(rows);
      const take = Math.round(rows.length * testSize);
      for (let i = 0; i < take; i++) test.push(rows[i]);
    }
  } else {
    const order = random.permutation(n);
    const take = Math.round(n * testSize);
    for (let i = 0; i < take; i++) test.push(order[i]);
  }
  return complementFold(n, test);
}
