// @ts-nocheck
import { describe, expect, it } from "vitest";
import { Random } from "../../src/util/random.js";
import { chiSquaredSurvival } from "../../src/stats/special.js";

describe("Random", () => {
  it("gives the same stream for the same seed and a different one otherwise", () => {
    const a = new Random(123);
    const b = new Random(123);
    const c = new Random(124);
    const draw = (r: Random) => Array.from({ length: 5 }, () => r.nextUint32());
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
  });

  it("draws integers uniformly (chi-squared goodness of fit)", () => {
    const r = new Random(5);
    const counts = new Float64Array(10);
    for (let i = 0; i < 100_000; i++) counts[r.int(10)]++;
    const statistic = counts.reduce((s, c) => s + (c - 10_000) ** 2 / 10_000, 0);
    expect(chiSquaredSurvival(statistic, 9)).toBeGreaterThan(0.001);
  });

  it("draws standard normals with mean 0 and variance 1", () => {
    const r = new Random(9);
    let sum = 0;
    let squares = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      sum += z;
      squares += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.02);
  });

  it("permutes without losing or repeating anything", () => {
    const p = new Random(1).permutation(1000);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });
});
