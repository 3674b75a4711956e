// @ts-nocheck
import { describe, expect, it } from "vitest";
import { betaI, chiSquaredSurvival, gammaP, gammaQ, logGamma, studentTTwoSided } from "../../src/stats/special.js";
import { chiSquaredIndependence, welchTTest } from "../../src/stats/tests.js";
import { holm } from "../../src/stats/adjust.js";
import { python } from "../helpers/python.js";

// Reference: scipy.special / scipy.stats from the project's venv (version in each message).
describe("special functions against scipy", () => {
  const gammaArgs = [[0.5, 0.1], [1, 1], [2.5, 3], [10, 4], [10, 25], [50, 60], [0.7, 12], [3, 0.001]];
  const betaArgs = [[0.1, 2, 3], [0.5, 0.5, 0.5], [0.9, 5, 1.5], [0.3, 40, 60], [0.01, 0.5, 20]];
  const ref = python<{ lg: number[]; p: number[]; q: number[]; b: number[]; chi: number[]; t: number[] }>(`
from scipy import special, stats
g = ${JSON.stringify(gammaArgs)}
b = ${JSON.stringify(betaArgs)}
emit({
  "lg": [float(special.gammaln(x)) for x in [0.3, 1, 4.5, 17, 123.4]],
  "p": [float(special.gammainc(a, x)) for a, x in g],
  "q": [float(special.gammaincc(a, x)) for a, x in g],
  "b": [float(special.betainc(a, bb, x)) for x, a, bb in b],
  "chi": [float(stats.chi2.sf(x, df)) for x, df in [(3.84, 1), (20, 4), (100, 10), (0.5, 3)]],
  "t": [float(2 * stats.t.sf(abs(t), df)) for t, df in [(2.0, 5), (-3.5, 12.5), (0.1, 100), (8, 3)]],
})`);
  const close = (got: number, want: number, label: string) =>
    expect(Math.abs(got - want), `${label}: got ${got}, scipy ${ref.versions.scipy} says ${want}`).toBeLessThan(1e-12 + 1e-10 * Math.abs(want));

  it("logGamma", () => [0.3, 1, 4.5, 17, 123.4].forEach((x, i) => close(logGamma(x), ref.value.lg[i], `lgamma(${x})`)));
  it("regularized incomplete gamma P and Q", () => {
    gammaArgs.forEach(([a, x], i) => {
      close(gammaP(a, x), ref.value.p[i], `P(${a}, ${x})`);
      close(gammaQ(a, x), ref.value.q[i], `Q(${a}, ${x})`);
    });
  });
  it("regularized incomplete beta", () => betaArgs.forEach(([x, a, b], i) => close(betaI(x, a, b), ref.value.b[i], `I(${x}; ${a}, ${b})`)));
  it("chi-squared and t tail probabilities", () => {
    [[3.84, 1], [20, 4], [100, 10], [0.5, 3]].forEach(([x, df], i) => close(chiSquaredSurvival(x, df), ref.value.chi[i], `chi2.sf(${x}, ${df})`));
    [[2.0, 5], [-3.5, 12.5], [0.1, 100], [8, 3]].forEach(([t, df], i) => close(studentTTwoSided(t, df), ref.value.t[i], `t(${t}, ${df})`));
  });
});

describe("hypothesis tests against scipy.stats", () => {
  it("chi-squared independence matches chi2_contingency(correction=False)", () => {
    const table = [12, 30, 9, 40, 22, 51];
    const ref = python<[number, number, number]>(`
from scipy.stats import chi2_contingency
r = chi2_contingency([[12, 30, 9], [40, 22, 51]], correction=False)
emit([float(r[0]), float(r[1]), int(r[2])])`);
    const got = chiSquaredIndependence(table, 2, 3);
    expect(got.statistic).toBeCloseTo(ref.value[0], 10);
    expect(got.pValue).toBeCloseTo(ref.value[1], 12);
    expect(got.df).toBe(ref.value[2]);
  });

  it("Welch's t-test matches ttest_ind(equal_var=False)", () => {
    const a = [5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3];
    const b = [6.5, 6.9, 7.1, 6.0, 7.4, 6.8, 7.0, 7.7, 6.6];
    const ref = python<[number, number]>(`
from scipy.stats import ttest_ind
r = ttest_ind(${JSON.stringify(a)}, ${JSON.stringify(b)}, equal_var=False)
emit([float(r.statistic), float(r.pvalue)])`);
    const got = welchTTest(a, b);
    expect(got.statistic).toBeCloseTo(ref.value[0], 10);
    expect(got.pValue).toBeCloseTo(ref.value[1], 12);
  });

  it("Holm's adjustment matches the step-down definition (hand computation)", () => {
    // Sorted p: 0.01, 0.02, 0.03, 0.5 → ×4, ×3, ×2, ×1 → 0.04, 0.06, 0.06 (monotone), 0.5
    expect(holm([0.03, 0.5, 0.01, 0.02, NaN])).toEqual([0.06, 0.5, 0.04, 0.06, NaN]);
  });
});
