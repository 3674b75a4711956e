// @ts-nocheck
import { describe, expect, it } from "vitest";
import { fairness } from "../../src/evaluate/fairness.js";
import { invariance } from "../../src/evaluate/invariance.js";
import { Random } from "../../src/util/random.js";

/** Outcome fully determined by x (so a model predicts it perfectly); group "b" has x shifted up, so a higher base rate. */
function perfectlyPredictable(n: number, seed: number) {
  const random = new Random(seed);
  return Array.from({ length: n }, (_, i) => {
    const group = i % 2 === 0 ? "a" : "b";
    const x = random.normal() + (group === "b" ? 0.8 : 0);
    return { x, group, outcome: x > 0.5 ? "yes" : "no" };
  });
}

describe("fairness", () => {
  it("with perfect predictions: demographic parity difference = the gap in base rates, equalized odds difference = 0 (hand computation)", async () => {
    const rows = perfectlyPredictable(2000, 1);
    const rate = (g: string) => rows.filter((r) => r.group === g && r.outcome === "yes").length / rows.filter((r) => r.group === g).length;
    const result = await fairness(rows.map(({ group, ...r }) => ({ ...r, group })), { target: "outcome", sensitive: "group", positive: "yes", model: "tree" });
    expect(result.data.demographicParity.value).toBeCloseTo(Math.abs(rate("b") - rate("a")), 2);
    expect(result.data.equalizedOdds.value).toBeLessThan(0.02);
    expect(result.data.demographicParity.low).toBeGreaterThan(0.1);
    expect(result.data.groups.map((g) => g.group)).toEqual(["a", "b"]);
    expect(result.data.disparateImpactRatio).toBeCloseTo(Math.min(rate("a"), rate("b")) / Math.max(rate("a"), rate("b")), 1);
    expect(result.verdict.level).not.toBe("ok");
  }, 60_000);

  it("finds no difference when groups are alike", async () => {
    const random = new Random(2);
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const x = random.normal();
      return { x, group: i % 3 === 0 ? "p" : "q", outcome: x + 0.5 * random.normal() > 0.3 ? "yes" : "no" };
    });
    const result = await fairness(rows, { target: "outcome", sensitive: "group", positive: "yes" });
    expect(result.verdict.level).toBe("ok");
    expect(result.data.demographicParity.value).toBeLessThan(0.1);
  }, 60_000);

  it("names what is wrong with bad input", async () => {
    const rows = perfectlyPredictable(100, 3);
    await expect(fairness(rows, { target: "outcome" })).rejects.toThrowError(/fairness: invalid sensitive: undefined; expected the column whose groups to compare/);
    await expect(fairness(rows, { target: "outcome", sensitive: "x" })).rejects.toThrowError(/at most 20 distinct values\); bucketize it first/);
    await expect(fairness(rows.map((r) => ({ ...r, group: "a" })), { target: "outcome", sensitive: "group" })).rejects.toThrowError(/at least two groups/);
  });
});

describe("invariance", () => {
  it("measures how much swapping the attribute moves a regression (planted effect of 5)", async () => {
    const random = new Random(4);
    const rows = Array.from({ length: 2000 }, (_, i) => {
      const x = random.normal();
      const group = i % 2 === 0 ? "a" : "b";
      return { x, group, y: 3 * x + (group === "b" ? 5 : 0) + random.normal() };
    });
    const result = await invariance(rows, { target: "y", sensitive: "group", model: "linear" });
    const swap = result.data.swaps.find((s) => s.from === "a" && s.to === "b")!;
    expect(swap.meanChange!).toBeCloseTo(5, 0);
    expect(result.data.flipRate).toBe(1);
    expect(result.verdict.level).toBe("fail");
  }, 60_000);

  it("finds a broken directional expectation", async () => {
    const random = new Random(5);
    const rows = Array.from({ length: 800 }, () => {
      const effort = random.normal();
      return { effort, group: random.float() < 0.5 ? "a" : "b", score: -2 * effort + random.normal() };
    });
    const result = await invariance(rows, { target: "score", sensitive: "group", expect: { effort: "+" } });
    expect(result.data.expectations[0]).toMatchObject({ column: "effort", direction: "+" });
    expect(result.data.expectations[0].violationRate).toBeGreaterThan(0.95);
    expect(result.verdict.text).toMatch(/Raising "effort" moves the prediction the wrong way for/);
  }, 60_000);

  it("names what is wrong with bad input", async () => {
    const rows = perfectlyPredictable(100, 6);
    await expect(invariance(rows, { target: "outcome", sensitive: "group", expect: { group: "+" } })).rejects.toThrowError(/invalid expect: "group"; expected numeric columns/);
    await expect(invariance(rows, { target: "outcome", sensitive: "group", expect: { x: "up" as "+" } })).rejects.toThrowError(/invalid expect: "up"/);
  });
});
