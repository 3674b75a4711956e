import { describe, expect, it } from "vitest";
import { mean, populationStd, sampleStd, variance } from "../../src/stats/summary.js";
import { python } from "../helpers/python.js";

describe("mean, variance and standard deviation", () => {
  it("match numpy's nanmean, nanvar and nanstd (ddof 0 and 1), far from zero too", () => {
    const samples = [
      [1, 2, 3, 4, 10],
      [1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4, 1e9 + 10],
      [0.1, NaN, 0.3, -7.5, NaN, 2.25, 1e-3],
      Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 1e6 + 3e8),
    ];
    const ref = python<number[][]>(
      `
import numpy as np
data = [np.array([np.nan if v is None else v for v in s], dtype=float) for s in json.load(sys.stdin)]
emit([[float(np.nanmean(d)), float(np.nanvar(d, ddof=1)), float(np.nanstd(d, ddof=1)), float(np.nanstd(d, ddof=0))] for d in data])`,
      JSON.stringify(samples.map((s) => s.map((v) => (Number.isNaN(v) ? null : v)))),
    );
    samples.forEach((s, i) => {
      const [m, v1, s1, s0] = ref.value[i];
      const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
      close(mean(s), m);
      close(variance(s), v1);
      close(sampleStd(Float64Array.from(s)), s1);
      close(populationStd(s), s0);
    });
  });

  it("says NaN when there are too few values, and skips NaN", () => {
    expect(mean([])).toBeNaN();
    expect(mean([NaN, NaN])).toBeNaN();
    expect(sampleStd([5])).toBeNaN();
    expect(populationStd([5])).toBe(0);
    expect(variance([2, NaN, 4], 0)).toBe(1);
    expect(variance([2, NaN, 4])).toBe(2);
  });
});
