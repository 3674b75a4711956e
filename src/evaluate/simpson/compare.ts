/**
 * The three comparisons behind Simpson's paradox, each computed overall and within
 * every group in one pass over typed arrays:
 * - rates: a binary outcome between two treatment levels; within-group strength from
 *   the Mantel–Haenszel odds ratio and the Cochran–Mantel–Haenszel test;
 * - means: a numeric outcome between two levels; within-group strength from the
 *   inverse-variance pooled difference;
 * - slopes: a numeric outcome against a numeric treatment; within-group strength from
 *   the pooled (fixed-effects) slope.
 * A group counts only if it meets the minimum size; it is "reversed" when its effect
 * has the opposite sign to the aggregate and is at least the minimum effect.
 */
import { mantelHaenszel } from "../../stats/mantel-haenszel.js";
import { normalCdf, normalQuantile } from "../../stats/normal.js";
import { addPair, emptyMoments, type Moments, pooledSlope, slopeOf } from "../../stats/slope.js";
import { chiSquaredIndependence, welchTTest } from "../../stats/tests.js";
import { variance } from "../../stats/summary.js";
import { breslowDay } from "../../stats/breslow-day.js";
import type { ComparisonResult, Effect, GroupEffect, Within } from "./types.js";

export interface CompareOptions {
  readonly minGroupSize: number;
  readonly minEffect: number;
}

const Z95 = normalQuantile(0.975);

function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

function flag(aggregate: number, effect: number, size: number, qualifies: boolean, options: CompareOptions): boolean {
  return qualifies && sign(effect) !== 0 && sign(effect) !== sign(aggregate) && size >= options.minEffect;
}

/** outcome: 0/1/−1 (missing); arm: 0 reference, 1 comparison, −1 neither; group: code or −1. */
export function compareRates(outcome: Int8Array, arm: Int8Array, group: Int32Array, labels: readonly string[], weights: Float64Array | undefined, options: CompareOptions): ComparisonResult {
  const G = labels.length;
  // cells[(g·2 + arm)·2 + outcome]: weighted counts.
  const cells = new Float64Array(G * 4);
  const total = new Float64Array(4);
  for (let i = 0; i < outcome.length; i++) {
    const a = arm[i];
    const o = outcome[i];
    if (a < 0 || o < 0) continue;
    const w = weights ? weights[i] : 1;
    total[a * 2 + o] += w;
    const g = group[i];
    if (g >= 0) cells[(g * 2 + a) * 2 + o] += w;
  }
  const rate = (pos: number, neg: number) => pos / (pos + neg);
  const aggregate = rateDifference(total[1], total[0], total[3], total[2]);
  const tables: [number, number, number, number][] = [];
  const groups: GroupEffect[] = labels.map((label, g) => {
    const [refNeg, refPos, cmpNeg, cmpPos] = [cells[g * 4], cells[g * 4 + 1], cells[g * 4 + 2], cells[g * 4 + 3]];
    const n = refNeg + refPos + cmpNeg + cmpPos;
    const qualifies = refNeg + refPos >= options.minGroupSize && cmpNeg + cmpPos >= options.minGroupSize;
    if (refNeg + refPos > 0 && cmpNeg + cmpPos > 0) tables.push([cmpPos, cmpNeg, refPos, refNeg]);
    const effect = rateDifference(refPos, refNeg, cmpPos, cmpNeg);
    return { label, n, reference: rate(refPos, refNeg), comparison: rate(cmpPos, cmpNeg), ...effect, size: Math.abs(effect.effect), qualifies, reversed: flag(aggregate.effect, effect.effect, Math.abs(effect.effect), qualifies, options) };
  });
  const mh = mantelHaenszel(tables);
  const within: Within = {
    size: Math.abs(riskDifference(tables)),
    measure: "odds ratio",
    estimate: mh.oddsRatio,
    effect: Math.log(mh.oddsRatio),
    low: mh.low,
    high: mh.high,
    pValue: mh.pValue,
    statistic: mh.statistic,
    heterogeneity: breslowDay(tables, mh.oddsRatio),
  };
  return {
    comparison: "rates",
    aggregate: { ...aggregate, reference: rate(total[1], total[0]), comparison: rate(total[3], total[2]), n: total.reduce((a, b) => a + b, 0), size: Math.abs(aggregate.effect) },
    within,
    groups,
  };
}

/** The Mantel–Haenszel common risk difference (comparison − reference), weights n₁n₀/n per table. */
function riskDifference(tables: readonly (readonly [number, number, number, number])[]): number {
  let num = 0;
  let den = 0;
  for (const [a, b, c, d] of tables) {
    const n1 = a + b;
    const n0 = c + d;
    if (n1 <= 0 || n0 <= 0) continue;
    const w = (n1 * n0) / (n1 + n0);
    num += w * (a / n1 - c / n0);
    den += w;
  }
  return num / den;
}

/** Difference in proportions with a normal-approximation interval and the chi-squared p-value. */
function rateDifference(refPos: number, refNeg: number, cmpPos: number, cmpNeg: number): Effect {
  const n1 = refPos + refNeg;
  const n2 = cmpPos + cmpNeg;
  const p1 = refPos / n1;
  const p2 = cmpPos / n2;
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const pValue = n1 > 0 && n2 > 0 ? chiSquaredIndependence([refPos, refNeg, cmpPos, cmpNeg], 2, 2).pValue : NaN;
  return { effect: p2 - p1, low: p2 - p1 - Z95 * se, high: p2 - p1 + Z95 * se, pValue };
}

export function compareMeans(values: Float64Array, arm: Int8Array, group: Int32Array, labels: readonly string[], options: CompareOptions): ComparisonResult {
  const split = (keep: (i: number) => boolean) => {
    const ref: number[] = [];
    const cmp: number[] = [];
    for (let i = 0; i < values.length; i++) {
      if (arm[i] < 0 || values[i] !== values[i] || !keep(i)) continue;
      (arm[i] === 0 ? ref : cmp).push(values[i]);
    }
    return { ref, cmp };
  };
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const effectOf = (ref: number[], cmp: number[]): Effect & { se: number; d: number } => {
    const test = welchTTest(cmp, ref);
    const diff = mean(cmp) - mean(ref);
    const se = Math.abs(diff / test.statistic);
    const pooledSd = Math.sqrt(((variance(ref) || 0) * (ref.length - 1) + (variance(cmp) || 0) * (cmp.length - 1)) / (ref.length + cmp.length - 2));
    return { effect: diff, low: diff - Z95 * se, high: diff + Z95 * se, pValue: test.pValue, se, d: diff / pooledSd };
  };
  const all = split(() => true);
  const aggregate = effectOf(all.ref, all.cmp);
  let weightSum = 0;
  let weighted = 0;
  let squares = 0;
  let dof = 0;
  const groups: GroupEffect[] = labels.map((label, g) => {
    const { ref, cmp } = split((i) => group[i] === g);
    for (const xs of [ref, cmp]) {
      if (xs.length < 2) continue;
      squares += variance(xs) * (xs.length - 1);
      dof += xs.length - 1;
    }
    const qualifies = ref.length >= Math.max(2, options.minGroupSize) && cmp.length >= Math.max(2, options.minGroupSize);
    if (ref.length < 2 || cmp.length < 2) {
      return { label, n: ref.length + cmp.length, reference: NaN, comparison: NaN, effect: NaN, low: NaN, high: NaN, pValue: NaN, size: 0, qualifies: false, reversed: false };
    }
    const e = effectOf(ref, cmp);
    if (e.se > 0) {
      weightSum += 1 / (e.se * e.se);
      weighted += e.effect / (e.se * e.se);
    }
    return { label, n: ref.length + cmp.length, reference: mean(ref), comparison: mean(cmp), effect: e.effect, low: e.low, high: e.high, pValue: e.pValue, size: Math.abs(e.d), qualifies, reversed: flag(aggregate.effect, e.effect, Math.abs(e.d), qualifies, options) };
  });
  const pooled = weighted / weightSum;
  const se = 1 / Math.sqrt(weightSum);
  // On Cohen's d's scale: the pooled difference over the standard deviation within group and arm.
  const within: Within = { size: Math.abs(pooled) / Math.sqrt(squares / dof), measure: "mean difference", estimate: pooled, effect: pooled, low: pooled - Z95 * se, high: pooled + Z95 * se, pValue: 2 * (1 - normalCdf(Math.abs(pooled / se))) };
  return {
    comparison: "means",
    aggregate: { effect: aggregate.effect, low: aggregate.low, high: aggregate.high, pValue: aggregate.pValue, reference: mean(all.ref), comparison: mean(all.cmp), n: all.ref.length + all.cmp.length, size: Math.abs(aggregate.d) },
    within,
    groups,
  };
}


export function compareSlopes(x: Float64Array, y: Float64Array, group: Int32Array, labels: readonly string[], options: CompareOptions): ComparisonResult {
  const overall = emptyMoments();
  const moments: Moments[] = labels.map(() => emptyMoments());
  const lowX = new Float64Array(labels.length + 1).fill(Infinity);
  const highX = new Float64Array(labels.length + 1).fill(-Infinity);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    const yi = y[i];
    const g = group[i];
    if (xi !== xi || yi !== yi || g < 0) continue;
    addPair(overall, xi, yi);
    addPair(moments[g], xi, yi);
    if (xi < lowX[g]) lowX[g] = xi;
    if (xi > highX[g]) highX[g] = xi;
  }
  const lineOf = (m: Moments, slope: number, x0: number, x1: number): [number, number, number, number] => [
    x0,
    m.meanY + slope * (x0 - m.meanX),
    x1,
    m.meanY + slope * (x1 - m.meanX),
  ];
  const aggregate = slopeOf(overall);
  const usable = moments.filter((m) => m.n >= 3 && m.sxx > 0);
  const pooled = pooledSlope(usable);
  const groups: GroupEffect[] = labels.map((label, g) => {
    const m = moments[g];
    if (m.n < 3 || m.sxx <= 0) {
      return { label, n: m.n, reference: NaN, comparison: NaN, effect: NaN, low: NaN, high: NaN, pValue: NaN, size: 0, qualifies: false, reversed: false };
    }
    const s = slopeOf(m);
    const qualifies = m.n >= Math.max(3, options.minGroupSize);
    return {
      label,
      n: m.n,
      reference: NaN,
      comparison: NaN,
      effect: s.slope,
      low: s.low,
      high: s.high,
      pValue: s.pValue,
      size: Math.abs(s.correlation),
      qualifies,
      reversed: flag(aggregate.slope, s.slope, Math.abs(s.correlation), qualifies, options),
      line: lineOf(m, s.slope, lowX[g], highX[g]),
    };
  });
  return {
    comparison: "slopes",
    aggregate: {
      effect: aggregate.slope,
      low: aggregate.low,
      high: aggregate.high,
      pValue: aggregate.pValue,
      reference: NaN,
      comparison: NaN,
      n: overall.n,
      size: Math.abs(aggregate.correlation),
      line: lineOf(overall, aggregate.slope, Math.min(...lowX), Math.max(...highX)),
    },
    // The pooled slope's correlation is the partial correlation given the groups.
    within: { size: Math.abs(pooled.correlation), measure: "slope", estimate: pooled.slope, effect: pooled.slope, low: pooled.low, high: pooled.high, pValue: pooled.pValue },
    groups,
  };
}

/** The aggregate on the within-group estimate's scale: its log odds ratio for rates, else its difference or slope. */
function aggregateOnWithinScale(result: ComparisonResult): number {
  if (result.comparison !== "rates") return result.aggregate.effect;
  const { reference: r, comparison: c } = result.aggregate;
  return Math.log(c / (1 - c) / (r / (1 - r)));
}

/** Holding the groups fixed points the other way, whatever the sizes: a flip of direction. */
export function isFlip(result: ComparisonResult): boolean {
  return sign(result.within.effect) !== 0 && sign(result.aggregate.effect) !== 0 && sign(result.within.effect) !== sign(result.aggregate.effect);
}

/**
 * Simpson's paradox: holding the groups fixed points the other way, the aggregate and the
 * pooled within-group association are both at least the minimum effect, some real group shows
 * it, and the aggregate lies outside the within-group estimate's 95% interval (the two differ
 * credibly: with a treatment unrelated to the groups they agree up to noise).
 */
export function isReversal(result: ComparisonResult, options: CompareOptions): boolean {
  const { aggregate, within } = result;
  const outside = (x: number) => x < Math.log(within.low) || x > Math.log(within.high);
  const aggregateOutside = result.comparison === "rates" ? outside(aggregateOnWithinScale(result)) : aggregate.effect < within.low || aggregate.effect > within.high;
  return isFlip(result) && aggregate.size >= options.minEffect && within.size >= options.minEffect && aggregateOutside && result.groups.some((g) => g.reversed);
}
