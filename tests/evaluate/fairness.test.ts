import { describe, expect, it } from "vitest";
import { kFold, stratifiedKFold } from "../../src/data/splits/kfold.js";
import { fairness } from "../../src/evaluate/fairness/index.js";
import { invariance } from "../../src/evaluate/invariance/index.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";
import { SKLEARN_DATA } from "../helpers/outside-data.js";

type Row = Record<string, number | string>;

/** A statsmodels data set as records, read by statsmodels from the CSV it ships. */
function statsmodels(name: string, transform = ""): Row[] {
  return python<Row[]>(`
from statsmodels.datasets import ${name}
d = ${name}.load_pandas().data
${transform}
emit(d.to_dict("records"))`).value;
}

/**
 * Fairlearn's definitions, computed by hand in numpy on out-of-fold predictions of
 * litml's default logistic pipeline (scikit-learn, the same folds): demographic parity
 * difference = the range of the groups' selection rates, equalized odds difference = the
 * larger of the ranges of their true and false positive rates.
 */
function fairlearnByHand(X: number[][], y: number[], groups: (number | string)[], folds: number[][]) {
  return python<{
    dpd: number;
    eod: number;
    labelGap: number;
    selection: Record<string, number>;
    tpr: Record<string, number>;
    fpr: Record<string, number>;
    rows: Record<string, number>;
    ratio: number;
    positives: number;
    skill: [number, number, number];
  }>(`
import json, sys
import numpy as np
from references import logistic_out_of_fold
d = json.load(sys.stdin)
y, g = np.array(d["y"]), np.array([str(v) for v in d["g"]])
pred = (logistic_out_of_fold(d["X"], y, d["folds"]) > 0.5).astype(int)
keys = sorted(set(g))
sel = {k: pred[g == k].mean() for k in keys}
tpr = [pred[(g == k) & (y == 1)].mean() for k in keys]
fpr = [pred[(g == k) & (y == 0)].mean() for k in keys]
rng = lambda v: max(v) - min(v)
# Youden's J with Newcombe's hybrid score interval (statsmodels' "newcomb").
from statsmodels.stats.proportion import confint_proportions_2indep
tp, pos, fp, neg = int(pred[y == 1].sum()), int((y == 1).sum()), int(pred[y == 0].sum()), int((y == 0).sum())
low, high = confint_proportions_2indep(tp, pos, fp, neg, method="newcomb", compare="diff")
emit({"dpd": rng(list(sel.values())), "eod": max(rng(tpr), rng(fpr)), "labelGap": max(abs(sel[k] - y[g == k].mean()) for k in keys), "selection": sel,
      "tpr": dict(zip(keys, tpr)), "fpr": dict(zip(keys, fpr)), "rows": {k: int((g == k).sum()) for k in keys},
      "ratio": min(sel.values()) / max(sel.values()), "positives": int(pred.sum()), "skill": [tp / pos - fp / neg, float(low), float(high)]})`,
    JSON.stringify({ X, y, g: groups, folds }),
  ).value;
}

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

describe("fairness counts predictions, not labels (imperfect predictions, outside data)", () => {
  const cases: [string, () => Row[], string, string, string][] = [
    ["statsmodels' anes96 (1996 US election survey): vote across education levels", () => statsmodels("anes96", 'd["vote"] = d["vote"].map({0.0: "Clinton", 1.0: "Dole"})'), "vote", "educ", "Dole"],
    ["statsmodels' fair (affairs survey): an affair across religiousness", () => statsmodels("fair", 'd["affair"] = (d.pop("affairs") > 0).map({True: "yes", False: "no"})'), "affair", "religious", "yes"],
  ];
  for (const [name, read, target, sensitive, positive] of cases) {
    it(name, async () => {
      const rows = read();
      // minSize 1: every group is judged, as Fairlearn's definitions take them all.
      const result = await fairness(rows, { target, sensitive, positive, minSize: 1 });
      const features = Object.keys(rows[0]).filter((k) => k !== target);
      const y = rows.map((r) => (r[target] === positive ? 1 : 0));
      // litml's classes sort alphabetically; code 1 is the positive class in both cases here.
      const folds = stratifiedKFold(Int32Array.from(y), 5, { seed: 0 }).map((f) => [...f.test]);
      const reference = fairlearnByHand(rows.map((r) => features.map((f) => r[f] as number)), y, rows.map((r) => r[sensitive]), folds);
      expect(result.data.demographicParity.value).toBeCloseTo(reference.dpd, 2);
      expect(result.data.equalizedOdds.value).toBeCloseTo(reference.eod, 2);
      for (const g of result.data.groups) {
        expect(g.selectionRate).toBeCloseTo(reference.selection[g.group], 2);
        expect(g.truePositiveRate, `${g.group}: true positive rate`).toBeCloseTo(reference.tpr[g.group], 2);
        expect(g.falsePositiveRate, `${g.group}: false positive rate`).toBeCloseTo(reference.fpr[g.group], 2);
        expect(g.rows).toBe(reference.rows[g.group]);
      }
      expect(result.data.disparateImpactRatio).toBeCloseTo(reference.ratio, 2);
      expect(result.data.predictedPositives).toBeCloseTo(reference.positives, -1);
      expect(result.data.skill.value).toBeCloseTo(reference.skill[0], 2);
      expect(result.data.skill.low).toBeCloseTo(reference.skill[1], 2);
      expect(result.data.skill.high).toBeCloseTo(reference.skill[2], 2);
      // Counting labels would give each group its base rate, and an equalized odds difference of 0:
      // the predictions are far enough from the labels for this test to tell the two apart.
      expect(reference.labelGap).toBeGreaterThan(0.05);
      expect(reference.eod).toBeGreaterThan(0.05);
    }, 120_000);
  }
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
    // The default for numbers is ridge, a linear model: the nudge reads the sign of its coefficient, and the verdict says so.
    expect(result.data.linear).toBe(true);
    expect(result.data.expectations[0].meanMove).toBeLessThan(0);
    expect(result.verdict.text).toMatch(/ridge's coefficient on "effort" is negative: raising "effort" by 1(\.\d+)? \(one standard deviation\) lowers the prediction by \d\.\d+ on average, where you expected a rise\. That is a property of the fitted model, not a test of the data/);
    const tree = await invariance(rows, { target: "score", sensitive: "group", expect: { effort: "+" }, model: "tree" });
    expect(tree.data.linear).toBe(false);
    expect(tree.verdict.text).toMatch(/Raising "effort" by 1(\.\d+)? moves the prediction the wrong way for \d+(\.\d)?% of rows/);
  }, 60_000);

  it("statsmodels' fair, a linear model: the swap and the nudge move the prediction by the fold models' coefficients (scikit-learn OLS on the same folds)", async () => {
    const rows = statsmodels("fair");
    const result = await invariance(rows, { target: "affairs", sensitive: "religious", model: "linear", expect: { educ: "+" } });
    const features = Object.keys(rows[0]).filter((k) => k !== "affairs");
    const folds = kFold(rows.length, 5, { shuffle: true, seed: 0 }).map((f) => [...f.test]);
    const reference = python<{ move: number; swap14: number; sign: number[] }>(`
import json, sys
import numpy as np
from sklearn.linear_model import LinearRegression
d = json.load(sys.stdin)
X, y = np.array(d["X"], dtype=float), np.array(d["y"])
educ, religious = d["features"].index("educ"), d["features"].index("religious")
step = X[:, educ].std(ddof=1)
move, swap, signs, n14 = 0.0, 0.0, [], 0
for test in d["folds"]:
    train = np.setdiff1d(np.arange(len(y)), test)
    coef = LinearRegression().fit(X[train], y[train]).coef_
    move += len(test) * coef[educ] * step
    ones = [r for r in test if X[r, religious] == 1]
    swap += len(ones) * coef[religious] * (4 - 1); n14 += len(ones)
    signs.append(float(np.sign(coef[educ])))
emit({"move": move / len(y), "swap14": swap / n14, "sign": signs})`,
      JSON.stringify({ X: rows.map((r) => features.map((f) => r[f])), y: rows.map((r) => r.affairs), features, folds }),
    ).value;
    const educ = result.data.expectations[0];
    expect(educ.meanMove).toBeCloseTo(reference.move, 6);
    expect(result.data.swaps.find((s) => s.from === "1" && s.to === "4")!.meanChange!).toBeCloseTo(reference.swap14, 6);
    const sign = reference.sign[0] < 0 ? "negative" : "positive";
    expect(new Set(reference.sign).size).toBe(1);
    if (sign === "negative") expect(result.verdict.text).toMatch(/linear's coefficient on "educ" is negative/);
    else expect(result.notes.join(" ")).toMatch(/linear's coefficient on "educ" has the expected sign \(positive\)/);
  }, 120_000);

  it("statsmodels' anes96, logistic: the flip rate when only party identification changes, and the sign of the coefficient on self-placement, equal scikit-learn's on the same folds", async () => {
    const rows = statsmodels("anes96", 'd["vote"] = d["vote"].map({0.0: "Clinton", 1.0: "Dole"})');
    const result = await invariance(rows, { target: "vote", sensitive: "PID", expect: { selfLR: "-" } });
    const features = Object.keys(rows[0]).filter((k) => k !== "vote");
    const y = rows.map((r) => (r.vote === "Dole" ? 1 : 0));
    const folds = stratifiedKFold(Int32Array.from(y), 5, { seed: 0 }).map((f) => [...f.test]);
    const reference = python<{ flipRate: number; signs: number[] }>(`
import json, sys
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
d = json.load(sys.stdin)
X, y = np.array(d["X"], dtype=float), np.array(d["y"])
pid, self_lr = d["features"].index("PID"), d["features"].index("selfLR")
values = np.unique(X[:, pid])
changed, signs = np.zeros(len(y), bool), []
for test in d["folds"]:
    train = np.setdiff1d(np.arange(len(y)), test)
    scaler = StandardScaler().fit(X[train])
    model = LogisticRegression(C=1.0, tol=1e-10, max_iter=10000).fit(scaler.transform(X[train]), y[train])
    before = model.predict(scaler.transform(X[test]))
    for v in values:
        swapped = X[test].copy(); swapped[:, pid] = v
        changed[test] |= model.predict(scaler.transform(swapped)) != before
    signs.append(float(np.sign(model.coef_[0][self_lr])))
emit({"flipRate": float(changed.mean()), "signs": signs})`,
      JSON.stringify({ X: rows.map((r) => features.map((f) => r[f])), y, features, folds }),
    ).value;
    expect(result.data.flipRate).toBeCloseTo(reference.flipRate, 2);
    // Party identification drives the vote: swapping it alone changes many predictions, and the verdict fails the model.
    expect(result.verdict.level).toBe("fail");
    expect(new Set(reference.signs).size).toBe(1);
    // More conservative self-placement raises the probability of a Dole vote in every fold: against the expected "-".
    expect(reference.signs[0]).toBe(1);
    // The null case: a model blind to party identification cannot change its prediction when only PID changes.
    const blind = await invariance(rows, { target: "vote", sensitive: "PID", features: features.filter((f) => f !== "PID") });
    expect(blind.data.flipRate).toBe(0);
    expect(blind.verdict.level).toBe("ok");
    expect(result.verdict.text).toMatch(/logistic's coefficient on "selfLR" is positive: raising "selfLR" by 1(\.\d+)? \(one standard deviation\) raises the predicted probability by 0\.\d+ on average, where you expected a fall/);
  }, 120_000);

  it("names what is wrong with bad input", async () => {
    const rows = perfectlyPredictable(100, 6);
    await expect(invariance(rows, { target: "outcome", sensitive: "group", expect: { group: "+" } })).rejects.toThrowError(/invalid expect: "group"; expected numeric columns/);
    await expect(invariance(rows, { target: "outcome", sensitive: "group", expect: { x: "up" as "+" } })).rejects.toThrowError(/invalid expect: \{"x":"up"\}; expected \{ column: "\+" \| "-" \}/);
  });
});

describe("invariance on a regression judges the size of the shift, not any change (scikit-learn's diabetes)", () => {
  /** scikit-learn's diabetes CSVs, sex as two labels; `transform` may edit the target. */
  const diabetes = (transform: string) =>
    python<{ rows: Row[]; coef: number; p: number; sd: number }>(`
import glob, numpy as np, pandas as pd
import statsmodels.api as sm
D = ${JSON.stringify(SKLEARN_DATA(""))}
X = np.loadtxt(D + "/diabetes_data_raw.csv.gz"); y = np.loadtxt(D + "/diabetes_target.csv.gz")
d = pd.DataFrame(X, columns=["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]); d["prog"] = y
rng = np.random.default_rng(5)
${transform}
fit = sm.OLS(d.prog, sm.add_constant(d.drop(columns="prog"))).fit()
d["sex"] = d.sex.map({1: "s1", 2: "s2"})
emit({"rows": d.to_dict("records"), "coef": float(fit.params["sex"]), "p": float(fit.pvalues["sex"]), "sd": float(d.prog.std())})`).value;

  it("a shuffled target: OLS finds no sex effect (p > 0.05), and neither does invariance", async () => {
    const { rows, p, sd } = diabetes('d["prog"] = rng.permutation(d.prog.values)');
    expect(p).toBeGreaterThan(0.05);
    const result = await invariance(rows, { target: "prog", sensitive: "sex" });
    expect(result.data.targetSd).toBeCloseTo(sd, 6);
    const swap = result.data.swaps.find((s) => s.from === "s1")!;
    expect(swap.changeLow!).toBeLessThan(0);
    expect(swap.changeHigh!).toBeGreaterThan(0);
    expect(result.verdict.level).toBe("ok");
    expect(result.verdict.text).toMatch(/do not agree it differs from 0/);
    expect(result.verdict.text).not.toMatch(/drop it/);
  }, 60_000);

  it("a planted effect (prog + 40 for sex 2, about half a standard deviation) fails, with the OLS coefficient inside the interval", async () => {
    const { rows, coef, p } = diabetes('d["prog"] = rng.permutation(d.prog.values) + 40 * (d.sex == 2)');
    expect(p).toBeLessThan(1e-3);
    const result = await invariance(rows, { target: "prog", sensitive: "sex", model: "linear" });
    const swap = result.data.swaps.find((s) => s.from === "s1")!;
    expect(swap.changeLow!).toBeGreaterThan(0);
    expect(swap.meanChange!).toBeCloseTo(coef, -1);
    expect(result.verdict.level).toBe("fail");
    expect(result.verdict.text).toMatch(/drop it/);
  }, 60_000);
});

describe("invariance's advice matches its level", () => {
  it("a classifier that flips 0.5% of rows is ok, and is not told to drop the attribute", async () => {
    const { invarianceVerdict } = await import("../../src/evaluate/invariance/verdict.js");
    const verdict = invarianceVerdict({ target: "y", sensitive: "noise", model: "logistic", linear: true, task: "classification", rows: 1000, flipRate: 0.005, flipLow: 0.002, flipHigh: 0.012, swaps: [], expectations: [], notes: [] });
    expect(verdict.level).toBe("ok");
    expect(verdict.text).toMatch(/too few to matter/);
    expect(verdict.text).not.toMatch(/drop it/);
  });
});

describe("fairness judges only groups with enough rows, and only credible gaps", () => {
  /** vega-datasets' movies with "hit" = worldwide gross above twice the budget, as the reviewer built it; `shuffle` permutes hit. */
  const movies = (shuffle: boolean) =>
    python<{ rows: Row[]; sizes: Record<string, number>; nc17: [number, number] }>(`
import numpy as np, pandas as pd
from statsmodels.stats.proportion import proportion_confint
m = pd.read_json("node_modules/vega-datasets/data/movies.json")
m["hit"] = np.where(m["Worldwide Gross"] > 2 * m["Production Budget"], "yes", "no")
m = m.drop(columns=["Worldwide Gross", "US Gross", "US DVD Sales"])
if ${shuffle ? "True" : "False"}: m["hit"] = np.random.default_rng(8).permutation(m.hit.values)
sizes = m[m.hit.notna()]["MPAA Rating"].value_counts().to_dict()
m = m.astype(object).where(m.notna(), None)
emit({"rows": m.to_dict("records"), "sizes": sizes, "nc17": list(proportion_confint(sizes["NC-17"], sizes["NC-17"], method="wilson"))})`).value;

  it("a shuffled target: NC-17 (8 rows, Wilson 0.68 to 1 when all 8 are predicted) is listed, not judged, and a model without skill is not called unfair", async () => {
    const { rows, sizes, nc17 } = movies(true);
    expect(sizes["NC-17"]).toBe(8);
    expect(nc17[0]).toBeCloseTo(0.676, 3);
    const result = await fairness(rows, { target: "hit", sensitive: "MPAA Rating" });
    const small = result.data.groups.filter((g) => !g.judged).map((g) => g.group);
    expect(small.sort()).toEqual(Object.keys(sizes).filter((k) => sizes[k] < 30).sort());
    expect(result.data.skill.low).toBeLessThanOrEqual(0);
    expect(result.verdict.level).not.toBe("fail");
    expect(result.verdict.text).toMatch(/no better than chance.*the check is empty, not passed/);
    expect(result.verdict.text).toMatch(/NC-17 \(8 rows\)/);
  }, 120_000);

  it("the real target: the gap is over the judged groups only, and still fails", async () => {
    const { rows } = movies(false);
    const result = await fairness(rows, { target: "hit", sensitive: "MPAA Rating" });
    const judged = result.data.groups.filter((g) => g.judged).map((g) => g.selectionRate);
    expect(result.data.demographicParity.value).toBeCloseTo(Math.max(...judged) - Math.min(...judged), 12);
    expect(result.data.skill.low).toBeGreaterThan(0);
    expect(result.data.demographicParity.low).toBeGreaterThan(0);
    expect(result.verdict.level).toBe("fail");
  }, 120_000);

  it("a tiny group with an extreme rate does not fail a fair model; Newcombe's interval matches statsmodels' for two groups", async () => {
    const random = new Random(2);
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const x = random.normal();
      return { x, group: i % 3 === 0 ? "p" : "q", outcome: x + 0.5 * random.normal() > 0.3 ? "yes" : "no" };
    });
    for (let i = 0; i < 6; i++) rows.push({ x: 3, group: "tiny", outcome: i < 3 ? "yes" : "no" });
    const result = await fairness(rows, { target: "outcome", sensitive: "group", positive: "yes" });
    expect(result.data.groups.find((g) => g.group === "tiny")!.judged).toBe(false);
    expect(result.verdict.level).toBe("ok");
    const [p, q] = ["p", "q"].map((k) => result.data.groups.find((g) => g.group === k)!);
    const [hi, lo] = p.selectionRate >= q.selectionRate ? [p, q] : [q, p];
    const reference = python<[number, number]>(`
import json, sys
from statsmodels.stats.proportion import confint_proportions_2indep
d = json.load(sys.stdin)
emit(list(confint_proportions_2indep(d[0], d[1], d[2], d[3], method="newcomb", compare="diff")))`,
      JSON.stringify([Math.round(hi.selectionRate * hi.rows), hi.rows, Math.round(lo.selectionRate * lo.rows), lo.rows]),
    ).value;
    expect(result.data.demographicParity.high).toBeCloseTo(reference[1], 6);
    expect(result.data.demographicParity.low).toBeCloseTo(Math.max(0, reference[0]), 6);
  }, 60_000);

  it("a model that predicts no positives makes the check empty, and the target among the features is an error naming the fix", async () => {
    const rows = statsmodels("fair", 'd["affair"] = (d.pop("affairs") > 0).map({True: "yes", False: "no"})');
    const share = rows.filter((r) => r.affair === "yes").length / rows.length;
    expect(share).toBeLessThan(0.5); // the majority class is "no": the zero rule never predicts "yes"
    const empty = await fairness(rows, { target: "affair", sensitive: "religious", positive: "yes", model: "zero-rule" });
    expect(empty.data.predictedPositives).toBe(0);
    expect(empty.verdict.level).toBe("warn");
    expect(empty.verdict.text).toMatch(/predicts "yes" for no row.*the check is empty, not passed/);
    await expect(fairness(rows, { target: "affair", sensitive: "occupation", features: ["affair", "age"] })).rejects.toThrowError(/invalid features: they include the target "affair".*features: \["age"\]/);
  }, 60_000);
});
