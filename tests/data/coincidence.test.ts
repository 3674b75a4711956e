import { describe, expect, it } from "vitest";
import { beyondChance, coincidenceProbabilities, expectedMatches } from "../../src/data/coincidence.js";

const keys = (values: number[]) => Float64Array.from(values);

describe("how often rows coincide by chance (hand computations)", () => {
  it("one column: the share of the other rows holding the same value", () => {
    // 10 rows: value 1 six times, 2 three times, 3 once. Row with 1: 5 of the 9 others; with 2: 2 of 9; with 3: none.
    const q = coincidenceProbabilities([keys([1, 1, 1, 1, 1, 1, 2, 2, 2, 3])], 10);
    expect([...q]).toEqual([5, 5, 5, 5, 5, 5, 2, 2, 2, 0].map((c) => c / 9));
  });

  it("columns that take few values together are read jointly; a fine column multiplies in its own frequency", () => {
    const n = 40;
    const a = keys(Array.from({ length: n }, (_, i) => i % 4));
    const b = keys(Array.from({ length: n }, (_, i) => (i % 4) * 10));
    const c = keys(Array.from({ length: n }, (_, i) => i % 5));
    // 20 patterns, each twice: the other copy is 1 of the 39 other rows (independent columns would say 9/39 · 7/39).
    expect([...coincidenceProbabilities([a, b, c], n)].every((p) => Math.abs(p - 1 / 39) < 1e-12)).toBe(true);
    const unique = keys(Array.from({ length: n }, (_, i) => i + 0.5));
    expect([...coincidenceProbabilities([a, unique], n)].every((p) => p === 0)).toBe(true);
  });

  it("rows copied wholesale do not make a fine column look coarse", () => {
    const once = Array.from({ length: 30 }, (_, i) => i * 1.37);
    const q = coincidenceProbabilities([keys([...once, ...once]), keys([...once, ...once].map((x) => x * x))], 60);
    // Each value appears twice, but only because the rows are copies: 1/59 per column, not 1 for the pair.
    expect(q[0]).toBeCloseTo(1 / 59 / 59, 12);
  });

  it("expected matches: 1 − (1 − q)^n summed over the test rows; excess beyond 10% and three Poisson sds", () => {
    expect(expectedMatches(Float64Array.of(0.5, 0, 1), [0, 1, 2], 2)).toBeCloseTo(0.75 + 0 + 1, 12);
    expect(beyondChance(100, 100)).toBe(0);
    expect(beyondChance(100 + 10 + 30 + 1.5, 100)).toBeCloseTo(41.5, 12);
    expect(beyondChance(141, 100)).toBe(0);
  });
});
