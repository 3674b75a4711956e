import { describe, expect, it } from "vitest";
import { overfitCheckChart } from "../../src/evaluate/overfit-check/chart.js";
import { overfitCheck } from "../../src/evaluate/overfit-check/index.js";
import { load, toDataset } from "../../src/data/convert.js";
import { pipelineFor } from "../../src/features/default-pipeline.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";

type Row = Record<string, number | string>;

/** A class decided by a linear rule over 8 features (no noise): what a healthy linear pipeline can fit exactly. */
function linearRule(n: number, seed: number): Row[] {
  const random = new Random(seed);
  const w = Array.from({ length: 8 }, () => random.normal());
  return Array.from({ length: n }, () => {
    const x = w.map(() => random.normal());
    return { ...Object.fromEntries(x.map((v, j) => [`x${j}`, v])), label: x.reduce((s, v, j) => s + v * w[j], 0) > 0 ? "yes" : "no" };
  });
}

/** y = 2·x0 − x1 + 0.5·x2 + noise whose sd is 60% of the signal's: no model should fit it exactly. */
function noisyRegression(n: number, seed: number): Row[] {
  const random = new Random(seed);
  return Array.from({ length: n }, () => {
    const [a, b, c] = [random.normal(), random.normal(), random.normal()];
    return { x0: a, x1: b, x2: c, y: 2 * a - b + 0.5 * c + 1.4 * random.normal() };
  });
}

function shuffledColumn(rows: Row[], column: string, seed: number): Row[] {
  const order = new Random(seed).permutation(rows.length);
  return rows.map((r, i) => ({ ...r, [column]: rows[order[i]][column] }));
}

describe("overfit check: healthy pipelines pass", () => {
  it("a linear rule with 8 features is fitted exactly by the default logistic model", async () => {
    const result = await overfitCheck(linearRule(200, 1), { target: "label" });
    expect(result.data.trainingError).toBe(0);
    expect(result.data.passed).toBe(true);
    expect(result.verdict.level).toBe("ok");
  });

  it("a noisy linear regression passes: its error is judged against the target's spread and the shuffled fits, not against zero", async () => {
    const result = await overfitCheck(noisyRegression(200, 2), { target: "y" });
    expect(result.data.memorised).toBe(false);
    expect(result.data.trainingError).toBeGreaterThan(0.2);
    expect(result.data.tiedToFeatures).toBe(true);
    expect(result.verdict.level).toBe("ok");
    // The training RMSE over the batch's standard deviation is numpy's least squares on the same rows.
    const rows = noisyRegression(200, 2);
    const reference = python<number>(
      `
import numpy as np
d = json.loads(sys.stdin.read())
X = np.column_stack([np.ones(len(d["y"])), np.array(d["X"])])
y = np.array(d["y"])
beta = np.linalg.lstsq(X, y, rcond=None)[0]
emit(float(np.sqrt(np.mean((y - X @ beta) ** 2)) / np.std(y)))
`,
      JSON.stringify({ X: result.data.batch.map((r) => [rows[r].x0, rows[r].x1, rows[r].x2]), y: result.data.batch.map((r) => rows[r].y) }),
    );
    expect(result.data.trainingError).toBeCloseTo(reference.value, 6);
  });

  it("penguins: the default pipeline memorises 32 rows", async () => {
    const result = await overfitCheck("penguins", { target: "Species" });
    expect(result.data.passed).toBe(true);
    expect(result.data.memorised).toBe(true);
  });
});

describe("overfit check: broken pipelines fail", () => {
  it("shuffled labels (classes and numbers) fail", async () => {
    for (const seed of [3, 4, 5]) {
      const classes = await overfitCheck(shuffledColumn(linearRule(200, seed), "label", seed), { target: "label", seed });
      expect(classes.data.passed).toBe(false);
      expect(classes.verdict.level).toBe("fail");
      const numbers = await overfitCheck(shuffledColumn(noisyRegression(200, seed), "y", seed), { target: "y", seed });
      expect(numbers.data.passed).toBe(false);
      expect(numbers.verdict.text).toMatch(/no better on the real labels than on shuffled ones/);
    }
  });

  it("a constant feature matrix fails and says so", async () => {
    const rows = linearRule(100, 6).map((r) => ({ ...Object.fromEntries(Object.keys(r).filter((k) => k !== "label").map((k) => [k, 1])), label: r.label }));
    const result = await overfitCheck(rows, { target: "label" });
    expect(result.data.constantFeatures).toBe(true);
    expect(result.data.passed).toBe(false);
    expect(result.verdict.text).toMatch(/Every feature holds a single value/);
  });

  it("labels in the wrong order fail on penguins", async () => {
    const rows = (await load("penguins")).toRecords().map((r, i) => ({ ...r, Species: i % 3 === 0 ? "x" : i % 3 === 1 ? "y" : "z" }));
    const result = await overfitCheck(rows, { target: "Species" });
    expect(result.data.passed).toBe(false);
  });
});

describe("overfit check: a model that must bend", () => {
  // Four quadrants with alternating classes (XOR): no linear model fits them; an MLP with its ReLU does.
  // An MLP whose activation is lost is a linear model and fails here (the mutant that survived every other test).
  const xor = (() => {
    const random = new Random(8);
    return Array.from({ length: 32 }, () => {
      const [a, b] = [2 * random.float() - 1, 2 * random.float() - 1];
      return { a, b, label: a * b > 0 ? "same" : "opposite" };
    });
  })();

  it("an MLP learns the XOR batch; the linear default cannot", async () => {
    const mlp = await overfitCheck(xor, { target: "label", model: "mlp", params: { hidden: [32], epochs: 300, learningRate: 0.02 }, shuffles: 9 });
    expect(mlp.data.trainingError).toBeLessThanOrEqual(0.1);
    expect(mlp.data.passed).toBe(true);
    const linear = await overfitCheck(xor, { target: "label" });
    expect(linear.data.trainingError).toBeGreaterThan(0.3);
    expect(linear.data.passed).toBe(false);
  }, 120_000);
});

describe("overfit check on outside data", () => {
  it("statsmodels' spector (32 students, GPA/TUCE/PSI → grade): the logistic fit beats shuffled labels, as its likelihood-ratio test says", async () => {
    const reference = python<{ rows: Row[]; llrP: number }>(`
import statsmodels.api as sm
data = sm.datasets.spector.load_pandas().data
fit = sm.Logit(data["GRADE"], sm.add_constant(data[["GPA", "TUCE", "PSI"]])).fit(disp=0)
emit({"rows": data.assign(GRADE=data["GRADE"].map({0.0: "no", 1.0: "yes"})).to_dict(orient="records"), "llrP": float(fit.llr_pvalue)})
`).value;
    expect(reference.llrP).toBeLessThan(0.01);
    const result = await overfitCheck(reference.rows, { target: "GRADE" });
    expect(result.data.rows).toBe(32);
    expect(result.data.passed).toBe(true);
    const broken = await overfitCheck(shuffledColumn(reference.rows, "GRADE", 1), { target: "GRADE" });
    expect(broken.data.passed).toBe(false);
  });

  it("scikit-learn's diabetes regression: passes, and fails once the target is shuffled", async () => {
    const rows = python<Row[]>(`
from sklearn.datasets import load_diabetes
emit(load_diabetes(as_frame=True).frame.to_dict(orient="records"))
`).value;
    const result = await overfitCheck(rows, { target: "target" });
    expect(result.data.passed).toBe(true);
    expect(result.data.memorised).toBe(false);
    // Shuffled labels pass a permutation test at most 5% of the time by design; this shuffle is one of the 95%.
    const broken = await overfitCheck(shuffledColumn(rows, "target", 12), { target: "target" });
    expect(broken.data.passed).toBe(false);
  });
});

describe("overfit check: a weak but real signal", () => {
  it("statsmodels' fair (any affair, 8 features): 32 rows cannot tell, so the batch grows until it can; shuffled labels still fail", async () => {
    const rows = python<Row[]>(`
import statsmodels.api as sm
data = sm.datasets.fair.load_pandas().data
data["affair"] = (data.pop("affairs") > 0).map({True: "yes", False: "no"})
emit(data.to_dict(orient="records"))
`).value;
    const result = await overfitCheck(rows, { target: "affair" });
    expect(result.data.smallerBatches.length).toBeGreaterThan(0);
    expect(result.data.rows).toBeGreaterThan(32);
    expect(result.data.passed).toBe(true);
    expect(result.notes.join(" ")).toMatch(/Smaller batches could not tell/);
    const broken = await overfitCheck(shuffledColumn(rows, "affair", 3), { target: "affair" });
    expect(broken.data.passed).toBe(false);
    expect(broken.data.rows).toBe(512);
    // A batch size chosen by the user is kept.
    expect((await overfitCheck(rows, { target: "affair", rows: 32 })).data.rows).toBe(32);
  }, 60_000);
});

describe("overfit check: bad input", () => {
  it("names the closest param, a pipeline fitted for another target, and a bad option", async () => {
    await expect(overfitCheck("penguins", { target: "Species", model: "logistic", params: { maxIteration: 10 } })).rejects.toThrowError(/Did you mean "maxIterations"/);
    const fitted = await pipelineFor("logistic").fit(await load("penguins"), "Island");
    await expect(overfitCheck("penguins", { target: "Species", model: fitted })).rejects.toThrowError(/fitted to predict "Island" but --target is "Species"/);
    await expect(overfitCheck("penguins", { target: "Species", rows: 2 })).rejects.toThrowError(/overfitCheck: invalid rows/);
    await expect(overfitCheck(toDataset([{ a: 1, y: 1 }]), { target: "z" })).rejects.toThrowError(/"z"/);
  });
});

describe("overfit check chart", () => {
  it("matches its reviewed Vega-Lite snapshot (literal data)", async () => {
    const chart = overfitCheckChart({
      target: "y", task: "regression", model: "ridge", rows: 32, batch: [], trainingError: 0.42, raw: 1.3, shuffled: [0.9, 0.95, 0.97, 1], memorised: false, tiedToFeatures: true, memorisesNoise: false, constantFeatures: false, passed: true, smallerBatches: [],
    });
    await expect(JSON.stringify(chart, null, 2)).toMatchFileSnapshot("__snapshots__/overfit-check-chart.vl.json");
  });
});
