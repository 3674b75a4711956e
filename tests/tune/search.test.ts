/**
 * tune against scikit-learn (GridSearchCV, HalvingRandomSearchCV, nested cross_val_score of
 * a GridSearchCV) on the same folds, passed to Python as (train, test) index arrays, with
 * the same grids and models both sides share exactly: ridge (closed form, `alpha`) and
 * k-NN (`k` = n_neighbors), each behind a standard scaler.
 */
import { describe, expect, it } from "vitest";
import { Dataset } from "../../src/data/dataset.js";
import type { Fold } from "../../src/data/splits/fold.js";
import { targetOf } from "../../src/features/target.js";
import { pairedFoldInterval } from "../../src/stats/paired-folds.js";
import { halvingSchedule } from "../../src/tune/search/halving.js";
import { halvingFolds } from "../../src/tune/search/search.js";
import { tune } from "../../src/tune/search/index.js";
import { Random } from "../../src/util/random.js";
import { planFolds } from "../../src/validate/plan.js";
import { python } from "../helpers/python.js";

const random = new Random(5);
const N = 300;
const xs = Array.from({ length: 4 }, () => Float64Array.from({ length: N }, () => random.normal()));
// A noisy linear target with many weak features: a strong penalty helps a little, a huge one hurts.
const y = Float64Array.from({ length: N }, (_, i) => 0.6 * xs[0][i] - 0.3 * xs[1][i] + 0.1 * xs[2][i] + 2 * random.normal());
const regression = new Dataset([...xs.map((v, c) => [`x${c}`, { type: "number" as const, values: v }] as const), ["y", { type: "number", values: y }]]);
const M = 400;
const zs = Array.from({ length: 3 }, () => Float64Array.from({ length: M }, () => random.normal()));
const labels = Int32Array.from({ length: M }, (_, i) => (zs[0][i] + zs[1][i] * zs[2][i] + random.normal() > 0 ? 1 : 0));
const classification = new Dataset([...zs.map((v, c) => [`z${c}`, { type: "number" as const, values: v }] as const), ["label", { type: "category", codes: labels, dictionary: ["no", "yes"] }]]);
const alphas = [0.001, 0.01, 0.1, 1, 3, 10, 30, 100, 300, 1000, 3000, 10000, 30000, 1e5];
const ks = [1, 3, 5, 7, 9, 11, 15, 21, 31, 45, 61];

const foldsJson = (folds: readonly Fold[]) => folds.map((f) => [[...f.train], [...f.test]]);
const PRELUDE = `
import numpy as np
from sklearn.experimental import enable_halving_search_cv  # noqa: F401
from sklearn.model_selection import GridSearchCV, HalvingRandomSearchCV, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import Ridge
from sklearn.neighbors import KNeighborsClassifier
d = json.load(sys.stdin)
X, y = np.array(d["X"]).T, np.array(d["y"])
folds = [(np.array(tr, dtype=np.int64), np.array(te, dtype=np.int64)) for tr, te in d["folds"]]
`;

describe("grid search against scikit-learn's GridSearchCV on the same folds", () => {
  it("ridge alpha, RMSE: every candidate's fold scores, the ranks and the best", async () => {
    const result = await tune(regression, { target: "y", model: "ridge", space: { alpha: alphas } });
    const { folds } = planFolds("tune", regression, targetOf(regression, "y"), {});
    const ref = python<{ scores: number[][]; rank: number[]; best: number }>(
      PRELUDE +
        `
g = GridSearchCV(make_pipeline(StandardScaler(), Ridge()), {"ridge__alpha": d["grid"]}, cv=folds, scoring="neg_root_mean_squared_error").fit(X, y)
r = g.cv_results_
emit({"scores": [[-r[f"split{f}_test_score"][c] for f in range(len(folds))] for c in range(len(d["grid"]))], "rank": r["rank_test_score"].tolist(), "best": g.best_params_["ridge__alpha"]})`,
      JSON.stringify({ X: xs.map((v) => [...v]), y: [...y], folds: foldsJson(folds), grid: alphas }),
    );
    const records = result.data.candidates;
    expect(records.map((r) => r.params.alpha)).toEqual(alphas);
    records.forEach((r, c) => r.foldScores.forEach((s, f) => expect(s).toBeCloseTo(ref.value.scores[c][f], 9)));
    expect(records.map((r) => r.rank)).toEqual(ref.value.rank);
    expect(result.data.best.params.alpha).toBe(ref.value.best);
    // Not a tie: the runner-up's mean RMSE is worse by far more than the rounding between the two sides.
    const [first, second] = [...records].sort((a, b) => a.rank - b.rank);
    expect(second.mean - first.mean).toBeGreaterThan(1e-6);
    // The best is interior here, a strong penalty; the defaults (alpha 1) are scored on the same folds.
    expect(ref.value.best).toBeGreaterThan(1);
    expect(result.data.defaults.foldScores).toEqual(records.find((r) => r.params.alpha === 1)!.foldScores);
  });

  it("k-NN n_neighbors, ROC AUC on stratified folds", async () => {
    const result = await tune(classification, { target: "label", model: "knn", space: { k: ks }, metric: "roc-auc", seed: 2 });
    const { folds, split } = planFolds("tune", classification, targetOf(classification, "label"), { seed: 2 });
    expect(split).toBe("stratified");
    const ref = python<{ means: number[]; best: number }>(
      PRELUDE +
        `
g = GridSearchCV(make_pipeline(StandardScaler(), KNeighborsClassifier()), {"kneighborsclassifier__n_neighbors": d["grid"]}, cv=folds, scoring="roc_auc").fit(X, y)
emit({"means": g.cv_results_["mean_test_score"].tolist(), "best": g.best_params_["kneighborsclassifier__n_neighbors"]})`,
      JSON.stringify({ X: zs.map((v) => [...v]), y: [...labels], folds: foldsJson(folds), grid: ks }),
    );
    result.data.candidates.forEach((r, c) => expect(r.mean).toBeCloseTo(ref.value.means[c], 12));
    expect(result.data.best.params.k).toBe(ref.value.best);
  });
});

describe("successive halving against scikit-learn's HalvingRandomSearchCV", () => {
  it("the same schedule: candidates and rows per iteration, for exhaust, smallest, given rows, classes and factors", () => {
    const cases = [
      { n: 1000, budget: 20, min: "exhaust", factor: 3, folds: 5, classes: 1 },
      { n: 1000, budget: null, min: "smallest", factor: 3, folds: 5, classes: 1 },
      { n: 5000, budget: 50, min: "exhaust", factor: 3, folds: 4, classes: 3 },
      { n: 2000, budget: 30, min: "smallest", factor: 2, folds: 5, classes: 2 },
      { n: 3000, budget: 40, min: 50, factor: 3, folds: 5, classes: 1 },
      { n: 729, budget: 27, min: "exhaust", factor: 3, folds: 3, classes: 1 },
      { n: 600, budget: null, min: 7, factor: 4, folds: 3, classes: 2 },
    ] as const;
    const ref = python<{ candidates: number[]; resources: number[] }[]>(
      `
import numpy as np, warnings
from scipy.stats import uniform, randint
from sklearn.experimental import enable_halving_search_cv  # noqa: F401
from sklearn.model_selection import HalvingRandomSearchCV, KFold, StratifiedKFold
from sklearn.dummy import DummyRegressor, DummyClassifier
out = []
for c in json.load(sys.stdin):
    X = np.arange(c["n"], dtype=float).reshape(-1, 1)
    if c["classes"] == 1:
        est, dist, y, cv = DummyRegressor(strategy="quantile"), {"quantile": uniform(0, 1)}, np.arange(c["n"], dtype=float), KFold(c["folds"])
    else:
        est, dist, y, cv = DummyClassifier(strategy="uniform"), {"random_state": randint(0, 10**6)}, np.arange(c["n"]) % c["classes"], StratifiedKFold(c["folds"])
    s = HalvingRandomSearchCV(est, dist, n_candidates=c["budget"] if c["budget"] is not None else "exhaust", min_resources=c["min"], factor=c["factor"], cv=cv, random_state=0, refit=False).fit(X, y)
    out.append({"candidates": [int(v) for v in s.n_candidates_], "resources": [int(v) for v in s.n_resources_]})
emit(out)`,
      JSON.stringify(cases),
    );
    cases.forEach((c, i) => {
      const schedule = halvingSchedule({ candidates: c.budget ?? "exhaust", minResources: c.min, maxResources: c.n, factor: c.factor, folds: c.folds, classes: c.classes });
      expect({ case: i, candidates: schedule.candidates, resources: schedule.resources }).toEqual({ case: i, ...ref.value[i] });
    });
  });

  it("ridge alpha on the same folds and subsamples: the same survivors, scores and best at every iteration", async () => {
    const grid = alphas.concat([0.3, 3e5, 1e6, 2, 5, 50]);
    const result = await tune(regression, { target: "y", model: "ridge", space: { alpha: grid }, search: "halving", budget: 20, seed: 4 });
    const halving = result.data.halving!;
    const { folds } = planFolds("tune", regression, targetOf(regression, "y"), { seed: 4 });
    // The rows each iteration trains and tests on, so scikit-learn's subsampling can be given litml's (its own draws numpy's generator).
    const at = halvingFolds(folds, 4);
    const subsamples = halving.resources.flatMap((r) =>
      at(r, N).flatMap((fold, f) => [
        { fold: f, kind: "train", n: fold.train.length, rows: [...fold.train] },
        { fold: f, kind: "test", n: fold.test.length, rows: [...fold.test] },
      ]),
    );
    const ref = python<{ candidates: number[]; resources: number[]; rows: { alpha: number; iter: number; mean: number }[]; best: number }>(
      PRELUDE +
        `
import sklearn.model_selection._search_successive_halving as sh
where = {}
for f, (tr, te) in enumerate(folds):
    where[tr.tobytes()] = (f, "train")
    where[te.tobytes()] = (f, "test")
table = {(s["fold"], s["kind"], s["n"]): np.array(s["rows"], dtype=np.int64) for s in d["subsamples"]}
def litml_rows(rows, replace, random_state, n_samples):
    return table[where[np.asarray(rows).tobytes()] + (n_samples,)]
sh.resample = litml_rows
s = HalvingRandomSearchCV(make_pipeline(StandardScaler(), Ridge()), {"ridge__alpha": d["grid"]}, n_candidates=20, min_resources="exhaust", factor=3, cv=folds, scoring="neg_root_mean_squared_error", random_state=0, refit=False).fit(X, y)
r = s.cv_results_
emit({"candidates": [int(v) for v in s.n_candidates_], "resources": [int(v) for v in s.n_resources_],
      "rows": [{"alpha": p["ridge__alpha"], "iter": int(i), "mean": -m} for p, i, m in zip(r["params"], r["iter"], r["mean_test_score"])],
      "best": s.best_params_["ridge__alpha"]})`,
      JSON.stringify({ X: xs.map((v) => [...v]), y: [...y], folds: foldsJson(folds), grid, subsamples }),
    );
    expect(halving.candidates).toEqual(ref.value.candidates);
    expect(halving.resources).toEqual(ref.value.resources);
    expect(halving.resources).toEqual([33, 99, 297]);
    const key = (alpha: unknown, iteration: number) => `${alpha}@${iteration}`;
    const ours = new Map(result.data.candidates.map((r) => [key(r.params.alpha, r.iteration), r.mean]));
    expect([...ours.keys()].sort()).toEqual(ref.value.rows.map((r) => key(r.alpha, r.iter)).sort());
    for (const row of ref.value.rows) expect(ours.get(key(row.alpha, row.iter))).toBeCloseTo(row.mean, 9);
    expect(result.data.best.params.alpha).toBe(ref.value.best);
  });
});

describe("nested cross-validation against scikit-learn's cross_val_score of a GridSearchCV", () => {
  it("each outer fold's inner search picks the same alpha and scores the same on the outer test rows", async () => {
    const result = await tune(regression, { target: "y", model: "ridge", space: { alpha: alphas }, nested: true, folds: 4, innerFolds: 3, seed: 1 });
    const { folds } = planFolds("tune", regression, targetOf(regression, "y"), { folds: 4, seed: 1 });
    const inner = folds.map((fold) => {
      const part = regression.take(fold.train);
      return foldsJson(planFolds("tune", part, targetOf(part, "y"), { folds: 3, seed: 1 }).folds);
    });
    const ref = python<{ alpha: number; score: number }[]>(
      PRELUDE +
        `
out = []
for (train, test), inner in zip(folds, d["inner"]):
    cv = [(np.array(a, dtype=np.int64), np.array(b, dtype=np.int64)) for a, b in inner]
    g = GridSearchCV(make_pipeline(StandardScaler(), Ridge()), {"ridge__alpha": d["grid"]}, cv=cv, scoring="neg_root_mean_squared_error").fit(X[train], y[train])
    out.append({"alpha": g.best_params_["ridge__alpha"], "score": -g.score(X[test], y[test])})
emit(out)`,
      JSON.stringify({ X: xs.map((v) => [...v]), y: [...y], folds: foldsJson(folds), grid: alphas, inner }),
    );
    const nested = result.data.nested!;
    expect(nested.outer.map((o) => o.params.alpha)).toEqual(ref.value.map((r) => r.alpha));
    nested.outer.forEach((o, f) => expect(o.tuned).toBeCloseTo(ref.value[f].score, 9));
    expect(result.data.gain.basis).toBe("outer folds");
    // The gain is over the outer folds: default RMSE minus tuned RMSE, fold by fold.
    const diffs = nested.outer.map((o) => o.defaults - o.tuned);
    const share = folds.reduce((s, f) => s + f.test.length / f.train.length, 0) / folds.length;
    expect(result.data.gain.mean).toBeCloseTo(pairedFoldInterval(diffs, share).mean, 12);
  });
});

describe("the gain's paired interval", () => {
  it("is Nadeau and Bengio's corrected resampled t interval (written out with scipy's t quantile)", () => {
    const diffs = [0.012, -0.004, 0.02, 0.007, 0.011];
    const ref = python<[number, number]>(
      `
import numpy as np
from scipy import stats
d = np.array(${JSON.stringify(diffs)}); k = len(d)
se = np.sqrt((1 / k + 0.25) * d.var(ddof=1))
h = stats.t.ppf(0.975, k - 1) * se
emit([d.mean() - h, d.mean() + h])`,
    );
    const interval = pairedFoldInterval(diffs, 0.25);
    expect(interval.low).toBeCloseTo(ref.value[0], 10);
    expect(interval.high).toBeCloseTo(ref.value[1], 10);
  });
});

/** 300 rows, 150 features of which 10 carry a little signal: ridge's default alpha = 1 over-fits, a strong penalty clearly helps. */
function wide(seed: number): Dataset {
  const r = new Random(seed);
  const columns = Array.from({ length: 150 }, () => Float64Array.from({ length: 300 }, () => r.normal()));
  const target = Float64Array.from({ length: 300 }, (_, i) => columns.slice(0, 10).reduce((s, x) => s + 0.25 * x[i], 0) + r.normal());
  return new Dataset([...columns.map((v, c) => [`x${c}`, { type: "number" as const, values: v }] as const), ["y", { type: "number", values: target }]]);
}

describe("the verdict: did tuning earn its complexity?", () => {
  const grid = [0.1, 1, 10, 100, 1000, 1e4];

  it("yes, when the paired gain over the defaults is clear of noise (and says so with the params to use)", async () => {
    const result = await tune(wide(8), { target: "y", model: "ridge", space: { alpha: grid } });
    const d = result.data;
    expect(d.gain.low).toBeGreaterThan(0);
    expect(result.verdict.level).toBe("ok");
    expect(result.verdict.text).toMatch(/^Tuning earned its complexity: .* the best \(alpha = [\d,]+\) scores rmse .* Use alpha = /);
    // The gain is the paired interval over the same folds: default RMSE minus tuned RMSE, fold by fold.
    const { folds } = planFolds("tune", wide(8), targetOf(wide(8), "y"), {});
    const share = folds.reduce((s, f) => s + f.test.length / f.train.length, 0) / folds.length;
    const expected = pairedFoldInterval(d.defaults.foldScores.map((s, f) => s - d.best.foldScores[f]), share);
    expect([d.gain.mean, d.gain.low, d.gain.high]).toEqual([expected.mean, expected.low, expected.high]);
    expect(result.notes.join(" ")).toMatch(/winner's curse/);
  });

  it("quietly no, when the gain lies within noise: keep the defaults", async () => {
    const result = await tune(regression, { target: "y", model: "ridge", space: { alpha: [0.1, 1, 3, 10] } });
    expect(result.data.gain.low).toBeLessThan(0);
    expect(result.data.gain.high).toBeGreaterThan(0);
    expect(result.verdict.level).toBe("ok");
    expect(result.verdict.text).toMatch(/^Tuning did not earn its complexity: .*within noise\. Keep the defaults\.$/);
  });

  it("warns when the tuned model is worse than the defaults beyond noise (a space far from the defaults)", async () => {
    const result = await tune(wide(8), { target: "y", model: "ridge", space: { alpha: [1e-6, 1e-5] } });
    expect(result.data.gain.high).toBeLessThan(0);
    expect(result.verdict.level).toBe("warn");
    expect(result.verdict.text).toMatch(/^Tuning made the model worse: .*Keep the defaults/);
  });

  it("real but below the framing card's minimum gain: keep the defaults unless it is worth it", async () => {
    const result = await tune(wide(8), { target: "y", model: "ridge", space: { alpha: grid }, card: { metric: "rmse", minGain: 5 } });
    expect(result.data.minGain).toBe(5);
    expect(result.verdict.text).toMatch(/below the framing card's minimum gain of 5/);
  });

  it("nested: the estimate is the outer folds', and a best value on the edge of the space is pointed out", async () => {
    const result = await tune(wide(8), { target: "y", model: "ridge", space: { alpha: [0.01, 0.1, 1, 10] }, nested: true, folds: 3 });
    expect(result.data.gain.basis).toBe("outer folds");
    expect(result.verdict.text).toMatch(/tuned inside each outer fold/);
    expect(result.data.atEdge).toEqual(["alpha"]);
    expect(result.notes.join(" ")).toMatch(/alpha \(10\) lies on the edge of the space searched: widen it/);
  });
});

describe("candidates for tracking, the fold policy, random search and the chart", () => {
  it("every candidate's record: params, fold scores, mean, population sd, rank, rows", async () => {
    const result = await tune(regression, { target: "y", model: "ridge", space: { alpha: [1, 10], fitIntercept: [true, false] } });
    const records = result.data.candidates;
    // ParameterGrid's order: params sorted by name, the last varying fastest.
    expect(records.map((r) => r.params)).toEqual([
      { alpha: 1, fitIntercept: true },
      { alpha: 1, fitIntercept: false },
      { alpha: 10, fitIntercept: true },
      { alpha: 10, fitIntercept: false },
    ]);
    for (const r of records) {
      expect(r.foldScores).toHaveLength(5);
      expect(r.mean).toBeCloseTo(r.foldScores.reduce((a, b) => a + b) / 5, 12);
      const m = r.mean;
      expect(r.sd).toBeCloseTo(Math.sqrt(r.foldScores.reduce((s, x) => s + (x - m) ** 2, 0) / 5), 12);
      expect(r.resource).toBe(N);
    }
    expect([...records.map((r) => r.rank)].sort()).toEqual([1, 2, 3, 4]);
  });

  it("follows the engine's policy: group folds keep each group on one side", async () => {
    const groups = Int32Array.from({ length: N }, (_, i) => i % 12);
    const data = new Dataset([...regression.names.map((n) => [n, regression.column(n)] as const), ["g", { type: "category", codes: groups, dictionary: Array.from({ length: 12 }, (_, i) => `g${i}`) }]], { group: "g" });
    const result = await tune(data, { target: "y", model: "ridge", space: { alpha: [1, 10] }, folds: 4 });
    expect(result.data.foldDescription).toBe("4 group folds on g");
  });

  it("random search draws `budget` candidates from ranges (log, whole numbers), the same for the same seed", async () => {
    const options = { target: "label", model: "knn", space: { k: { min: 1, max: 60, integer: true, log: true } }, search: "random" as const, budget: 6, seed: 3 };
    const a = await tune(classification, options);
    const b = await tune(classification, options);
    expect(a.data.candidates).toHaveLength(6);
    expect(a.data.candidates.map((c) => c.params.k)).toEqual(b.data.candidates.map((c) => c.params.k));
    for (const c of a.data.candidates) expect(Number.isInteger(c.params.k) && (c.params.k as number) >= 1 && (c.params.k as number) <= 60).toBe(true);
  });

  it("the chart: one panel per param, points with fold intervals, the best marked (snapshot)", async () => {
    const result = await tune(regression, { target: "y", model: "ridge", space: { alpha: [0.1, 1, 10, 100], fitIntercept: [true, false] } });
    const chart = result.chart as { hconcat: unknown[]; data: { values: { best: boolean }[] } };
    expect(chart.hconcat).toHaveLength(2);
    expect(chart.data.values.filter((v) => v.best)).toHaveLength(1);
    const json = JSON.stringify(result.chart, null, 2);
    expect(json).not.toMatch(/"(score|low|high)": null/);
    await expect(json).toMatchFileSnapshot("__snapshots__/tune-chart.vl.json");
    expect(result.svg).toMatch(/<svg/);
  });
});

describe("bad input", () => {
  const base = { target: "y", model: "ridge" };
  it("a param the model does not have, naming the closest", async () => {
    await expect(tune(regression, { ...base, space: { alhpa: [1, 10] } })).rejects.toThrow(/tune: invalid space: "alhpa" is not a param of ridge\. Did you mean "alpha"\? Its params: "alpha", "fitIntercept"\./);
  });
  it("a scikit-learn spelling, naming litml's", async () => {
    await expect(tune(classification, { target: "label", model: "tree", space: { max_depth: [2, 4] } })).rejects.toThrow(/"max_depth" is not a param of tree\. Did you mean "maxDepth" \(scikit-learn's max_depth\)\?/);
  });
  it("an empty list or an empty range", async () => {
    await expect(tune(regression, { ...base, space: { alpha: [] } })).rejects.toThrow(/"alpha" is \[\], which holds no value to try; give at least one value/);
    await expect(tune(regression, { ...base, space: { alpha: { min: 10, max: 1 } }, search: "random" })).rejects.toThrow(/"alpha" is \{"min":10,"max":1\}, which holds no value to try; give min ≤ max \(swap them/);
    await expect(tune(classification, { target: "label", model: "knn", space: { k: { min: 2.2, max: 2.8, integer: true } } })).rejects.toThrow(/holds no value to try; widen it to hold a whole number/);
  });
  it("a budget below 1, or a budget with a grid", async () => {
    await expect(tune(regression, { ...base, space: { alpha: { min: 1, max: 10 } }, budget: 0 })).rejects.toThrow(/tune: invalid budget: 0; expected a whole number ≥ 1\./);
    await expect(tune(regression, { ...base, space: { alpha: [1, 10] }, search: "grid", budget: 3 })).rejects.toThrow(/no budget with a grid search/);
  });
  it("no space, an empty space, a range in a grid, and exhaust on both sides of halving", async () => {
    await expect(tune(regression, base)).rejects.toThrow(/tune: invalid space: undefined; expected the params to search/);
    await expect(tune(regression, { ...base, space: {} })).rejects.toThrow(/at least one param of ridge/);
    await expect(tune(regression, { ...base, space: { alpha: { min: 1, max: 10 } }, search: "grid" })).rejects.toThrow(/a list of values for a grid search/);
    await expect(tune(regression, { ...base, space: { alpha: [1, 10] }, search: "halving", minResources: "exhaust" })).rejects.toThrow(/cannot both be "exhaust"/);
  });
});

describe("the %tune magic", () => {
  it("expands to one awaited call of litml.tune with the space as an inline value", async () => {
    const { expandMagic } = await import("../../kernel-ext/magics/expand.js");
    const { findMagic } = await import("../../kernel-ext/magics/table.js");
    const code = expandMagic(findMagic("tune")!, "penguins --target Species --model logistic --space {{ C: [0.1, 1] }} --search halving --budget 4 --min-resources 30 --nested", undefined, { isVariable: () => false }, 0, true);
    expect(code).toBe('await litml.tune("penguins", { target: "Species", model: "logistic", space: ({ C: [0.1, 1] }), search: "halving", budget: 4, minResources: "30", nested: true })');
    // The magic reads --min-resources as text; the API takes it as a number of rows.
    const result = await tune(regression, { target: "y", model: "ridge", space: { alpha: [1, 10, 100, 1000] }, search: "halving", minResources: "30" });
    expect(result.data.halving!.resources[0]).toBe(30);
  });
});

describe("the engine's choices reach the search", () => {
  it("the framing card's metric, and time-ordered folds from the card's time column", async () => {
    const days = Float64Array.from({ length: N }, (_, i) => Date.UTC(2024, 0, 1) + i * 86_400_000);
    const dated = new Dataset([...regression.names.map((n) => [n, regression.column(n)] as const), ["day", { type: "date", values: days }]]);
    const result = await tune(dated, { target: "y", model: "ridge", space: { alpha: [1, 100] }, card: { metric: "mae", time: "day" } });
    expect(result.data.metric).toBe("mae");
    expect(result.data.foldDescription).toBe("5 time-ordered folds on day");
    const { folds } = planFolds("tune", dated, targetOf(dated, "y"), {}, { time: "day" });
    // Each candidate is scored on exactly the engine's folds: the test rows of the last fold are the latest days.
    expect(result.data.candidates[0].foldScores).toHaveLength(folds.length);
    expect(Math.max(...folds[4].train)).toBeLessThan(Math.min(...folds[4].test));
  });
});

describe("a budget larger than the grid", () => {
  it("tries each combination once and says so (scikit-learn's ParameterSampler does the same)", async () => {
    const result = await tune(regression, { target: "y", model: "ridge", space: { alpha: [1, 10, 100, 1000] }, search: "random", budget: 10 });
    expect(result.data.candidates.map((c) => c.params.alpha)).toEqual([1, 10, 100, 1000]);
    expect(result.notes).toContain("The budget of 10 candidates exceeds the 4 combinations of the lists, so each combination was tried once.");
  });
});

describe("your own Pipeline", () => {
  it("has its model's params searched, keeping its steps: the same scores as the registry's k-NN behind the same scaling", async () => {
    const { Pipeline } = await import("../../src/features/pipeline.js");
    const { Scale } = await import("../../src/features/steps.js");
    const { KNearestNeighbours } = await import("../../src/models/knn.js");
    const own = new Pipeline([new Scale({ method: "standard" })], new KNearestNeighbours({ weights: "distance" }));
    const options = { target: "label", space: { k: [3, 9, 27] }, metric: "roc-auc" };
    const mine = await tune(classification, { ...options, model: own });
    const registry = await tune(classification, { ...options, model: "knn", params: { weights: "distance" } });
    expect(mine.data.candidates.map((c) => c.mean)).toEqual(registry.data.candidates.map((c) => c.mean));
    // The Pipeline's own params (weights) are the defaults the search is compared against.
    expect(mine.data.defaults.foldScores).toEqual(registry.data.defaults.foldScores);
    await expect(tune(classification, { ...options, model: own, space: { n_neighbors: [3] } })).rejects.toThrow(/"n_neighbors" is not a param of knn\. Did you mean "k" \(scikit-learn's n_neighbors\)\? Its params: "k", "weights"\./);
  });
});
