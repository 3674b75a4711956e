// @ts-nocheck
import { describe, expect, it } from "vitest";
import { fromColumns } from "../../src/data/matrix.js";
import { LogisticRegression, type FittedLogistic } from "../../src/models/logistic.js";
import { LinearRegression, type FittedLinear } from "../../src/models/linear.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";

// Seeded data with unequal feature scales and overlapping classes, so the penalty matters.
const random = new Random(11);
const n = 300;
const columns = [0, 1, 2].map(() => new Float64Array(n));
const codes3 = new Int32Array(n);
const codes2 = new Int32Array(n);
const values = new Float64Array(n);
const weights = new Float64Array(n);
for (let i = 0; i < n; i++) {
  codes3[i] = random.int(3);
  columns[0][i] = random.normal() + codes3[i] * 0.8;
  columns[1][i] = 3 * random.normal() - codes3[i];
  columns[2][i] = random.normal() * 0.5;
  codes2[i] = columns[0][i] + 0.3 * columns[1][i] + random.normal() > 0.5 ? 1 : 0;
  values[i] = 2 * columns[0][i] - 0.7 * columns[1][i] + 4 + random.normal();
  weights[i] = 0.5 + random.float() * 2;
}
const X = fromColumns(columns, ["a", "b", "c"]);

const ref = python<Record<string, { coef: number[][]; intercept: number[] }>>(
  `
import json, sys
import numpy as np
from sklearn.linear_model import LogisticRegression, Ridge, LinearRegression
d = json.load(sys.stdin)
X = np.array(d["X"]).reshape(3, -1).T
w = np.array(d["weights"])
out = {}
def lr(name, y, **kw):
    sw = kw.pop("sample_weight", None)
    m = LogisticRegression(tol=1e-12, max_iter=100000, **kw).fit(X, y, sample_weight=sw)
    out[name] = {"coef": m.coef_.tolist(), "intercept": m.intercept_.tolist()}
lr("binary", np.array(d["codes2"]), C=0.3)
lr("binaryWeighted", np.array(d["codes2"]), C=2.0, sample_weight=w)
lr("multinomial", np.array(d["codes3"]), C=0.5)
lr("multinomialBalanced", np.array(d["codes3"]), C=1.0, class_weight="balanced")
for name, model in {"ridge": Ridge(alpha=10.0), "linear": LinearRegression()}.items():
    for weighted in (False, True):
        m = model.fit(X, np.array(d["values"]), sample_weight=w if weighted else None)
        out[name + ("Weighted" if weighted else "")] = {"coef": [m.coef_.tolist()], "intercept": [float(m.intercept_)]}
emit(out)
`,
  JSON.stringify({ X: [...X.data], codes2: [...codes2], codes3: [...codes3], values: [...values], weights: [...weights] }),
);

function expectCoefficients(got: { coefficients: readonly Float64Array[]; intercepts: ArrayLike<number> }, name: string) {
  const want = ref.value[name];
  const label = `${name} (scikit-learn ${ref.versions["scikit-learn"]})`;
  got.coefficients.forEach((row, v) => row.forEach((c, j) => expect(Math.abs(c - want.coef[v][j]), `${label} coef[${v}][${j}]`).toBeLessThan(1e-4)));
  Array.from(got.intercepts).forEach((b, v) => expect(Math.abs(b - want.intercept[v]), `${label} intercept[${v}]`).toBeLessThan(1e-4));
}

const classes2 = { kind: "classification" as const, codes: codes2, classes: ["0", "1"] };
const classes3 = { kind: "classification" as const, codes: codes3, classes: ["0", "1", "2"] };

describe("logistic regression against scikit-learn's LogisticRegression (lbfgs, tol 1e-12)", () => {
  it("binary, C = 0.3", async () => {
    expectCoefficients((await new LogisticRegression({ C: 0.3 }).fit(X, classes2)) as FittedLogistic, "binary");
  });

  it("binary with sample weights, C = 2", async () => {
    expectCoefficients((await new LogisticRegression({ C: 2 }).fit(X, classes2, { sampleWeight: weights })) as FittedLogistic, "binaryWeighted");
  });

  it("multinomial, three classes, C = 0.5", async () => {
    const fitted = (await new LogisticRegression({ C: 0.5 }).fit(X, classes3)) as FittedLogistic;
    expect(fitted.converged).toBe(true);
    expectCoefficients(fitted, "multinomial");
  });

  it("multinomial with balanced class weights", async () => {
    expectCoefficients((await new LogisticRegression({ classWeight: "balanced" }).fit(X, classes3)) as FittedLogistic, "multinomialBalanced");
  });
});

describe("logistic regression warm starts and binary predictions", () => {
  const firstRows = (k: number) => fromColumns(columns.map((c) => c.subarray(0, k)), ["a", "b", "c"]);
  const codesOf = (codes: Int32Array, k: number, classes: string[]) => ({ kind: "classification" as const, codes: codes.subarray(0, k), classes });

  it("a warm start from a fit on fewer rows ends at scikit-learn's optimum", async () => {
    for (const [target, name, small] of [[classes2, "binary", codesOf(codes2, 100, ["0", "1"])], [classes3, "multinomial", codesOf(codes3, 100, ["0", "1", "2"])]] as const) {
      const C = name === "binary" ? 0.3 : 0.5;
      const earlier = await new LogisticRegression({ C }).fit(firstRows(100), small);
      expectCoefficients((await new LogisticRegression({ C }).fit(X, target, { warmStart: earlier })) as FittedLogistic, name);
    }
  });

  it("a warm start near the optimum saves iterations (two classes, the learning curve's tolerance)", async () => {
    const params = { C: 0.3, tolerance: 1e-6 };
    const cold = (await new LogisticRegression(params).fit(X, classes2)) as FittedLogistic;
    const earlier = await new LogisticRegression(params).fit(firstRows(200), codesOf(codes2, 200, ["0", "1"]));
    const warm = (await new LogisticRegression(params).fit(X, classes2, { warmStart: earlier })) as FittedLogistic;
    expect(warm.iterations).toBeLessThan(cold.iterations);
  });

  it("ignores a warm start with other features or classes", async () => {
    const cold = (await new LogisticRegression({ C: 0.3 }).fit(X, classes2)) as FittedLogistic;
    const otherFeatures = await new LogisticRegression({ C: 0.3 }).fit(fromColumns([columns[0], columns[1]], ["a", "b"]), classes2);
    const otherClasses = await new LogisticRegression({ C: 0.3 }).fit(X, classes3);
    for (const warmStart of [otherFeatures, otherClasses]) {
      const fitted = (await new LogisticRegression({ C: 0.3 }).fit(X, classes2, { warmStart })) as FittedLogistic;
      expect(fitted.iterations).toBe(cold.iterations);
      expect([...fitted.coefficients[0]]).toEqual([...cold.coefficients[0]]);
    }
  });

  it("predicts the class with the larger probability, ties to the first", async () => {
    const fitted = (await new LogisticRegression({ C: 0.3 }).fit(X, classes2)) as FittedLogistic;
    const proba = fitted.predictProba(X).data;
    const predicted = fitted.predict(X);
    for (let i = 0; i < n; i++) expect(predicted[i], `row ${i}`).toBe(proba[n + i] > proba[i] ? 1 : 0);
    // A row scored exactly 0 has probability ½ for both classes: the first class wins, as argmax gives it.
    const onBoundary = fromColumns([Float64Array.of(-fitted.intercepts[0] / fitted.coefficients[0][0]), Float64Array.of(0), Float64Array.of(0)], ["a", "b", "c"]);
    const z = fitted.intercepts[0] + fitted.coefficients[0][0] * onBoundary.data[0];
    expect(fitted.predict(onBoundary)[0]).toBe(z > 0 ? 1 : 0);
  });
});

describe("ridge and least squares against scikit-learn", () => {
  const target = { kind: "regression" as const, values };
  const asRows = (f: FittedLinear) => ({ coefficients: [f.coefficients], intercepts: [f.intercept] });

  it.each([
    ["ridge", { alpha: 10 }],
    ["linear", {}],
  ] as const)("%s, with and without weights", async (model, params) => {
    expectCoefficients(asRows((await new LinearRegression(model, params).fit(X, target)) as FittedLinear), model);
    expectCoefficients(asRows((await new LinearRegression(model, params).fit(X, target, { sampleWeight: weights })) as FittedLinear), `${model}Weighted`);
  });

  it("least squares survives perfectly collinear features", async () => {
    const collinear = fromColumns([columns[0], columns[0].map((v) => 2 * v)], ["a", "twice a"]);
    const fitted = (await new LinearRegression("linear").fit(collinear, target)) as FittedLinear;
    expect(fitted.predict(collinear).every(Number.isFinite)).toBe(true);
  });
});

describe("params are checked in fit, naming the model and the param", () => {
  it("rejects a bad C", async () => {
    await expect(new LogisticRegression({ C: -1 }).fit(X, classes2)).rejects.toThrowError(/logistic: invalid C: -1; expected a positive number/);
  });
});
