/**
 * The two-phase system on fixed probabilities, pure: a row goes to the large model when the
 * small model's top-class probability is below the cut. Accuracy and the share escalated
 * at any cut, and the least escalation that keeps accuracy within a tolerance of the large
 * model alone (exact, over every distinct cut, not a grid).
 */
import type { Matrix } from "../../data/matrix.js";

/** Each row's largest probability and whether the most probable class (first on ties) is the label. */
export function topAndRight(codes: Int32Array, proba: Matrix): { top: Float64Array; right: Uint8Array } {
  const n = codes.length;
  const top = new Float64Array(n);
  const right = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < proba.cols; c++) if (proba.data[c * n + i] > proba.data[best * n + i]) best = c;
    top[i] = proba.data[best * n + i];
    right[i] = best === codes[i] ? 1 : 0;
  }
  return { top, right };
}

export interface CascadeAt {
  readonly cut: number;
  readonly correct: number;
  readonly escalated: number;
}

/** Rows right and rows escalated at each cut (escalated: the small model's top probability < cut). */
export function cascadeAt(top: Float64Array, smallRight: Uint8Array, largeRight: Uint8Array, cuts: readonly number[]): CascadeAt[] {
  return cuts.map((cut) => {
    let correct = 0;
    let escalated = 0;
    for (let i = 0; i < top.length; i++) {
      if (top[i] < cut) {
        escalated++;
        correct += largeRight[i];
      } else correct += smallRight[i];
    }
    return { cut, correct, escalated };
  });
}

/** A cut above every probability: every row escalated. */
export const ESCALATE_ALL = 1.01;

/**
 * The smallest cut, among those that change which rows escalate, whose accuracy is at
 * least `floor`: rows sorted by the small model's confidence, the least sure escalated
 * first, stopping only between distinct probabilities. Escalating every row gives the large
 * model's own accuracy, so a floor at or below it is always met.
 */
export function leastEscalation(top: Float64Array, smallRight: Uint8Array, largeRight: Uint8Array, floor: number): CascadeAt {
  const n = top.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => top[a] - top[b]);
  let correct = 0;
  for (let i = 0; i < n; i++) correct += smallRight[i];
  // Tiny slack: accuracies are ratios of counts, and floor may be such a ratio minus a tolerance.
  const meets = (c: number) => c / n >= floor - 1e-12;
  for (let m = 0; m <= n; m++) {
    if (m === n || m === 0 || top[order[m - 1]] < top[order[m]]) {
      if (meets(correct)) return { cut: m === n ? ESCALATE_ALL : m === 0 ? 0 : top[order[m]], correct, escalated: m };
    }
    if (m < n) correct += largeRight[order[m]] - smallRight[order[m]];
  }
  return { cut: ESCALATE_ALL, correct, escalated: n };
}
