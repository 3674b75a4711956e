/**
 * The Breslow–Day test that a set of 2 × 2 tables share one odds ratio (Breslow and Day,
 * Statistical Methods in Cancer Research I, 1980, §4.4), optionally with Tarone's
 * correction; statsmodels' StratifiedTable.test_equal_odds. Each table is [a, b, c, d]
 * as in mantelHaenszel; `oddsRatio` is the pooled (Mantel–Haenszel) odds ratio. Under
 * that common odds ratio, each table's expected first cell solves a quadratic given its
 * margins; the squared deviations over their variances sum to a χ² with K − 1 df.
 */
import { chiSquaredSurvival } from "./special.js";

export interface Heterogeneity {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
}

export function breslowDay(tables: readonly (readonly [number, number, number, number])[], oddsRatio: number, tarone = false): Heterogeneity {
  const usable = tables.filter(([a, b, c, d]) => a + b + c + d >= 2);
  if (usable.length < 2 || !(oddsRatio > 0) || !Number.isFinite(oddsRatio)) return { statistic: NaN, df: Math.max(0, usable.length - 1), pValue: NaN };
  let statistic = 0;
  let observed = 0;
  let expected = 0;
  let variances = 0;
  for (const [a, b, c, d] of usable) {
    const apb = a + b;
    const apc = a + c;
    const dma = d - a;
    // (1 − r)·e² + (r·(apb + apc) + dma)·e − r·apb·apc = 0, whose root in range is the expected first cell.
    const qa = 1 - oddsRatio;
    const qb = oddsRatio * (apb + apc) + dma;
    const qc = -oddsRatio * apb * apc;
    const e = qa === 0 ? -qc / qb : (-qb + Math.sqrt(qb * qb - 4 * qa * qc)) / (2 * qa);
    const variance = 1 / (1 / e + 1 / (apc - e) + 1 / (apb - e) + 1 / (dma + e));
    statistic += (a - e) ** 2 / variance;
    observed += a;
    expected += e;
    variances += variance;
  }
  if (tarone) statistic -= (observed - expected) ** 2 / variances;
  const df = usable.length - 1;
  return { statistic, df, pValue: chiSquaredSurvival(statistic, df) };
}
