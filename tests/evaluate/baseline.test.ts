import { describe, expect, it } from "vitest";
import { baselineChart } from "../../src/evaluate/baseline/chart.js";
import type { BaselineData } from "../../src/evaluate/baseline/index.js";
import { baseline } from "../../src/evaluate/baseline/index.js";
import { resample } from "../../src/evaluate/baseline/compute.js";
import { load, toDataset } from "../../src/data/convert.js";
import { matrix } from "../../src/data/matrix.js";
import { metric } from "../../src/metrics/registry.js";
import { bootstrapCounts, countedRows, drawsOf, percentileInterval } from "../../src/stats/intervals.js";
import { delongAuc } from "../../src/stats/delong.js";
import { targetOf } from "../../src/features/target.js";
import { planFolds } from "../../src/validate/plan.js";
import { outOfFold } from "../../src/validate/out-of-fold.js";
import { chooseModel } from "../../src/validate/model.js";
import { pipelineFor } from "../../src/features/default-pipeline.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";

const penguins = await load("penguins");

/** scikit-learn's breast-cancer table (shipped as CSV inside scikit-learn), as records. */
const cancer = python<Record<string, number>[]>(`
from sklearn.datasets import load_breast_cancer
frame = load_breast_cancer(as_frame=True).frame
emit(frame.to_dict(orient="records"))
`).value;

describe("baseline", () => {
  it("a real model beats the baselines on penguins, and the zero rule scores the majority share exactly", async () => {
    const result = await baseline(penguins, { target: "Species", models: ["logistic"] });
    expect(result.data.beats).toBe(true);
    expect(result.verdict.level).toBe("ok");
    // Stratified folds keep Adélie the majority in every training fold: accuracy = 152 / 344 (hand count).
    expect(result.data.contenders.find((c) => c.name === "zero-rule")!.score).toBeCloseTo(152 / 344, 12);
    expect(result.data.normalizedGain.low).toBeGreaterThan(0.1);
  });

  it("shuffled labels: the model must not beat the baselines", async () => {
    const records = penguins.toRecords();
    const order = new Random(11).permutation(records.length);
    const shuffled = records.map((r, i) => ({ ...r, Species: records[order[i]].Species }));
    const result = await baseline(shuffled, { target: "Species" });
    expect(result.data.beats).toBe(false);
    expect(result.verdict.level).toBe("fail");
    expect(result.verdict.text).toMatch(/does not beat the baselines/);
  });

  it("a heuristic and a human score join the baselines; the framing's minimum gain decides", async () => {
    const rule = (row: Record<string, unknown>) => ((row["Flipper Length (mm)"] as number) > 206 ? "Gentoo" : (row["Beak Length (mm)"] as number) > 44 ? "Chinstrap" : "Adelie");
    const result = await baseline(penguins.select(["Species", "Flipper Length (mm)", "Beak Length (mm)"]).take(Int32Array.from({ length: 344 }, (_, i) => i).filter((i) => i !== 3 && i !== 339)), {
      target: "Species",
      heuristic: rule,
      human: { score: 0.95, source: "a field biologist's guess" },
      minGain: 0.5,
    });
    const kinds = result.data.contenders.map((c) => c.kind);
    expect(kinds).toEqual(expect.arrayContaining(["heuristic", "human"]));
    expect(result.data.contenders.find((c) => c.kind === "heuristic")!.score).toBeGreaterThan(0.9);
    // The heuristic and the human are strong: no model gains 0.5 over them.
    expect(result.data.beats).toBe(false);
    expect(result.verdict.text).toMatch(/framing card's minimum/);
  });

  it("regression uses the mean and median as zero rules and RMSE by default", async () => {
    const cars = (await load("cars")).select(["Miles_per_Gallon", "Weight_in_lbs", "Horsepower", "Cylinders"]);
    const rows = Int32Array.from({ length: cars.nRows }, (_, i) => i).filter((r) => cars.get(r, "Miles_per_Gallon") !== null);
    const result = await baseline(cars.take(rows), { target: "Miles_per_Gallon" });
    expect(result.data.metric).toBe("rmse");
    expect(result.data.contenders.map((c) => c.name)).toEqual(["random", "zero-rule", "zero-rule (median)", "ridge"]);
    expect(result.data.beats).toBe(true);
  });

  it("is reproducible for a seed", async () => {
    const a = await baseline(penguins, { target: "Species", seed: 5, resamples: 200 });
    const b = await baseline(penguins, { target: "Species", seed: 5, resamples: 200 });
    expect(a.data.gain).toEqual(b.data.gain);
  });

  it("names a bad option, the closest param, and a pipeline fitted for another target", async () => {
    await expect(baseline(penguins, { target: "Species", metric: "acuracy" })).rejects.toThrowError(/Did you mean "accuracy"/);
    await expect(baseline(penguins, { target: "Species", models: [] })).rejects.toThrowError(/invalid models/);
    await expect(baseline(penguins, { target: "Species", model: "logistic", params: { c: 2 } })).rejects.toThrowError(/Did you mean "C"/);
    await expect(baseline(penguins, { target: "Species", resamples: 3 })).rejects.toThrowError(/baseline: invalid resamples/);
    const fitted = await pipelineFor("logistic").fit(penguins, "Island");
    await expect(baseline(penguins, { target: "Species", model: fitted })).rejects.toThrowError(/fitted to predict "Island" but --target is "Species"/);
  });
});

describe("baseline with ROC AUC: resampled from one sort", () => {
  it("each draw's AUC equals scikit-learn's roc_auc_score on the drawn rows, and the percentiles numpy's", () => {
    // Scores with ties (rounded) and a class imbalance, as calibrated probabilities often look.
    const random = new Random(3);
    const n = 300;
    const codes = Int32Array.from({ length: n }, () => (random.float() < 0.3 ? 1 : 0));
    const proba = matrix(n, 2, ["0", "1"]);
    for (let i = 0; i < n; i++) {
      const p = Math.round(Math.min(0.99, Math.max(0.01, 0.3 + 0.25 * codes[i] + 0.2 * random.normal())) * 20) / 20;
      proba.data[n + i] = p;
      proba.data[i] = 1 - p;
    }
    const truth = { kind: "classification" as const, codes, classes: ["0", "1"] };
    // 43 draws: five full blocks of eight and a partial one.
    const blocks = bootstrapCounts(n, 43, new Random(9));
    const draws = drawsOf(blocks);
    const spec = metric("roc-auc");
    const { score, resampled: fast } = resample(spec, truth, { proba }, blocks);
    expect(score).toBeCloseTo(spec.compute(truth, { proba }), 14);
    const slow = Float64Array.from(draws, (counts) => {
      const rows = countedRows(counts);
      return spec.compute({ ...truth, codes: Int32Array.from(rows, (r) => codes[r]) }, { proba: { ...matrix(rows.length, 2, ["0", "1"]), data: Float64Array.from([...rows].map((r) => proba.data[r]).concat([...rows].map((r) => proba.data[n + r]))) } });
    });
    const interval = percentileInterval(score, fast);
    const reference = python<{ aucs: number[]; low: number; high: number }>(
      `
import numpy as np
from sklearn.metrics import roc_auc_score
d = json.loads(sys.stdin.read())
y, s = np.array(d["y"]), np.array(d["s"])
aucs = [roc_auc_score(y[np.repeat(np.arange(len(y)), c)], s[np.repeat(np.arange(len(y)), c)]) for c in d["counts"]]
emit({"aucs": aucs, "low": float(np.percentile(aucs, 2.5)), "high": float(np.percentile(aucs, 97.5))})
`,
      JSON.stringify({ y: [...codes], s: [...proba.data.subarray(n)], counts: draws.map((c) => [...c]) }),
    ).value;
    fast.forEach((auc, i) => {
      expect(auc).toBeCloseTo(reference.aucs[i], 12);
      expect(auc).toBeCloseTo(slow[i], 12);
    });
    expect(interval.low).toBeCloseTo(reference.low, 12);
    expect(interval.high).toBeCloseTo(reference.high, 12);
  });

  it("three classes: the one-vs-rest macro AUC of each draw equals the AUC on the drawn rows", () => {
    const random = new Random(4);
    const n = 200;
    const codes = Int32Array.from({ length: n }, () => random.int(3));
    const proba = matrix(n, 3, ["a", "b", "c"]);
    for (let i = 0; i < n; i++) {
      const raw = [0, 1, 2].map((c) => Math.exp((c === codes[i] ? 1 : 0) + random.normal()));
      const sum = raw[0] + raw[1] + raw[2];
      for (let c = 0; c < 3; c++) proba.data[c * n + i] = Math.round((raw[c] / sum) * 10) / 10;
    }
    const truth = { kind: "classification" as const, codes, classes: ["a", "b", "c"] };
    const blocks = bootstrapCounts(n, 20, new Random(2));
    const draws = drawsOf(blocks);
    const spec = metric("roc-auc");
    const fast = resample(spec, truth, { proba }, blocks).resampled;
    draws.forEach((counts, d) => {
      const rows = countedRows(counts);
      const sub = matrix(rows.length, 3, ["a", "b", "c"]);
      for (let c = 0; c < 3; c++) rows.forEach((r, i) => (sub.data[c * rows.length + i] = proba.data[c * n + r]));
      expect(fast[d]).toBeCloseTo(spec.compute({ ...truth, codes: Int32Array.from(rows, (r) => codes[r]) }, { proba: sub }), 12);
    });
  });

  it("accuracy and RMSE resampled as means of per-row values equal the metric on the drawn rows", () => {
    const random = new Random(6);
    const n = 150;
    const codes = Int32Array.from({ length: n }, () => random.int(3));
    const labels = Int32Array.from(codes, (c) => (random.float() < 0.7 ? c : random.int(3)));
    const y = Float64Array.from({ length: n }, () => random.normal() * 3);
    const p = Float64Array.from(y, (v) => v + random.normal());
    const blocks = bootstrapCounts(n, 12, new Random(1), 5);
    const classes = { kind: "classification" as const, codes, classes: ["a", "b", "c"] };
    const numbers = { kind: "regression" as const, values: y };
    const accuracy = resample(metric("accuracy"), classes, { labels }, blocks);
    const rmse = resample(metric("rmse"), numbers, { values: p }, blocks);
    expect(accuracy.score).toBeCloseTo(metric("accuracy").compute(classes, { labels }), 14);
    drawsOf(blocks).forEach((counts, d) => {
      const rows = countedRows(counts);
      expect(accuracy.resampled[d]).toBeCloseTo(metric("accuracy").compute({ ...classes, codes: Int32Array.from(rows, (r) => codes[r]) }, { labels: Int32Array.from(rows, (r) => labels[r]) }), 12);
      expect(rmse.resampled[d]).toBeCloseTo(metric("rmse").compute({ kind: "regression", values: Float64Array.from(rows, (r) => y[r]) }, { values: Float64Array.from(rows, (r) => p[r]) }), 12);
    });
  });

  it("breast cancer (scikit-learn's CSV): logistic's out-of-fold AUC matches scikit-learn on the same folds, its interval DeLong's, and the baselines sit at 0.5", async () => {
    const data = toDataset(cancer.map((r) => ({ ...r, target: r.target === 1 ? "benign" : "malignant" })));
    const result = await baseline(data, { target: "target", metric: "roc-auc", resamples: 400 });
    const model = result.data.contenders.find((c) => c.kind === "model")!;
    const target = targetOf(data, "target");
    const folds = planFolds("baseline", data, target, { seed: 0 }).folds.map((f) => [...f.test]);
    const features = data.names.filter((c) => c !== "target");
    const reference = python<number>(
      `
import numpy as np
from sklearn.metrics import roc_auc_score
from references import logistic_out_of_fold
d = json.loads(sys.stdin.read())
scores = logistic_out_of_fold(np.array(d["X"]).T, np.array(d["y"]), [np.array(t) for t in d["folds"]])
emit(roc_auc_score(d["y"], scores))
`,
      JSON.stringify({ X: features.map((c) => data.toRecords().map((r) => r[c])), y: [...(target as { codes: Int32Array }).codes], folds }),
    );
    expect(model.score).toBeCloseTo(reference.value, 3);
    // The percentile bootstrap and DeLong's normal interval (src/stats/delong.ts, checked against pROC's formula) estimate one spread.
    const plan = planFolds("baseline", data, target, { seed: 0 });
    const oof = await outOfFold(data, "target", chooseModel("baseline", {}, data, "target").predictor, plan, { withProba: true });
    const codes = (oof.truth as { codes: Int32Array }).codes;
    const delong = delongAuc(codes, oof.predictions.proba!.data.subarray(data.nRows));
    expect(delong.auc).toBeCloseTo(model.score, 12);
    expect(Math.abs(model.low - delong.low)).toBeLessThan(0.005);
    expect(Math.abs(model.high - delong.high)).toBeLessThan(0.005);
    // The zero rule's probabilities are each training fold's class shares: constant within a fold, so near 0.5 pooled.
    expect(result.data.contenders.find((c) => c.name === "zero-rule")!.score).toBeCloseTo(0.5, 1);
    expect(result.data.contenders.find((c) => c.name === "stratified")!.score).toBeCloseTo(0.5, 1);
    expect(result.data.beats).toBe(true);
    expect(result.verdict.level).toBe("ok");
  }, 60_000);
});

describe("baseline on scikit-learn's diabetes regression", () => {
  const rows = python<Record<string, number>[]>(`
from sklearn.datasets import load_diabetes
emit(load_diabetes(as_frame=True).frame.to_dict(orient="records"))
`).value;

  it("the zero rule's out-of-fold RMSE is numpy's on the same folds, ridge beats it; a shuffled target does not", async () => {
    const data = toDataset(rows);
    const result = await baseline(data, { target: "target", resamples: 300 });
    const folds = planFolds("baseline", data, targetOf(data, "target"), { seed: 0 }).folds.map((f) => [...f.test]);
    const reference = python<number>(
      `
import numpy as np
d = json.loads(sys.stdin.read())
y = np.array(d["y"], dtype=float)
pred = np.zeros_like(y)
for test in d["folds"]:
    train = np.setdiff1d(np.arange(len(y)), test)
    pred[test] = y[train].mean()
emit(float(np.sqrt(np.mean((y - pred) ** 2))))
`,
      JSON.stringify({ y: rows.map((r) => r.target), folds }),
    );
    expect(result.data.contenders.find((c) => c.name === "zero-rule")!.score).toBeCloseTo(reference.value, 9);
    expect(result.data.beats).toBe(true);
    const order = new Random(5).permutation(rows.length);
    const shuffled = await baseline(rows.map((r, i) => ({ ...r, target: rows[order[i]].target })), { target: "target", resamples: 300 });
    expect(shuffled.data.beats).toBe(false);
    expect(shuffled.verdict.level).toBe("fail");
  }, 60_000);
});

describe("baseline chart", () => {
  it("matches its reviewed Vega-Lite snapshot (literal data)", async () => {
    const contender = (name: string, kind: "baseline" | "model", score: number) => ({ name, kind, score, low: score - 0.02, high: score + 0.02, foldScores: [score] });
    const data: BaselineData = {
      target: "y", metric: "roc-auc", greaterIsBetter: true, folds: 5,
      contenders: [contender("random", "baseline", 0.5), contender("zero-rule", "baseline", 0.5), contender("logistic", "model", 0.74)],
      bestBaseline: "random", bestModel: "logistic", gain: { value: 0.24, low: 0.22, high: 0.26 }, normalizedGain: { value: 0.48, low: 0.44, high: 0.52 }, rule: "a normalized gain of at least 0.1", beats: true,
    };
    await expect(JSON.stringify(baselineChart(data), null, 2)).toMatchFileSnapshot("__snapshots__/baseline-chart.vl.json");
  });
});

describe("baseline on data as it comes", () => {
  it("leaves rows without a target out, and says how many (pandas counts the same missing values)", async () => {
    const cars = await load("cars");
    const result = await baseline(cars, { target: "Miles_per_Gallon", resamples: 50 });
    const missing = python<number>(`
import pandas as pd
emit(int(pd.read_json(${JSON.stringify(`${process.cwd()}/node_modules/vega-datasets/data/cars.json`)})["Miles_per_Gallon"].isna().sum()))`).value;
    expect(result.data.unlabelled).toMatch(new RegExp(`^${missing} of 406 rows have no value in the target "Miles_per_Gallon"`));
    expect(result.notes[0]).toBe(result.data.unlabelled);
  });

  it("names a heuristic that throws, with the row it threw on and the error", async () => {
    const throwing = (row: Record<string, unknown>) => {
      if (row.Island === "Dream") throw new RangeError("no rule for Dream");
      return "Adelie";
    };
    await expect(baseline("penguins", { target: "Species", resamples: 50, heuristic: throwing })).rejects.toThrowError(/The heuristic threw RangeError: no rule for Dream on the row \{.*"Island":"Dream".*\}\. Make the rule handle such rows/);
  });

  it("names an infinite value as it is in the data: column, value and row", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ x: i === 7 ? -Infinity : i, y: i % 2 ? "a" : "b" }));
    await expect(baseline(rows, { target: "y", resamples: 50 })).rejects.toThrowError(/Column "x" holds -∞ in row 7; models need finite numbers/);
  });
});
