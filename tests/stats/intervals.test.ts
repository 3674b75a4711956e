import { describe, expect, it } from "vitest";
import { bootstrap, quantileSorted, wilson } from "../../src/stats/intervals.js";
import { normalQuantile } from "../../src/stats/normal.js";
import { python } from "../helpers/python.js";

describe("Wilson interval", () => {
  const cases = [[8, 10], [0, 25], [25, 25], [137, 400], [1, 3]];
  const ref = python<number[][]>(`
from scipy.stats import binomtest
emit([list(binomtest(k, n).proportion_ci(confidence_level=c, method="wilson")) for k, n in ${JSON.stringify(cases)} for c in (0.9, 0.95)])`);

  it("matches scipy's binomtest(...).proportion_ci(method='wilson')", () => {
    let i = 0;
    for (const [k, n] of cases) {
      for (const c of [0.9, 0.95]) {
        const got = wilson(k, n, c);
        const [low, high] = ref.value[i++];
        expect(got.low, `${k}/${n} at ${c} (scipy ${ref.versions.scipy})`).toBeCloseTo(low, 9);
        expect(got.high).toBeCloseTo(high, 9);
      }
    }
  });
});

describe("normal quantile", () => {
  const ps = [1e-10, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999999];
  const ref = python<number[]>(`
from scipy.stats import norm
emit([float(norm.ppf(p)) for p in ${JSON.stringify(ps)}])`);
  it("matches scipy.stats.norm.ppf", () => ps.forEach((p, i) => expect(normalQuantile(p)).toBeCloseTo(ref.value[i], 10)));
});

describe("bootstrap", () => {
  it("is reproducible for a seed and differs across seeds", () => {
    const values = Float64Array.from({ length: 200 }, (_, i) => (i % 7) / 7);
    const mean = (rows: Int32Array) => rows.reduce((s, r) => s + values[r], 0) / rows.length;
    const a = bootstrap(200, mean, { seed: 1, resamples: 300 });
    const b = bootstrap(200, mean, { seed: 1, resamples: 300 });
    const c = bootstrap(200, mean, { seed: 2, resamples: 300 });
    expect([a.low, a.high]).toEqual([b.low, b.high]);
    expect([a.low, a.high]).not.toEqual([c.low, c.high]);
  });

  it("agrees with the normal approximation for a mean of 0/1 outcomes", () => {
    // 1000 outcomes with 300 successes: standard error sqrt(0.3·0.7/1000) = 0.01449.
    const outcomes = Uint8Array.from({ length: 1000 }, (_, i) => (i < 300 ? 1 : 0));
    const mean = (rows: Int32Array) => rows.reduce((s, r) => s + outcomes[r], 0) / rows.length;
    const interval = bootstrap(1000, mean, { seed: 3, resamples: 2000 });
    const halfWidth = 1.959964 * Math.sqrt((0.3 * 0.7) / 1000);
    expect(interval.low).toBeCloseTo(0.3 - halfWidth, 2);
    expect(interval.high).toBeCloseTo(0.3 + halfWidth, 2);
  });

  it("uses numpy's linear quantile rule", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([5], 0.9)).toBe(5);
  });
});
