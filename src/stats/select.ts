/**
 * Order statistics without sorting: quickselect (Hoare's FIND) in O(n) on a copy of the
 * present (non-NaN) values. The median and quantiles use numpy's "linear" rule.
 */
export function presentValues(values: Float64Array): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) count++;
  if (count === values.length) return values.slice();
  const out = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) out[k++] = values[i];
  return out;
}

/** The k-th smallest value (0-based); reorders `values`. */
export function selectInPlace(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    const pivot = values[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i++] = values[j];
        values[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k];
}

/** The q-quantile of the present values (linear interpolation), NaN when there are none. */
export function quantile(values: Float64Array, q: number): number {
  const present = presentValues(values);
  if (present.length === 0) return NaN;
  const position = (present.length - 1) * q;
  const below = Math.floor(position);
  const low = selectInPlace(present, below);
  if (below === position) return low;
  // The next order statistic is the smallest value above position `below`.
  let next = Infinity;
  for (let i = below + 1; i < present.length; i++) if (present[i] < next) next = present[i];
  return low + (next - low) * (position - below);
}
