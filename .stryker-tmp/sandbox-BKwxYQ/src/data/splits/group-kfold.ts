// @ts-nocheck
import { Random } from "../../util/random.js";
import { complementFold, type Fold, rowsByLabel } from "./fold.js";

/**
 * k folds in which every group (a patient, a user, a store: rows that must not be split)
 * lies wholly in one test fold. Groups go, largest first, to the fold with the fewest
 * rows so far (scikit-learn's GroupKFold rule); a seed shuffles groups of equal size.
 */
export function groupKFold(groups: ArrayLike<number>, k: number, options: { seed?: number } = {}): Fold[] {
  const byGroup = rowsByLabel(groups).filter((rows) => rows.length > 0);
  if (byGroup.length < k) throw new RangeError(`group k-fold needs at least ${k} groups, found ${byGroup.length}`);
  const random = new Random(options.seed ?? 0);
  const order = random.permutation(byGroup.length);
  const sorted = [...order].sort((a, b) => byGroup[b].length - byGroup[a].length);
  const sizes = new Float64Array(k);
  const tests: number[][] = Array.from({ length: k }, () => []);
  for (const g of sorted) {
    let smallest = 0;
    for (let f = 1; f < k; f++) if (sizes[f] < sizes[smallest]) smallest = f;
    for (const row of byGroup[g]) tests[smallest].push(row);
    sizes[smallest] += byGroup[g].length;
  }
  return tests.map((test) => complementFold(groups.length, test));
}
