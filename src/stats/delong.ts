/**
 * ROC AUC with its standard error by DeLong, DeLong and Clarke-Pearson (1988): each
 * positive's placement among the negatives and each negative's among the positives (ties
 * count half); the AUC is their mean and its variance the placements' variances over the
 * group sizes. One sort, so it serves samples of millions where a bootstrap would refit
 * the AUC hundreds of times.
 */
import { normalQuantile } from "./normal.js";

export interface AucInterval {
  readonly auc: number;
  readonly standardError: number;
  readonly low: number;
  readonly high: number;
}

/** `positive[i]` is 1 for the positive class; a higher score means more positive. */
export function delongAuc(positive: ArrayLike<number>, scores: ArrayLike<number>, confidence = 0.95): AucInterval {
  const n = scores.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  for (let i = 0; i < n; i++) if (positive[i] === 1) positives++;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return { auc: NaN, standardError: NaN, low: NaN, high: NaN };
  // For each run of tied scores: negatives below the run (and half the tied ones) place each positive;
  // positives above the run (and half the tied ones) place each negative.
  const placement = new Float64Array(n);
  let negativesBelow = 0;
  let positivesBelow = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    let tiedPositives = 0;
    while (end < n && scores[order[end]] === scores[order[start]]) {
      if (positive[order[end]] === 1) tiedPositives++;
      end++;
    }
    const tiedNegatives = end - start - tiedPositives;
    for (let k = start; k < end; k++) {
      const row = order[k];
      placement[row] =
        positive[row] === 1
          ? (negativesBelow + tiedNegatives / 2) / negatives
          : (positives - positivesBelow - tiedPositives + tiedPositives / 2) / positives;
    }
    negativesBelow += tiedNegatives;
    positivesBelow += tiedPositives;
    start = end;
  }
  let sumPositive = 0;
  let sumNegative = 0;
  for (let i = 0; i < n; i++) if (positive[i] === 1) sumPositive += placement[i];
  else sumNegative += placement[i];
  const auc = sumPositive / positives;
  const meanNegative = sumNegative / negatives;
  let ssPositive = 0;
  let ssNegative = 0;
  for (let i = 0; i < n; i++) {
    if (positive[i] === 1) ssPositive += (placement[i] - auc) ** 2;
    else ssNegative += (placement[i] - meanNegative) ** 2;
  }
  const variance = (positives > 1 ? ssPositive / (positives - 1) / positives : 0) + (negatives > 1 ? ssNegative / (negatives - 1) / negatives : 0);
  const standardError = Math.sqrt(variance);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  return { auc, standardError, low: Math.max(0, auc - z * standardError), high: Math.min(1, auc + z * standardError) };
}
