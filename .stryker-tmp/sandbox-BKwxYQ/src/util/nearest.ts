/**
 * Writes to `index` and `distance` the k rows with the smallest `d2`, nearest first (ties:
 * the earlier row), keeping a sorted list of k while scanning: O(rows) for a small k, where
 * sorting every row for each query costs O(rows·log rows).
 */
// @ts-nocheck

export function nearestK(d2: Float64Array, k: number, index: Int32Array, distance: Float64Array): void {
  let filled = 0;
  for (let r = 0; r < d2.length; r++) {
    const d = d2[r];
    // A later row only displaces on a strictly smaller distance: ties go to the earlier row.
    if (filled === k && !(d < distance[k - 1])) continue;
    let at = filled < k ? filled++ : k - 1;
    while (at > 0 && d < distance[at - 1]) {
      distance[at] = distance[at - 1];
      index[at] = index[at - 1];
      at--;
    }
    distance[at] = d;
    index[at] = r;
  }
}
