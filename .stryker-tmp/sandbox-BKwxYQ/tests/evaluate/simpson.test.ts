// @ts-nocheck
import { describe, expect, it } from "vitest";
import { simpson } from "../../src/evaluate/simpson/simpson.js";
import { mantelHaenszel } from "../../src/stats/mantel-haenszel.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";

describe("the classic cases are found, with their strength stated", () => {
  it("berkeley-admissions: men admitted more overall, women at a higher or equal rate in most departments", async () => {
    const result = await simpson("berkeley-admissions", { outcome: "admitted", treatment: "sex", by: "department", count: "count" });
    const f = result.data.findings[0];
    expect(f.reversal).toBe(true);
    expect(f.levels).toEqual(["male", "female"]);
    expect(f.aggregate.reference).toBeCloseTo(1198 / 2691, 12);
    expect(f.aggregate.comparison).toBeCloseTo(557 / 1835, 12);
    const womenHigherOrEqual = f.groups.filter((g) => g.comparison >= g.reference - 0.005).map((g) => g.label);
    expect(womenHigherOrEqual).toEqual(["A", "B", "D", "F"]);
    expect(result.verdict.level).toBe("warn");
    expect(result.verdict.text).toMatch(/not significant on its own/);
  });

  it("kidney-stones: B better overall, A better for both stone sizes", async () => {
    const result = await simpson("kidney-stones", { outcome: "outcome", treatment: "treatment", by: "stone_size", count: "count", levels: ["A", "B"] });
    const f = result.data.findings[0];
    expect(f.reversal).toBe(true);
    expect(f.aggregate.effect).toBeGreaterThan(0);
    expect(f.groups.map((g) => [g.label, g.effect < 0])).toEqual([["small", true], ["large", true]]);
  });

  it("penguins: beak depth falls with beak length overall and rises within every species", async () => {
    const result = await simpson("penguins", { outcome: "Beak Depth (mm)", treatment: "Beak Length (mm)", by: "Species" });
    const f = result.data.findings[0];
    expect(f.comparison).toBe("slopes");
    expect(f.aggregate.effect).toBeLessThan(0);
    expect(f.groups.every((g) => g.effect > 0 && g.reversed)).toBe(true);
    expect(f.within.low).toBeGreaterThan(0);
  });

  it("the scan finds the penguin reversal without being told where to look", async () => {
    const result = await simpson("penguins", { outcome: "Beak Depth (mm)" });
    expect(result.data.findings.some((f) => f.treatment === "Beak Length (mm)" && f.by === "Species")).toBe(true);
  });
});

describe("strength numbers against independent references", () => {
  // Berkeley as 2 × 2 tables per department: [female admitted, female rejected, male admitted, male rejected].
  const tables: [number, number, number, number][] = [
    [89, 19, 512, 313], [17, 8, 353, 207], [202, 391, 120, 205], [131, 244, 138, 279], [94, 299, 53, 138], [24, 317, 22, 351],
  ];

  it("matches R's published mantelhaen.test(UCBAdmissions): X² = 1.4269, p = 0.2323, OR 0.9047 [0.7719, 1.0603] for men", () => {
    const men = mantelHaenszel(tables.map(([a, b, c, d]) => [c, d, a, b]));
    expect(men.statistic).toBeCloseTo(1.4269, 4);
    expect(men.pValue).toBeCloseTo(0.2323, 4);
    expect(men.oddsRatio).toBeCloseTo(0.9046968, 6);
    expect(men.low).toBeCloseTo(0.7719074, 6);
    expect(men.high).toBeCloseTo(1.0603298, 6);
  });

  it("matches statsmodels' StratifiedTable", () => {
    const ref = python<[number, number, number, number, number]>(`
import numpy as np
from statsmodels.stats.contingency_tables import StratifiedTable
t = StratifiedTable([np.array(x, dtype=float).reshape(2, 2) for x in ${JSON.stringify(tables)}])
r = t.test_null_odds(correction=True)
lo, hi = t.oddsratio_pooled_confint()
emit([t.oddsratio_pooled, lo, hi, r.statistic, r.pvalue])`);
    const got = mantelHaenszel(tables);
    [got.oddsRatio, got.low, got.high, got.statistic, got.pValue].forEach((v, i) => expect(v).toBeCloseTo(ref.value[i], 10));
  });
});

describe("no false alarms", () => {
  it("a treatment that helps in every group and overall is not a reversal", async () => {
    const random = new Random(4);
    const rows = Array.from({ length: 2000 }, () => {
      const group = random.float() < 0.5 ? "g1" : "g2";
      const treated = random.float() < 0.5 ? "yes" : "no";
      const p = 0.3 + (group === "g2" ? 0.2 : 0) + (treated === "yes" ? 0.15 : 0);
      return { group, treated, cured: random.float() < p ? "cured" : "ill" };
    });
    const result = await simpson(rows, { outcome: "cured", treatment: "treated", by: "group", positive: "cured" });
    expect(result.data.findings[0].reversal).toBe(false);
    expect(result.verdict.level).toBe("ok");
  });
});

describe("degenerate tables", () => {
  it("an odds ratio made infinite by a zero count reads ∞, with the interval said to be undefined", async () => {
    // Treatment B never fails in either group: no odds ratio against A is finite.
    const counts = [
      { group: "g1", treatment: "A", outcome: "cured", count: 10 },
      { group: "g1", treatment: "A", outcome: "ill", count: 10 },
      { group: "g1", treatment: "B", outcome: "cured", count: 5 },
      { group: "g1", treatment: "B", outcome: "ill", count: 0 },
      { group: "g2", treatment: "A", outcome: "cured", count: 2 },
      { group: "g2", treatment: "A", outcome: "ill", count: 18 },
      { group: "g2", treatment: "B", outcome: "cured", count: 30 },
      { group: "g2", treatment: "B", outcome: "ill", count: 0 },
    ];
    const result = await simpson(counts, { outcome: "outcome", treatment: "treatment", by: "group", count: "count", positive: "cured" });
    expect(result.data.findings[0].within.estimate).toBe(Infinity);
    expect(result.verdict.text).toMatch(/odds ratio of B against A is ∞ \(no 95% CI: a zero count or too few rows leave it undefined;/);
    expect(result.verdict.text).not.toMatch(/Infinity|—/);
  });
});

describe("bad input", () => {
  it("a grouping column with 100k distinct values is refused with advice, fast", async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ id: `u${i}`, t: i % 2 ? "a" : "b", y: i % 3 ? 1 : 0 }));
    const started = performance.now();
    await expect(simpson(rows, { outcome: "y", treatment: "t", by: "id" })).rejects.toThrowError(/100000 distinct values.*bucket the column first/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("an outcome with many values needs --positive; half a triple is explained", async () => {
    await expect(simpson("penguins", { outcome: "Species", treatment: "Sex", by: "Island" })).rejects.toThrowError(/positive.*"Species" has 3 values/);
    await expect(simpson("penguins", { outcome: "Species", treatment: "Sex" } as never)).rejects.toThrowError(/both --treatment and --by/);
  });
});

describe("over a model's errors", () => {
  it("scans the out-of-fold errors of a model instead of an outcome column", async () => {
    const result = await simpson("cps-wages-1985", { target: "wage" } as never);
    expect(result.title).toBe("Simpson's paradox scan for model error");
    expect(result.data.findings.every((f) => f.outcome === "model error")).toBe(true);
    expect(result.data.findings.some((f) => f.treatment === "experience" && f.by === "age")).toBe(true);
  });

  it("takes an outcome or a target, not both", async () => {
    await expect(simpson("penguins", { outcome: "Sex", target: "Species" })).rejects.toThrowError(/either --outcome or --target/);
  });
});
