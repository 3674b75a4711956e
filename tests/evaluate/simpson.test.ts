import { describe, expect, it } from "vitest";
import { simpson } from "../../src/evaluate/simpson/index.js";
import { breslowDay } from "../../src/stats/breslow-day.js";
import { mantelHaenszel } from "../../src/stats/mantel-haenszel.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";
import { SKLEARN_DATA, STATSMODELS_DATA } from "../helpers/outside-data.js";

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
  it("scans the out-of-fold errors of a model instead of an outcome column; a reversal with p = 0.018 among 90 pairs is not credible", async () => {
    const result = await simpson("cps-wages-1985", { target: "wage" });
    expect(result.title).toBe("Simpson's paradox scan for model error");
    expect(result.data.examined).toBe(90);
    const experience = result.data.notCredible.find((f) => f.treatment === "experience" && f.by === "age")!;
    expect(experience.outcome).toBe("model error");
    expect(experience.within.pValue).toBeLessThan(0.05);
    expect(experience.adjustedPValue).toBeGreaterThan(0.5);
    expect(result.data.findings).toEqual([]);
    expect(result.verdict.level).toBe("ok");
    expect(result.chart).toBeUndefined();
  });

  it("takes an outcome or a target, not both", async () => {
    await expect(simpson("penguins", { outcome: "Sex", target: "Species" })).rejects.toThrowError(/either --outcome or --target/);
  });
});

describe("the scan reports only reversals that survive a correction for the pairs scanned", () => {
  /**
   * An outcome independent of every column; the columns go in related pairs (as real
   * columns do), so holding one fixed shifts the other's noise and directions flip by chance.
   */
  function independent(n: number, seed: number) {
    const random = new Random(seed);
    return Array.from({ length: n }, () => {
      const a = random.int(3);
      const x = random.normal();
      return {
        a: `a${a}`,
        b: `b${random.float() < 0.7 ? a : random.int(3)}`,
        c: `c${random.int(5)}`,
        d: random.float() < 0.5 ? "yes" : "no",
        x,
        z: x + random.normal(),
        outcome: random.float() < 0.3 ? "event" : "none yet",
      };
    });
  }

  it("null data: five seeds, 30 pairs each, no reversal reported although chance reverses some direction", async () => {
    let reversedByChance = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const result = await simpson(independent(2000, seed), { outcome: "outcome", positive: "event" });
      expect(result.data.examined).toBe(30);
      expect(result.data.findings).toEqual([]);
      expect(result.verdict.level).toBe("ok");
      expect(result.chart).toBeUndefined();
      reversedByChance += result.data.notCredible.length;
    }
    // Before the Holm correction every chance flip was reported as Simpson's paradox; since a reversal
    // needs the overall effect outside the within-group interval, chance flips no longer count at all.
    expect(reversedByChance).toBe(0);
  });

  it("berkeley-admissions: one triple is still a reversal, with the Breslow–Day caveat; a scan names it as not credible", async () => {
    const single = await simpson("berkeley-admissions", { outcome: "admitted", treatment: "sex", by: "department", count: "count" });
    expect(single.data.findings[0].reversal).toBe(true);
    expect(single.data.findings[0].credible).toBe(false);
    expect(single.verdict.level).toBe("warn");
    // Published: Breslow–Day χ² = 18.83 on 5 df for UCBAdmissions (Agresti, Categorical Data Analysis, 2002, §6.3.6).
    expect(single.data.findings[0].within.heterogeneity!.statistic).toBeCloseTo(18.83, 2);
    expect(single.verdict.text).toMatch(/Breslow–Day χ² = 18\.8, 5 df, p = 0\.002\), so one pooled value hides how they disagree/);
    const scan = await simpson("berkeley-admissions", { outcome: "admitted", count: "count" });
    expect(scan.data.findings).toEqual([]);
    expect(scan.notes.join(" ")).toMatch(/sex by department \(adjusted p = 0\.232\)/);
  });

  it("Breslow–Day matches statsmodels' StratifiedTable.test_equal_odds, with and without Tarone's adjustment", () => {
    const tables: [number, number, number, number][] = [
      [89, 19, 512, 313], [17, 8, 353, 207], [202, 391, 120, 205], [131, 244, 138, 279], [94, 299, 53, 138], [24, 317, 22, 351],
    ];
    const uneven: [number, number, number, number][] = [[10, 20, 30, 5], [12, 8, 9, 30], [3, 40, 6, 41]];
    const ref = python<number[][]>(`
import numpy as np
from statsmodels.stats.contingency_tables import StratifiedTable
out = []
for tables in (${JSON.stringify(tables)}, ${JSON.stringify(uneven)}):
    t = StratifiedTable([np.array(x, dtype=float).reshape(2, 2) for x in tables])
    plain, tarone = t.test_equal_odds(), t.test_equal_odds(adjust=True)
    out.append([plain.statistic, plain.pvalue, tarone.statistic, tarone.pvalue])
emit(out)`).value;
    [tables, uneven].forEach((t, i) => {
      const or = mantelHaenszel(t).oddsRatio;
      const plain = breslowDay(t, or);
      const tarone = breslowDay(t, or, true);
      [plain.statistic, plain.pValue, tarone.statistic, tarone.pValue].forEach((v, j) => expect(v).toBeCloseTo(ref[i][j], 9));
      expect(plain.df).toBe(t.length - 1);
    });
  });
});

describe("outside data", () => {
  it("iris (scikit-learn's CSV): sepal width falls with sepal length overall and rises within each species; slopes match statsmodels OLS", async () => {
    const iris = python<Record<string, unknown>[]>(`
import pandas as pd
df = pd.read_csv(${JSON.stringify(SKLEARN_DATA("iris.csv"))}, skiprows=1, header=None, names=["sepal length", "sepal width", "petal length", "petal width", "species"])
df["species"] = df["species"].map({0: "setosa", 1: "versicolor", 2: "virginica"})
emit(df.to_dict("records"))`).value;
    const ref = python<{ aggregate: number[]; pooled: number[] }>(`
import pandas as pd, statsmodels.formula.api as smf
df = pd.read_csv(${JSON.stringify(SKLEARN_DATA("iris.csv"))}, skiprows=1, header=None, names=["sl", "sw", "pl", "pw", "species"])
a = smf.ols("sw ~ sl", df).fit()
p = smf.ols("sw ~ sl + C(species)", df).fit()
emit({"aggregate": [a.params["sl"], a.pvalues["sl"]], "pooled": [p.params["sl"], p.bse["sl"], p.pvalues["sl"]]})`).value;
    const result = await simpson(iris, { outcome: "sepal width" });
    const top = result.data.findings[0];
    expect([top.treatment, top.by, top.credible]).toEqual(["sepal length", "species", true]);
    expect(top.aggregate.effect).toBeCloseTo(ref.aggregate[0], 10);
    expect(top.aggregate.pValue).toBeCloseTo(ref.aggregate[1], 8);
    expect(top.within.estimate).toBeCloseTo(ref.pooled[0], 10);
    expect((top.within.high - top.within.low) / 2 / 1.9761).toBeCloseTo(ref.pooled[1], 3);
    expect(top.within.pValue).toBeCloseTo(ref.pooled[2], 14);
    expect(result.verdict.level).toBe("warn");
    expect(result.chart).toBeDefined();
  });

  it("fair (statsmodels): affairs by having children, held by religiousness; CMH and Breslow–Day match StratifiedTable", async () => {
    const fair = python<Record<string, unknown>[]>(`
import pandas as pd
df = pd.read_csv(${JSON.stringify(STATSMODELS_DATA("fair/fair.csv"))})
df["affair"] = (df["affairs"] > 0).map({True: "yes", False: "no"})
df["children"] = (df["children"] > 0).map({True: "yes", False: "no"})
df["religious"] = df["religious"].map(lambda v: f"r{int(v)}")
emit(df[["affair", "children", "religious", "age", "yrs_married"]].to_dict("records"))`).value;
    const result = await simpson(fair, { outcome: "affair", positive: "yes", treatment: "children", by: "religious", levels: ["no", "yes"] });
    const ref = python<number[]>(`
import numpy as np, pandas as pd
from statsmodels.stats.contingency_tables import StratifiedTable
df = pd.read_csv(${JSON.stringify(STATSMODELS_DATA("fair/fair.csv"))})
df["a"] = df["affairs"] > 0
df["c"] = df["children"] > 0
tables = [np.array([[(g.c & g.a).sum(), (g.c & ~g.a).sum()], [(~g.c & g.a).sum(), (~g.c & ~g.a).sum()]], dtype=float) for _, g in df.groupby("religious")]
t = StratifiedTable(tables)
n, e = t.test_null_odds(correction=True), t.test_equal_odds()
emit([t.oddsratio_pooled, n.pvalue, e.statistic, e.pvalue])`).value;
    const f = result.data.findings[0];
    expect(f.within.estimate).toBeCloseTo(ref[0], 10);
    expect(f.within.pValue).toBeCloseTo(ref[1], 10);
    expect(f.within.heterogeneity!.statistic).toBeCloseTo(ref[2], 9);
    expect(f.within.heterogeneity!.pValue).toBeCloseTo(ref[3], 9);
    // Women with children report affairs more often, overall and within every level of religiousness.
    expect(f.aggregate.effect).toBeGreaterThan(0);
    expect(f.reversal).toBe(false);
    expect(result.verdict.level).toBe("ok");
  });
});

describe("a negligible or uncertain flip is not a reversal (reviewer: random treatment on statsmodels' fair)", () => {
  const fairWithTreatment = () =>
    python<{ rows: Record<string, unknown>[]; ref: number[] }>(`
import numpy as np, pandas as pd
from statsmodels.stats.contingency_tables import StratifiedTable
f = pd.read_csv(${JSON.stringify(STATSMODELS_DATA("fair/fair.csv"))})
f["affair"] = np.where(f.affairs > 0, "yes", "no")
f["occ"] = f.occupation.map({1: "student", 2: "farm", 3: "white", 4: "teacher", 5: "manager", 6: "prof"})
f["treat"] = np.random.default_rng(2).choice(["A", "B"], len(f))
a, b = (f.affair[f.treat == "A"] == "yes").mean(), (f.affair[f.treat == "B"] == "yes").mean()
tables = [np.array([[((g.treat == "B") & (g.affair == "yes")).sum(), ((g.treat == "B") & (g.affair == "no")).sum()], [((g.treat == "A") & (g.affair == "yes")).sum(), ((g.treat == "A") & (g.affair == "no")).sum()]], dtype=float) for _, g in f.groupby("occ")]
t = StratifiedTable(tables)
emit({"rows": f[["affair", "occ", "treat"]].to_dict("records"), "ref": [a, b, t.oddsratio_pooled, t.test_null_odds(correction=True).pvalue]})`).value;

  it("the reviewer's case: 32.3% against 32.2% overall (0.09 points, below minEffect 0.01) is no reversal, the flip said in a note", async () => {
    const { rows, ref } = fairWithTreatment();
    const result = await simpson(rows, { outcome: "affair", positive: "yes", treatment: "treat", by: "occ", levels: ["A", "B"] });
    const f = result.data.findings[0];
    expect(f.aggregate.reference).toBeCloseTo(ref[0], 12);
    expect(f.aggregate.comparison).toBeCloseTo(ref[1], 12);
    expect(f.within.estimate).toBeCloseTo(ref[2], 10);
    expect(f.within.pValue).toBeCloseTo(ref[3], 10);
    expect(f.aggregate.size).toBeLessThan(0.01);
    expect(f.flip).toBe(true);
    expect(f.reversal).toBe(false);
    expect(result.verdict.level).toBe("ok");
    expect(result.verdict.text).toMatch(/^No reversal/);
    expect(result.notes.join(" ")).toMatch(/direction flips/);
  });

  it("60 seeded random treatments on fair, held by occupation: none is called a reversal", async () => {
    const { rows } = fairWithTreatment();
    let flips = 0;
    for (let seed = 0; seed < 60; seed++) {
      const random = new Random(seed);
      const data = rows.map((r) => ({ ...r, treat: random.float() < 0.5 ? "A" : "B" }));
      const result = await simpson(data, { outcome: "affair", positive: "yes", treatment: "treat", by: "occ", levels: ["A", "B"] });
      if (result.data.findings[0].flip) flips++;
      expect(result.verdict.level).toBe("ok");
    }
    // Chance flips the direction of a near-zero difference often; before the fix these were headlines.
    expect(flips).toBeGreaterThan(0);
  });
});
