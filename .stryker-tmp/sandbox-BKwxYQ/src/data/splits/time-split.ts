// @ts-nocheck
import { type Fold } from "./fold.js";

export interface TimeSplitOptions {
  readonly folds: number;
  /** "expanding" trains on everything before the test block; "sliding" on the last `maxTrainSize` rows. */
  readonly window?: "expanding" | "sliding";
  /** Rows left out between train and test, so that nothing close to the test period leaks into training. */
  readonly gap?: number;
  /** Rows per test block; default n / (folds + 1). */
  readonly testSize?: number;
  readonly maxTrainSize?: number;
}

/**
 * Time-ordered folds over rows already sorted by time (`order` gives that sort when
 * the data are not): consecutive test blocks at the end, each trained only on rows
 * before it, minus the gap. Index arithmetic follows scikit-learn's TimeSeriesSplit.
 */
export function timeSplit(n: number, options: TimeSplitOptions, order?: ArrayLike<number>): Fold[] {
  const { folds } = options;
  const gap = options.gap ?? 0;
  const testSize = options.testSize ?? Math.floor(n / (folds + 1));
  const window = options.window ?? "expanding";
  const maxTrain = window === "sliding" ? (options.maxTrainSize ?? testSize * 2) : (options.maxTrainSize ?? Infinity);
  if (testSize * folds + gap >= n) {
    throw new RangeError(`${folds} time folds of ${testSize} rows with a gap of ${gap} need more than ${n} rows`);
  }
  const at = (i: number) => (order ? order[i] : i);
  const result: Fold[] = [];
  for (let f = 0; f < folds; f++) {
    const testStart = n - (folds - f) * testSize;
    const trainEnd = testStart - gap;
    const trainStart = Math.max(0, trainEnd - maxTrain);
    const train = Int32Array.from({ length: trainEnd - trainStart }, (_, i) => at(trainStart + i));
    const test = Int32Array.from({ length: testSize }, (_, i) => at(testStart + i));
    result.push({ train, test });
  }
  return result;
}
