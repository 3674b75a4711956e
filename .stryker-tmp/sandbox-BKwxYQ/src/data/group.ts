/**
 * Rows grouped by a category code in one counting-sort pass: group g's rows are
 * order[offsets[g] … offsets[g + 1]), ascending. Missing codes (−1) are left out.
 * The basis of every per-slice computation: no per-row objects, O(n + groups).
 */
// @ts-nocheck

export interface Groups {
  readonly order: Int32Array;
  readonly offsets: Int32Array;
}

export function groupRows(codes: ArrayLike<number>, groups: number): Groups {
  const offsets = new Int32Array(groups + 1);
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) offsets[codes[i] + 1]++;
  for (let g = 0; g < groups; g++) offsets[g + 1] += offsets[g];
  const order = new Int32Array(offsets[groups]);
  const next = offsets.slice(0, groups);
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) order[next[codes[i]]++] = i;
  return { order, offsets };
}
