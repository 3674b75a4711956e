/**
 * How many of each fold's test rows share a key (a row's values, its group, ...) with one of
 * that fold's training rows, or come earlier in time than its latest training row.
 */
// @ts-nocheck

import type { Fold } from "../../data/splits/fold.js";

/** Test rows (summed over folds) whose key also occurs among the fold's training rows. */
export function testRowsSharingKeys(keys: ArrayLike<number>, folds: readonly Fold[]): number {
  const inTraining = new Map<number, number>();
  let shared = 0;
  for (const { train, test } of folds) {
    inTraining.clear();
    for (const row of train) inTraining.set(keys[row], 1);
    for (const row of test) if (inTraining.has(keys[row])) shared++;
  }
  return shared;
}

/** Test rows (summed over folds) that are earlier than the fold's latest training row. */
export function testRowsBeforeTraining(times: Float64Array, folds: readonly Fold[]): number {
  let earlier = 0;
  for (const { train, test } of folds) {
    let latest = -Infinity;
    for (const row of train) if (times[row] > latest) latest = times[row];
    for (const row of test) if (times[row] < latest) earlier++;
  }
  return earlier;
}
