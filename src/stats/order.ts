/**
 * The permutation that sorts numbers ascending (numpy's argsort, ties in any order).
 * Sorting indices through a comparator costs about three times a native sort of the
 * values, so the values are sorted natively and each index finds its place by binary
 * search, tied values taking consecutive places. NaN values fall back to the comparator.
 */
export function ascendingOrder(values: ArrayLike<number>): Int32Array {
  const n = values.length;
  const sorted = Float64Array.from(values);
  for (let i = 0; i < n; i++) if (sorted[i] !== sorted[i]) return Int32Array.from({ length: n }, (_, j) => j).sort((a, b) => values[a] - values[b] || a - b);
  sorted.sort();
  const order = new Int32Array(n);
  // taken[p] counts the indices already placed in the run of values equal to sorted[p], p its first place.
  const taken = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    let low = 0;
    let high = n;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (sorted[mid] < v) low = mid + 1;
      else high = mid;
    }
    order[low + taken[low]++] = i;
  }
  return order;
}
