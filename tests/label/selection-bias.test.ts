import { describe, expect, it } from "vitest";
import { load, toDataset } from "../../src/data/convert.js";
import type { Dataset } from "../../src/data/dataset.js";
import { LitmlError } from "../../src/errors.js";
import { selectionBiasChart } from "../../src/label/selection-bias/chart.js";
import { selectionBias, type SelectionBiasData } from "../../src/label/selection-bias/index.js";
import { renderSvg } from "../../src/display/svg.js";
import { RESULT_MIME } from "../../src/result.js";
import { chiSquaredGoodnessOfFit } from "../../src/stats/tests.js";
import { effectiveSampleSize, rake } from "../../src/stats/weights.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";
import { STATSMODELS_DATA, VEGA_DATA } from "../helpers/outside-data.js";

type Row = Record<string, number | string | null>;

/** A statsmodels data set as records, read by statsmodels from the CSV it ships. */
function statsmodels(name: string): Row[] {
  return python<Row[]>(`
from statsmodels.datasets import ${name}
emit(${name}.load_pandas().data.to_dict("records"))`).value;
}

/** Rows kept with probability `keep(row)`, seeded: a biased sample drawn from the data. */
function biasedRows(data: Dataset, keep: (r: number) => number, seed: number): number[] {
  const random = new Random(seed);
  const rows: number[] = [];
  for (let r = 0; r < data.nRows; r++) if (random.float() < keep(r)) rows.push(r);
  return rows;
}

describe("chi-square goodness of fit and survey weights (src/stats)", () => {
  it("the goodness-of-fit statistic and p-value equal scipy.stats.chisquare", () => {
    const cases = [
      { observed: [30, 14, 34, 45, 57, 20], expected: [33.33, 33.33, 33.33, 33.33, 33.34, 33.34] },
      { observed: [5, 0, 12, 3], expected: [4, 4, 8, 4] },
      { observed: [120, 80], expected: [100, 100] },
    ];
    const reference = python<{ statistic: number; p: number }[]>(
      `
from scipy.stats import chisquare
d = json.load(sys.stdin)
emit([dict(zip(("statistic", "p"), map(float, chisquare(c["observed"], c["expected"])))) for c in d])`,
      JSON.stringify(cases),
    );
    cases.forEach((c, i) => {
      const ours = chiSquaredGoodnessOfFit(c.observed, c.expected);
      expect(ours.statistic).toBeCloseTo(reference.value[i].statistic, 10);
      expect(ours.pValue).toBeCloseTo(reference.value[i].p, 10);
      expect(ours.df).toBe(c.observed.length - 1);
    });
  });

  it("raking equals iterative proportional fitting written out in numpy, and Kish's effective size its formula", () => {
    const random = new Random(5);
    const n = 400;
    const a = Int32Array.from({ length: n }, () => (random.float() < 0.6 ? 0 : random.int(3)));
    const b = Int32Array.from(a, (x) => (random.float() < 0.5 ? x % 2 : random.int(2)));
    const targets = [[0.2, 0.5, 0.3], [0.7, 0.3]];
    const ours = rake([a, b], targets);
    const reference = python<{ weights: number[]; ess: number }>(
      `
import numpy as np
d = json.load(sys.stdin)
a, b = np.array(d["a"]), np.array(d["b"])
ta, tb = np.array(d["t"][0]), np.array(d["t"][1])
w = np.ones(len(a))
for _ in range(1000):
    w *= (ta * w.sum() / np.bincount(a, weights=w, minlength=3))[a]
    w *= (tb * w.sum() / np.bincount(b, weights=w, minlength=2))[b]
w *= len(w) / w.sum()
emit({"weights": w.tolist(), "ess": float(w.sum() ** 2 / (w ** 2).sum())})`,
      JSON.stringify({ a: [...a], b: [...b], t: targets }),
    );
    expect(ours.converged).toBe(true);
    ours.weights.forEach((w, i) => expect(w).toBeCloseTo(reference.value.weights[i], 8));
    expect(effectiveSampleSize(ours.weights)).toBeCloseTo(reference.value.ess, 6);
  });
});

describe("selectionBias on statsmodels' anes96: a sample biased towards the educated", () => {
  const all = toDataset(statsmodels("anes96"));
  // Voters with some college or more (educ ≥ 5) always kept, the others one time in four.
  const educ = all.column("educ") as { values: Float64Array };
  const rows = biasedRows(all, (r) => (educ.values[r] >= 5 ? 1 : 0.25), 7);
  const sample = all.take(rows);
  const reference = python<{ statistic: number; p: number; shares: Record<string, number>; low: number; high: number; weights: number[] }>(
    `
import numpy as np, pandas as pd
from scipy.stats import chisquare, chi2
from statsmodels.stats.proportion import proportion_confint
from statsmodels.datasets import anes96
d = anes96.load_pandas().data
rows = json.load(sys.stdin)
s = d.iloc[rows]
pop = d["educ"].value_counts(normalize=True).sort_index()
obs = s["educ"].value_counts().reindex(pop.index, fill_value=0)
n, N = len(s), len(d)
stat = chisquare(obs.values, pop.values * n).statistic * (N - 1) / (N - n)
low, high = proportion_confint(int(obs.loc[7.0]), n, method="wilson")
share = s["educ"].value_counts(normalize=True)
w = (pop / share).reindex(s["educ"]).to_numpy().copy()
w *= len(w) / w.sum()
emit({"statistic": float(stat), "p": float(chi2.sf(stat, len(pop) - 1)), "shares": {str(int(k)): float(v) for k, v in pop.items()},
      "low": float(low), "high": float(high), "weights": w.tolist()})`,
    JSON.stringify(rows),
  );

  it("finds education first, names demographics, and its test equals scipy's chisquare with the finite-population correction", async () => {
    const result = await selectionBias(sample, all, { target: "vote", sharesOnly: true });
    const d = result.data;
    expect(d.subset).toBe(true);
    expect(d.columns[0].column).toBe("educ");
    expect(d.columns[0].differs).toBe(true);
    expect(d.columns[0].cause).toBe("demographics");
    expect(d.columns[0].pooled).toBe(0);
    expect(d.columns[0].statistic).toBeCloseTo(reference.value.statistic, 8);
    expect(d.columns[0].pValue).toBeCloseTo(reference.value.p, 12);
    const seven = d.shares.find((s) => s.column === "educ" && s.category === "7")!;
    expect(seven.populationShare).toBeCloseTo(reference.value.shares["7"], 12);
    expect(seven.sampleLow).toBeCloseTo(reference.value.low, 10);
    expect(seven.sampleHigh).toBeCloseTo(reference.value.high, 10);
    expect(result.verdict.level).not.toBe("ok");
    expect(result.notes.join(" ")).toMatch(/"educ".*demographics/);
  });

  it("post-stratification on education gives pandas' population-over-sample share weights and the population's shares back", async () => {
    const result = await selectionBias(sample, all, { by: ["educ"], sharesOnly: true });
    const w = result.data.weighting!;
    expect(w.method).toBe("post-stratification");
    for (const share of result.data.shares) expect(share.weightedShare).toBeCloseTo(share.populationShare, 10);
    const byCategory = new Map(w.factors.map((f) => [f.category, f.weight]));
    rows.forEach((r, i) => expect(byCategory.get(String(educ.values[r]))).toBeCloseTo(reference.value.weights[i], 10));
    expect(w.effectiveSize).toBeLessThan(rows.length);
  });

  it("with a target, scores the model on the voters outside the sample, trained with and without the weights", async () => {
    const result = await selectionBias(sample, all, { by: ["educ", "age"], target: "vote", sharesOnly: true });
    const s = result.data.score!;
    expect(s.scoredOn).toBe("population minus sample");
    expect(s.scoredRows).toBe(all.nRows - sample.nRows);
    expect(s.change).toBeCloseTo(s.weighted - s.unweighted, 12);
    expect(s.changeLow).toBeLessThanOrEqual(s.change);
    expect(s.changeHigh).toBeGreaterThanOrEqual(s.change);
    expect(result.data.weighting!.method).toBe("raking");
  });
});

describe("selectionBias: the null case stays quiet", () => {
  it("simple random samples of flights-20k raise a false alarm at about the nominal 5% (40 seeds), and the per-column p-values are uniform", async () => {
    const all = await load(VEGA_DATA("flights-20k.json"));
    let alarms = 0;
    const pValues: number[] = [];
    for (let seed = 0; seed < 40; seed++) {
      const result = await selectionBias(all.sample(1000, 100 + seed), all, { sharesOnly: true });
      if (result.verdict.level !== "ok") alarms++;
      pValues.push(...result.data.columns.map((c) => c.pValue));
    }
    // Holm keeps the family-wise rate at or below 5%: 2 of 40 expected; 5 or more has chance below 5% (binomial).
    expect(alarms).toBeLessThanOrEqual(4);
    // 200 column tests (5 columns × 40): at the 5% level about 10 reject; more than 16 has chance below 5% (binomial).
    expect(pValues.filter((p) => p < 0.05).length).toBeLessThanOrEqual(16);
    const mean = pValues.reduce((a, b) => a + b, 0) / pValues.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.1);
  }, 120_000);

  it("a random sample passes the adversarial model too", async () => {
    const all = await load(VEGA_DATA("flights-20k.json"));
    const result = await selectionBias(all.sample(2000, 1), all);
    expect(result.verdict.level).toBe("ok");
    expect(result.data.adversarial!.flagged).toBe(false);
    expect(result.data.adversarial!.populationRows).toBe(all.nRows - 2000);
  }, 60_000);
});

describe("selectionBias: planted biases found, the right column first", () => {
  it("vega-datasets' flights-20k: flights of three hub airports against all are told apart by origin, a location", async () => {
    const all = await load(VEGA_DATA("flights-20k.json"));
    const hubs = new Set(["ATL", "ORD", "DFW"]);
    const sample = all.where("origin", (v) => hubs.has(v as string));
    const result = await selectionBias(sample, all, { target: "delay" });
    const d = result.data;
    expect(d.columns[0].column).toBe("origin");
    expect(d.columns[0].cause).toBe("location");
    expect(d.shares.slice(0, 4).every((s) => s.column === "origin")).toBe(true);
    expect(d.adversarial!.flagged).toBe(true);
    expect(d.adversarial!.giveaways[0].column).toBe("origin");
    expect(result.verdict.level).toBe("fail");
    // The other airports hold most of the population, and no weight can bring them back.
    expect(d.columns[0].uncoveredShare).toBeGreaterThan(0.5);
    expect(result.verdict.text).toMatch(/never reached/);
    expect(d.score!.scoredRows).toBe(all.nRows - sample.nRows);
  }, 60_000);

  it("flights-200k: a sample that over-collects long flights is found on distance first", async () => {
    const all = await load("flights-200k");
    const distance = all.column("distance") as { values: Float64Array };
    const sample = all.take(biasedRows(all, (r) => (distance.values[r] > 1000 ? 0.05 : 0.015), 3));
    const result = await selectionBias(sample, all, { sharesOnly: true });
    expect(result.data.columns.map((c) => c.column)).toEqual(["distance", "time"]);
    expect(result.data.columns[0].differs).toBe(true);
    expect(result.data.columns[0].cause).toBeUndefined();
    // Reweighting on distance brings every margin back to the population's share.
    for (const s of result.data.shares) expect(s.weightedShare).toBeCloseTo(s.populationShare, 6);
  }, 60_000);

  const all = toDataset(statsmodels("fair"));
  const age = all.column("age") as { values: Float64Array };

  it("statsmodels' fair (affairs survey): a sample of older women is found on age first", async () => {
    const sample = all.take(biasedRows(all, (r) => (age.values[r] >= 32 ? 0.3 : 0.05), 11));
    const result = await selectionBias(sample, all, { by: ["age", "religious", "educ", "occupation"], sharesOnly: true });
    expect(result.data.columns[0].column).toBe("age");
    expect(result.data.columns[0].cause).toBe("demographics");
    expect(result.verdict.level).not.toBe("ok");
  });

  it("statsmodels' fair: the score before and after weighting equals numpy's, for a model that predicts the (weighted) mean", async () => {
    const rows = biasedRows(all, (r) => (age.values[r] >= 32 ? 0.3 : 0.05), 12);
    const result = await selectionBias(all.take(rows), all, { by: ["age"], target: "affairs", model: "zero-rule", metric: "rmse", sharesOnly: true });
    const reference = python<{ unweighted: number; weighted: number; rows: number }>(
      `
import numpy as np
from statsmodels.datasets import fair
d = fair.load_pandas().data
rows = json.load(sys.stdin)
s, rest = d.iloc[rows], d.drop(d.index[rows])
w = (d["age"].value_counts(normalize=True) / s["age"].value_counts(normalize=True)).reindex(s["age"]).to_numpy()
rmse = lambda centre: float(np.sqrt(((rest["affairs"] - centre) ** 2).mean()))
emit({"unweighted": rmse(s["affairs"].mean()), "weighted": rmse(np.average(s["affairs"], weights=w)), "rows": len(rest)})`,
      JSON.stringify(rows),
    );
    const score = result.data.score!;
    expect(score.scoredRows).toBe(reference.value.rows);
    expect(score.unweighted).toBeCloseTo(reference.value.unweighted, 10);
    expect(score.weighted).toBeCloseTo(reference.value.weighted, 10);
  });
});

describe("selectionBias: a sample that is not part of the population", () => {
  it("statsmodels' fair: older women against the other respondents is tested without the finite-population correction (scipy's chisquare) and scored on the whole population", async () => {
    const all = toDataset(statsmodels("fair"));
    const age = all.column("age") as { values: Float64Array };
    const rows = biasedRows(all, (r) => (age.values[r] >= 32 ? 0.3 : 0.05), 13);
    const taken = new Set(rows);
    const others = all.take(Array.from({ length: all.nRows }, (_, r) => r).filter((r) => !taken.has(r)));
    const result = await selectionBias(all.take(rows), others, { by: ["age", "children"], target: "affairs", model: "zero-rule", sharesOnly: true });
    const reference = python<{ age: number[]; children: number[] }>(
      `
from scipy.stats import chisquare
from statsmodels.datasets import fair
d = fair.load_pandas().data
rows = json.load(sys.stdin)
s, rest = d.iloc[rows], d.drop(d.index[rows])
def test(column):
    pop = rest[column].value_counts(normalize=True).sort_index()
    obs = s[column].value_counts().reindex(pop.index, fill_value=0)
    return [float(x) for x in chisquare(obs.values, pop.values * len(s))]
emit({"age": test("age"), "children": test("children")})`,
      JSON.stringify(rows),
    );
    expect(result.data.subset).toBe(false);
    for (const column of ["age", "children"] as const) {
      const c = result.data.columns.find((x) => x.column === column)!;
      expect(c.statistic).toBeCloseTo(reference.value[column][0], 8);
      expect(c.pValue).toBeCloseTo(reference.value[column][1], 12);
    }
    expect(result.data.score!.scoredOn).toBe("population");
    expect(result.data.score!.scoredRows).toBe(others.nRows);
  });

  it("the framing card's time column is named as a time cause", async () => {
    const random = new Random(3);
    const population = toDataset(Array.from({ length: 2000 }, () => ({ batch: random.int(4), x: random.normal() })));
    const batch = population.column("batch") as { values: Float64Array };
    const sample = population.take(biasedRows(population, (r) => (batch.values[r] === 0 ? 0.9 : 0.1), 4));
    const result = await selectionBias(sample, population, { sharesOnly: true, card: { time: "batch" } });
    expect(result.data.columns[0].column).toBe("batch");
    expect(result.data.columns[0].cause).toBe("time");
    expect(result.data.columns.find((c) => c.column === "x")!.cause).toBeUndefined();
  });
});

describe("selectionBias: bad input", () => {
  const sample = toDataset([
    { city: "a", age: 30, late: 1 },
    { city: "b", age: 40, late: 0 },
    { city: "a", age: 35, late: 1 },
  ]);
  const population = toDataset([
    { place: "a", years: 31 },
    { place: "b", years: 41 },
    { place: "c", years: 52 },
    { place: "a", years: 29 },
  ]);

  it("a population without the sample's columns names them and the fix", async () => {
    const error = await selectionBias(sample, population).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LitmlError);
    expect((error as Error).message).toMatch(/selectionBias: the POPULATION lacks the columns "city", "age", "late"/);
    expect((error as Error).message).toMatch(/--by/);
  });

  it("a --by column missing from either side is named", async () => {
    const both = population.withRoles({}).select(["place"]);
    await expect(selectionBias(sample, both, { by: ["citty"] })).rejects.toThrow(/SAMPLE lacks the column "citty".*Did you mean "city"/);
    await expect(selectionBias(sample, both, { by: ["city"] })).rejects.toThrow(/POPULATION lacks the column "city"/);
  });

  it("a column of another type on each side is refused", async () => {
    const other = toDataset([{ city: 1 }, { city: 2 }, { city: 3 }]);
    await expect(selectionBias(sample, other, { by: ["city"] })).rejects.toThrow(/"city" is category in the SAMPLE but number in the POPULATION/);
  });

  it("a target the sample lacks is named", async () => {
    const population2 = toDataset([{ city: "a" }, { city: "b" }, { city: "a" }]);
    await expect(selectionBias(sample, population2, { target: "z" })).rejects.toThrow(/selectionBias: invalid target: the SAMPLE has no column "z"/);
  });

  it("a sample larger than the population is a warning, and a population without the target says why there is no score", async () => {
    const small = toDataset([{ city: "a" }, { city: "b" }]);
    const result = await selectionBias(sample, small, { target: "late", sharesOnly: true });
    expect(result.verdict.level).not.toBe("ok");
    expect(result.verdict.text).toMatch(/more rows \(3\) than the population \(2\)/);
    expect(result.notes.join(" ")).toMatch(/the population has no "late" column/);
  });
});

describe("selectionBias: the result and its chart", () => {
  const data: SelectionBiasData = {
    sampleRows: 300,
    populationRows: 3000,
    foundInPopulation: 1,
    subset: true,
    columns: [
      { column: "origin", grouping: "categories", categories: 3, statistic: 250, df: 2, pValue: 1e-50, adjustedP: 2e-50, distance: 0.42, uncoveredShare: 0.3, unknownRows: 0, pooled: 0, differs: true, cause: "location" },
      { column: "hour", grouping: "bins", categories: 2, statistic: 0.4, df: 1, pValue: 0.53, adjustedP: 0.53, distance: 0.02, uncoveredShare: 0, unknownRows: 0, pooled: 0, differs: false, cause: "time" },
    ],
    shares: [
      { column: "origin", category: "ATL", sampleCount: 210, sampleShare: 0.7, sampleLow: 0.646, sampleHigh: 0.749, populationCount: 840, populationShare: 0.28, populationLow: 0.264, populationHigh: 0.296, gap: 0.42, weightedShare: 0.4 },
      { column: "origin", category: "(other)", sampleCount: 0, sampleShare: 0, sampleLow: 0, sampleHigh: 0.0126, populationCount: 900, populationShare: 0.3, populationLow: 0.284, populationHigh: 0.317, gap: -0.3, weightedShare: 0 },
      { column: "hour", category: "< 12", sampleCount: 156, sampleShare: 0.52, sampleLow: 0.463, sampleHigh: 0.576, populationCount: 1500, populationShare: 0.5, populationLow: 0.482, populationHigh: 0.518, gap: 0.02, weightedShare: 0.5 },
    ],
    weighting: { method: "raking", columns: ["origin", "hour"], iterations: 4, converged: true, effectiveSize: 240, rows: 300, minWeight: 0.6, maxWeight: 1.9, zeroRows: 0, factors: [] },
    notInPopulation: [],
    bins: 5,
    level: 0.05,
  };

  it("matches its reviewed Vega-Lite snapshot and renders", async () => {
    await expect(JSON.stringify(selectionBiasChart(data), null, 2)).toMatchFileSnapshot("__snapshots__/selection-bias-chart.vl.json");
    const svg = await renderSvg(selectionBiasChart(data));
    expect(svg).toContain("<svg");
    expect(svg).not.toContain("NaN");
  });

  it("renders as result JSON that survives a round trip, script-free HTML and plain text, under 300 KB", async () => {
    const all = await load(VEGA_DATA("flights-20k.json"));
    const result = await selectionBias(all.where("origin", (v) => v === "LAX" || v === "SFO"), all, { sharesOnly: true, target: "delay" });
    const bundle = (result as unknown as Record<symbol, () => Record<string, unknown>>)[Symbol.for("Jupyter.display")]();
    expect(Object.keys(bundle).sort()).toEqual([RESULT_MIME, "text/html", "text/plain"].sort());
    expect(JSON.parse(JSON.stringify(bundle[RESULT_MIME]))).toEqual(bundle[RESULT_MIME]);
    expect(bundle["text/html"] as string).not.toMatch(/<script/i);
    expect(JSON.stringify(bundle).length).toBeLessThan(300_000);
  }, 60_000);
});

describe("selectionBias on statsmodels' randhie (the reviewer's 5,000-person population)", () => {
  // The reviewer's prep_sb.py: a population of 5,000 from the RAND health insurance experiment, a sample
  // biased on health (poor/fair 3× as likely) and one on disease (the top 30% 3× as likely), and random samples.
  const made = python<{ pop: Row[]; health: number[]; disease: number[]; nulls: number[][]; tv: number; auc: number[] }>(`
import numpy as np, pandas as pd
from statsmodels.datasets import randhie
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import cross_val_predict, StratifiedKFold
from sklearn.metrics import roc_auc_score
r = randhie.load_pandas().data.sample(5000, random_state=0).reset_index(drop=True)
pop = pd.DataFrame({
  "health": np.select([r.hlthp == 1, r.hlthf == 1, r.hlthg == 1], ["poor", "fair", "good"], "excellent"),
  "plan": r.lncoins.round(1).astype(str).map(lambda s: "c" + s),
  "deductible": np.where(r.idp == 1, "yes", "no"),
  "limited": np.where(r.physlm > 0, "yes", "no"),
  "disease": r.disea.round(1),
  "income": r.lpi.round(2),
  "visited": np.where(r.mdvis > 0, "yes", "no"),
})
rng = np.random.default_rng(5)
w = np.where(pop.health.isin(["poor", "fair"]), 3.0, 1.0); health = rng.choice(len(pop), 500, replace=False, p=w / w.sum())
w = np.where(pop.disease > pop.disease.quantile(0.7), 3.0, 1.0); disease = rng.choice(len(pop), 500, replace=False, p=w / w.sum())
nulls = [pop.sample(500, random_state=100 + s).index.tolist() for s in range(20)]
# Independent references: the disease sample's total variation on disease (population quintiles), and scikit-learn's
# gradient boosting telling the sample's rows from the rest on every column (3 repeats of 3-fold).
edges = np.unique(pop.disease.quantile(np.linspace(0, 1, 6)).values)
cut = lambda v: np.clip(np.searchsorted(edges[1:-1], v, side="right"), 0, len(edges) - 2)
ps = np.bincount(cut(pop.disease.values), minlength=len(edges) - 1) / len(pop)
ss = np.bincount(cut(pop.disease.values[disease]), minlength=len(edges) - 1) / len(disease)
X = pd.get_dummies(pop, columns=["health", "plan", "deductible", "limited", "visited"]).astype(float)
y = np.zeros(len(pop)); y[disease] = 1
auc = [roc_auc_score(y, cross_val_predict(HistGradientBoostingClassifier(max_iter=100, learning_rate=0.05, max_depth=3), X, y, cv=StratifiedKFold(3, shuffle=True, random_state=k), method="predict_proba")[:, 1]) for k in range(3)]
emit({"pop": pop.to_dict("records"), "health": health.tolist(), "disease": disease.tolist(), "nulls": nulls, "tv": float(np.abs(ss - ps).sum() / 2), "auc": auc})`).value;
  const population = toDataset(made.pop);

  it("an adversarial AUC whose interval lies above 0.5 but under the flag is a weak separation, not 'cannot tell apart'", async () => {
    // scikit-learn separates the disease sample weakly, above chance and under 0.625 in every repeat.
    for (const auc of made.auc) {
      expect(auc).toBeGreaterThan(0.52);
      expect(auc).toBeLessThan(0.625);
    }
    const result = await selectionBias(population.take(made.disease), population);
    const adv = result.data.adversarial!;
    expect(adv.flagged).toBe(false);
    expect(adv.low).toBeGreaterThan(0.5);
    expect(result.verdict.text).not.toMatch(/cannot tell/);
    expect(result.verdict.text).toMatch(/a gbdt model tells sample from population apart only weakly \(AUC 0\.\d+, 95% CI 0\.5\d+ to 0\.\d+, below the 0\.625 flag\)/);
  }, 60_000);

  it("'cannot tell apart' stays for an interval that holds 0.5 (a random sample)", async () => {
    const result = await selectionBias(population.take(made.nulls[0]), population);
    const adv = result.data.adversarial!;
    expect(adv.low).toBeLessThan(0.5);
    expect(result.verdict.text).toMatch(/a gbdt model cannot tell sample from population apart \(AUC/);
  }, 60_000);

  it("a bias on a shared column left out of --by is named, with a warning, and the --by comparison stays as asked", async () => {
    expect(made.tv).toBeGreaterThan(0.15);
    const result = await selectionBias(population.take(made.disease), population, { by: ["plan", "deductible"] });
    const d = result.data;
    expect(d.columns.map((c) => c.column).sort()).toEqual(["deductible", "plan"]);
    expect(d.columns.every((c) => !c.differs)).toBe(true);
    expect(d.weighting!.columns).toEqual(["plan", "deductible"]);
    expect([...d.unchecked!.columns].sort()).toEqual(["disease", "health", "income", "limited", "visited"]);
    expect(d.unchecked!.differing[0].column).toBe("disease");
    expect(d.unchecked!.differing[0].distance).toBeCloseTo(made.tv, 1);
    expect(result.verdict.level).toBe("warn");
    expect(result.verdict.text).toMatch(/^The sample looks like the population on 2 columns.* But a column left out of --by differs clearly: "disease" \(total variation 0\.2\d, Holm-adjusted p < 0\.001\); add it to --by/);
    expect(result.notes.join(" ")).toMatch(/Not compared: the shared columns "health", "limited", "disease", "income", "visited" are left out of --by/);
  }, 60_000);

  it("random samples with --by stay quiet about the columns left out, which the notes still name", async () => {
    let alarms = 0;
    for (const rows of made.nulls) {
      const result = await selectionBias(population.take(rows), population, { by: ["plan", "deductible"], sharesOnly: true });
      if (result.data.unchecked!.differing.length > 0) alarms++;
      expect(result.notes.join(" ")).toMatch(/finds none clearly different|clearly different/);
    }
    expect(alarms).toBe(0);
  }, 120_000);
});
