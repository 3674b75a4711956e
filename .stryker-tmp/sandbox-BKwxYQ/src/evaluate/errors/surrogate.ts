/**
 * A depth-limited tree that explains where the errors are: each split is one predicate
 * "column = bin" against the rest, chosen to separate high-error rows from low-error ones
 * (the largest drop in the squared deviation of the errors). Built on the same bins as the
 * slice search, so its rules read the same way, and counted with one histogram per node.
 */
// @ts-nocheck

import type { BinnedColumn } from "./slice-line.js";

export interface SurrogateLeaf {
  /** The path from the root: column index, bin, and whether the row is in that bin. */
  readonly path: readonly (readonly [column: number, bin: number, inBin: boolean])[];
  readonly size: number;
  readonly meanError: number;
}

export function surrogateTree(columns: readonly BinnedColumn[], errors: Float64Array, maxDepth: number, minLeaf: number): SurrogateLeaf[] {
  const leaves: SurrogateLeaf[] = [];
  const grow = (rows: Int32Array, path: SurrogateLeaf["path"], depth: number): void => {
    let sum = 0;
    for (const r of rows) sum += errors[r];
    const best = depth < maxDepth ? bestSplit(columns, errors, rows, sum, minLeaf) : undefined;
    if (!best) {
      leaves.push({ path, size: rows.length, meanError: sum / rows.length });
      return;
    }
    const bins = columns[best.column].bins;
    const inside = rows.filter((r) => bins[r] === best.bin);
    const outside = rows.filter((r) => bins[r] !== best.bin);
    grow(inside, [...path, [best.column, best.bin, true]], depth + 1);
    grow(outside, [...path, [best.column, best.bin, false]], depth + 1);
  };
  grow(Int32Array.from(errors.keys()), [], 0);
  return leaves;
}

function bestSplit(columns: readonly BinnedColumn[], errors: Float64Array, rows: Int32Array, sum: number, minLeaf: number): { column: number; bin: number } | undefined {
  const n = rows.length;
  let best: { column: number; bin: number } | undefined;
  let bestGain = 1e-12;
  columns.forEach(({ bins, labels }, column) => {
    const count = new Int32Array(labels.length);
    const binSum = new Float64Array(labels.length);
    for (const r of rows) {
      count[bins[r]]++;
      binSum[bins[r]] += errors[r];
    }
    for (let bin = 0; bin < labels.length; bin++) {
      const left = count[bin];
      const right = n - left;
      if (left < minLeaf || right < minLeaf) continue;
      // Drop in the sum of squared deviations: S_l²/n_l + S_r²/n_r − S²/n.
      const gain = (binSum[bin] * binSum[bin]) / left + ((sum - binSum[bin]) * (sum - binSum[bin])) / right - (sum * sum) / n;
      if (gain > bestGain) [bestGain, best] = [gain, { column, bin }];
    }
  });
  return best;
}
