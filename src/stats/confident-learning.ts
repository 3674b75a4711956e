/**
 * Confident learning (Northcutt, Jiang and Chuang, 2021): which given labels disagree
 * with out-of-fold probabilities confidently enough to be called label errors. Written to
 * follow cleanlab 2.x `filter.find_label_issues` with its default `filter_by =
 * "prune_by_noise_rate"` step by step, so the two flag the same rows on the same
 * probabilities (tests/label/label-issues.test.ts checks it):
 *
 * 1. per class k, a threshold t_k = the mean probability of k over rows labelled k;
 * 2. the confident joint C[given][true]: each row counted under the class whose probability
 *    clears its threshold (the most probable one when several do; rows clearing none are
 *    not counted), the diagonal at least 1;
 * 3. calibrated: each row of C scaled to the given label's count, rounded keeping row sums;
 * 4. for each given class k and each other class j, the C[k][j] rows labelled k with the
 *    largest margin p_j − p_k are flagged;
 * 5. rows whose most probable class is their given one are never flagged.
 *
 * Probabilities are a column-major matrix (`data[c * rows + i]`), codes 0..cols-1.
 */

/** cleanlab's fuzz for comparing probabilities with thresholds, and its lower bound for a threshold. */
const FUZZ = 1e-6;
const THRESHOLD_FLOOR = 2 * FUZZ;
const TINY = 1e-100;

export interface ProbabilityMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export interface ConfidentLearning {
  /** Per class, the mean probability of the class over the rows labelled with it (2 for a class without rows). */
  readonly thresholds: Float64Array;
  /** Rows counted per (given, true) pair, before calibration; [given][true]. */
  readonly confidentJoint: readonly (readonly number[])[];
  /** The confident joint calibrated to the given labels' counts (row k sums to the rows labelled k; all sum to n). */
  readonly calibratedJoint: readonly (readonly number[])[];
  /** 1 where the row's label is flagged as an issue. */
  readonly issues: Uint8Array;
}

export function confidentThresholds(codes: Int32Array, proba: ProbabilityMatrix): Float64Array {
  const { rows: n, cols: k, data } = proba;
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sums[codes[i]] += data[codes[i] * n + i];
    counts[codes[i]]++;
  }
  return Float64Array.from(sums, (s, c) => Math.max(THRESHOLD_FLOOR, counts[c] > 0 ? s / counts[c] : 2));
}

/** numpy's round: halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Rounds to whole numbers keeping the (rounded) sum, moving the largest remainders first, as cleanlab's `round_preserving_sum`. */
export function roundPreservingSum(values: readonly number[]): number[] {
  const ints = values.map(roundHalfEven);
  const total = roundHalfEven(values.reduce((a, b) => a + b, 0));
  let intTotal = roundHalfEven(ints.reduce((a, b) => a + b, 0));
  while (Math.abs(intTotal - total) > FUZZ) {
    const diff = roundHalfEven(total - intTotal);
    const increment = diff < 0 ? -1 : 1;
    const changes = Math.min(Math.abs(diff), values.length);
    const order = values.map((_, i) => i).sort((a, b) => values[a] - ints[a] - (values[b] - ints[b]) || a - b);
    if (increment > 0) order.reverse();
    for (const i of order.slice(0, changes)) ints[i] += increment;
    intTotal = roundHalfEven(ints.reduce((a, b) => a + b, 0));
  }
  return ints;
}

/** Step 2: the confident joint, [given][true]. */
export function confidentJoint(codes: Int32Array, proba: ProbabilityMatrix, thresholds: Float64Array): number[][] {
  const { rows: n, cols: k, data } = proba;
  const joint = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < n; i++) {
    let confident = 0;
    let first = -1;
    let best = 0;
    for (let c = 0; c < k; c++) {
      const p = data[c * n + i];
      if (p >= thresholds[c] - FUZZ) {
        confident++;
        if (first < 0) first = c;
      }
      if (p > data[best * n + i]) best = c;
    }
    if (confident === 0) continue;
    joint[codes[i]][confident === 1 ? first : best]++;
  }
  for (let c = 0; c < k; c++) joint[c][c] = Math.max(1, joint[c][c]);
  return joint;
}

/** Step 3: rows scaled to the label counts, the whole to n, rounded keeping each row's sum. */
export function calibrateJoint(joint: readonly (readonly number[])[], labelCounts: ArrayLike<number>): number[][] {
  const k = joint.length;
  const scaled = joint.map((row, g) => {
    const sum = Math.max(TINY, row.reduce((a, b) => a + b, 0));
    return row.map((v) => (v / sum) * labelCounts[g]);
  });
  let total = 0;
  let n = 0;
  for (let g = 0; g < k; g++) {
    n += labelCounts[g];
    for (let t = 0; t < k; t++) total += scaled[g][t];
  }
  return scaled.map((row) => roundPreservingSum(row.map((v) => (v / Math.max(TINY, total)) * n)));
}

/** cleanlab's `_keep_at_least_n_per_class` with n = 1 and no noise fraction: [true][given], whole counts. */
function pruneCounts(calibrated: readonly (readonly number[])[]): number[][] {
  const k = calibrated.length;
  const prune = Array.from({ length: k }, (_, t) => Array.from({ length: k }, (_, g) => calibrated[g][t]));
  for (let g = 0; g < k; g++) {
    const raise = Math.max(prune[g][g], 1) - prune[g][g];
    if (raise === 0) continue;
    let nonzero = 0;
    for (let t = 0; t < k; t++) if (prune[t][g] !== 0) nonzero++;
    const share = raise / Math.max(nonzero - 1, 1);
    for (let t = 0; t < k; t++) prune[t][g] = t === g ? prune[g][g] + raise : Math.max(0, Math.trunc(prune[t][g] - share));
  }
  return prune;
}

/** The column of the largest value in row i (the first on ties), with `bonus` added to column `favoured`. */
function argmaxRow(proba: ProbabilityMatrix, i: number, favoured = -1, bonus = 0): number {
  const { rows: n, cols: k, data } = proba;
  let best = 0;
  let bestValue = data[i] + (favoured === 0 ? bonus : 0);
  for (let c = 1; c < k; c++) {
    const v = data[c * n + i] + (c === favoured ? bonus : 0);
    if (v > bestValue) [best, bestValue] = [c, v];
  }
  return best;
}

export function confidentLearning(codes: Int32Array, proba: ProbabilityMatrix): ConfidentLearning {
  const { rows: n, cols: k, data } = proba;
  const thresholds = confidentThresholds(codes, proba);
  const joint = confidentJoint(codes, proba, thresholds);
  const byClass: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) byClass[codes[i]].push(i);
  const calibrated = calibrateJoint(joint, byClass.map((rows) => rows.length));
  const prune = pruneCounts(calibrated);
  const issues = new Uint8Array(n);
  for (let g = 0; g < k; g++) {
    const rows = byClass[g];
    if (rows.length <= 1) continue;
    const margin = new Float64Array(rows.length);
    for (let t = 0; t < k; t++) {
      const count = prune[t][g];
      if (t === g || count <= 0) continue;
      rows.forEach((i, r) => (margin[r] = data[t * n + i] - data[g * n + i]));
      // The `count` largest margins; among rows tied at the cut, the earliest (a native numeric sort finds the cut).
      const cut = count >= rows.length ? -Infinity : Float64Array.from(margin).sort()[rows.length - count];
      let above = 0;
      for (let r = 0; r < rows.length; r++) if (margin[r] > cut) above++;
      let tied = count - above;
      for (let r = 0; r < rows.length; r++) {
        if (margin[r] > cut || (margin[r] === cut && tied-- > 0)) issues[rows[r]] = 1;
      }
    }
  }
  for (let i = 0; i < n; i++) if (issues[i] && argmaxRow(proba, i, codes[i], FUZZ) === codes[i]) issues[i] = 0;
  return { thresholds, confidentJoint: joint, calibratedJoint: calibrated, issues };
}

/** The probability the model gives each row's own label (cleanlab's "self-confidence"). */
export function selfConfidence(codes: Int32Array, proba: ProbabilityMatrix): Float64Array {
  return Float64Array.from(codes, (c, i) => proba.data[c * proba.rows + i]);
}

/** (p_given − the largest other p + 1) / 2, cleanlab's "normalized margin": low when another class is much more probable. */
export function normalizedMargin(codes: Int32Array, proba: ProbabilityMatrix): Float64Array {
  const { rows: n, cols: k, data } = proba;
  return Float64Array.from(codes, (g, i) => {
    let other = -Infinity;
    for (let c = 0; c < k; c++) if (c !== g && data[c * n + i] > other) other = data[c * n + i];
    return (data[g * n + i] - other + 1) / 2;
  });
}
