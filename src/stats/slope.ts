/**
 * Least-squares slopes from sufficient statistics: one group's slope with its standard
 * error, and the pooled within-group slope (a common slope with a separate intercept
 * per group: the fixed-effects estimate that holds the grouping constant).
 */
import { studentTTwoSided } from "./special.js";

/** Σ-statistics of (x, y) pairs, centred per group for numerical stability. */
export interface Moments {
  n: number;
  meanX: number;
  meanY: number;
  sxx: number;
  sxy: number;
  syy: number;
}

export function emptyMoments(): Moments {
  return { n: 0, meanX: 0, meanY: 0, sxx: 0, sxy: 0, syy: 0 };
}

/** Welford-style update of the co-moments. */
export function addPair(m: Moments, x: number, y: number): void {
  m.n++;
  const dx = x - m.meanX;
  const dy = y - m.meanY;
  m.meanX += dx / m.n;
  m.meanY += dy / m.n;
  m.sxx += dx * (x - m.meanX);
  m.syy += dy * (y - m.meanY);
  m.sxy += dx * (y - m.meanY);
}

export interface SlopeEstimate {
  readonly slope: number;
  readonly se: number;
  readonly df: number;
  readonly pValue: number;
  readonly low: number;
  readonly high: number;
  readonly correlation: number;
}

export function slopeOf(m: Moments, confidence = 0.95): SlopeEstimate {
  const slope = m.sxy / m.sxx;
  const df = m.n - 2;
  const rss = Math.max(0, m.syy - slope * m.sxy);
  return estimate(slope, Math.sqrt(rss / df / m.sxx), df, m.sxy / Math.sqrt(m.sxx * m.syy), confidence);
}

export function pooledSlope(groups: readonly Moments[], confidence = 0.95): SlopeEstimate {
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  let n = 0;
  for (const g of groups) {
    sxx += g.sxx;
    sxy += g.sxy;
    syy += g.syy;
    n += g.n;
  }
  const slope = sxy / sxx;
  const df = n - groups.length - 1;
  const rss = Math.max(0, syy - slope * sxy);
  return estimate(slope, Math.sqrt(rss / df / sxx), df, sxy / Math.sqrt(sxx * syy), confidence);
}

function estimate(slope: number, se: number, df: number, correlation: number, confidence: number): SlopeEstimate {
  const t = tQuantile(1 - (1 - confidence) / 2, df);
  return { slope, se, df, pValue: studentTTwoSided(slope / se, df), low: slope - t * se, high: slope + t * se, correlation };
}

/** Quantile of Student's t by bisection on the two-sided tail (60 halvings: far below double precision). */
export function tQuantile(p: number, df: number): number {
  const tail = 2 * (1 - p);
  let lo = 0;
  let hi = 1e3;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (studentTTwoSided(mid, df) > tail) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
