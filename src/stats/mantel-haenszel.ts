/**
 * Stratified analysis of 2 × 2 tables (Agresti, Categorical Data Analysis, §6.3):
 * the Mantel–Haenszel common odds ratio with the Robins–Breslow–Greenland confidence
 * interval, and the Cochran–Mantel–Haenszel test of conditional independence with
 * continuity correction (R's mantelhaen.test). Each table is [a, b, c, d]: exposure
 * level 1 with and without the outcome, then level 2 with and without it.
 */
import { normalQuantile } from "./normal.js";
import { chiSquaredSurvival } from "./special.js";

export interface MantelHaenszel {
  readonly oddsRatio: number;
  readonly low: number;
  readonly high: number;
  readonly statistic: number;
  readonly pValue: number;
}

export function mantelHaenszel(tables: readonly (readonly [number, number, number, number])[], confidence = 0.95): MantelHaenszel {
  let R = 0;
  let S = 0;
  let PR = 0;
  let PSQR = 0;
  let QS = 0;
  let observed = 0;
  let expected = 0;
  let variance = 0;
  for (const [a, b, c, d] of tables) {
    const n = a + b + c + d;
    if (n < 2) continue;
    const r = (a * d) / n;
    const s = (b * c) / n;
    const p = (a + d) / n;
    const q = (b + c) / n;
    R += r;
    S += s;
    PR += p * r;
    PSQR += p * s + q * r;
    QS += q * s;
    observed += a;
    expected += ((a + b) * (a + c)) / n;
    variance += ((a + b) * (c + d) * (a + c) * (b + d)) / (n * n * (n - 1));
  }
  const oddsRatio = R / S;
  const se = Math.sqrt(PR / (2 * R * R) + PSQR / (2 * R * S) + QS / (2 * S * S));
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const statistic = Math.max(0, Math.abs(observed - expected) - 0.5) ** 2 / variance;
  return {
    oddsRatio,
    low: Math.exp(Math.log(oddsRatio) - z * se),
    high: Math.exp(Math.log(oddsRatio) + z * se),
    statistic,
    pValue: chiSquaredSurvival(statistic, 1),
  };
}
