/** One train/test split of row indices: ascending, except in time splits, where they follow time order. */
// @ts-nocheck

export interface Fold {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/** Train = every row not in `test`. */
export function complementFold(n: number, test: ArrayLike<number>): Fold {
  const inTest = new Uint8Array(n);
  for (let i = 0; i < test.length; i++) inTest[test[i]] = 1;
  const train = new Int32Array(n - test.length);
  let t = 0;
  for (let i = 0; i < n; i++) if (!inTest[i]) train[t++] = i;
  return { train, test: Int32Array.from(test).sort() };
}

/** Fold f tests the rows with foldOf[row] = f (ascending) and trains on all the others. */
export function foldsOf(foldOf: Int32Array, k: number): Fold[] {
  const sizes = new Int32Array(k);
  for (let i = 0; i < foldOf.length; i++) if (foldOf[i] >= 0) sizes[foldOf[i]]++;
  return Array.from(sizes, (size, f) => {
    const test = new Int32Array(size);
    const train = new Int32Array(foldOf.length - size);
    for (let i = 0, t = 0, r = 0; i < foldOf.length; i++) {
      if (foldOf[i] === f) test[t++] = i;
      else train[r++] = i;
    }
    return { train, test };
  });
}

/** Rows grouped by their label code (codes 0 … k−1; negative codes are skipped). */
export function rowsByLabel(labels: ArrayLike<number>): Int32Array[] {
  const counts: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) counts[labels[i]] = (counts[labels[i]] ?? 0) + 1;
  const groups = Array.from(counts, (c) => new Int32Array(c ?? 0));
  const filled = new Int32Array(groups.length);
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) groups[labels[i]][filled[labels[i]]++] = i;
  return groups;
}
