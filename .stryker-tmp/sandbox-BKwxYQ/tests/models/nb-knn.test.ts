// @ts-nocheck
import { describe, expect, it } from "vitest";
import { fromColumns } from "../../src/data/matrix.js";
import { NaiveBayes } from "../../src/models/naive-bayes.js";
import { KNearestNeighbours } from "../../src/models/knn.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";

const random = new Random(21);
const n = 400;
const codes = Int32Array.from({ length: n }, () => random.int(3));
const continuous = [0, 1, 2].map((j) => Float64Array.from(codes, (c) => random.normal() * (1 + j) + c * (j + 1)));
const counts = [0, 1, 2, 3].map((j) => Float64Array.from(codes, (c) => Math.floor(random.float() * (2 + ((c + j) % 3) * 3))));
const weights = Float64Array.from({ length: n }, () => 0.5 + random.float());
const values = Float64Array.from(continuous[0], (x, i) => 2 * x - continuous[1][i] + random.normal());
const train = 300;
const X = fromColumns(continuous.map((c) => c.slice(0, train)), ["a", "b", "c"]);
const Xtest = fromColumns(continuous.map((c) => c.slice(train)), ["a", "b", "c"]);
const C = fromColumns(counts.map((c) => c.slice(0, train)), ["w", "x", "y", "z"]);
const Ctest = fromColumns(counts.map((c) => c.slice(train)), ["w", "x", "y", "z"]);
const y = { kind: "classification" as const, codes: codes.slice(0, train), classes: ["0", "1", "2"] };

const ref = python<Record<string, number[]>>(
  `
import json, sys
import numpy as np
from sklearn.naive_bayes import GaussianNB, MultinomialNB
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
d = json.load(sys.stdin)
X = np.array(d["continuous"]).reshape(3, -1).T; C = np.array(d["counts"]).reshape(4, -1).T
y, w, v, t = np.array(d["codes"]), np.array(d["weights"]), np.array(d["values"]), ${train}
emit({
  "gaussian": GaussianNB().fit(X[:t], y[:t], sample_weight=w[:t]).predict_proba(X[t:]).T.ravel().tolist(),
  "multinomial": MultinomialNB(alpha=0.5).fit(C[:t], y[:t]).predict_proba(C[t:]).T.ravel().tolist(),
  "knnUniform": KNeighborsClassifier(5).fit(X[:t], y[:t]).predict_proba(X[t:]).T.ravel().tolist(),
  "knnDistance": KNeighborsClassifier(7, weights="distance").fit(X[:t], y[:t]).predict_proba(X[t:]).T.ravel().tolist(),
  "knnRegression": KNeighborsRegressor(5).fit(X[:t], v[:t]).predict(X[t:]).tolist(),
})`,
  JSON.stringify({ continuous: continuous.flatMap((c) => [...c]), counts: counts.flatMap((c) => [...c]), codes: [...codes], weights: [...weights], values: [...values] }),
);

function expectClose(got: ArrayLike<number>, want: number[], name: string) {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i]), `${name}[${i}] (scikit-learn ${ref.versions["scikit-learn"]})`).toBeLessThan(1e-9);
}

describe("naive Bayes against scikit-learn", () => {
  it("Gaussian, with sample weights (GaussianNB)", async () => {
    const fitted = await new NaiveBayes().fit(X, y, { sampleWeight: weights.slice(0, train) });
    expectClose(fitted.predictProba(Xtest).data, ref.value.gaussian, "gaussian");
  });

  it("multinomial on counts, alpha 0.5 (MultinomialNB)", async () => {
    const fitted = await new NaiveBayes({ variant: "multinomial", alpha: 0.5 }).fit(C, y);
    expectClose(fitted.predictProba(Ctest).data, ref.value.multinomial, "multinomial");
  });

  it("multinomial refuses negative features, naming the column", async () => {
    await expect(new NaiveBayes({ variant: "multinomial" }).fit(X, y)).rejects.toThrowError(/column "a" is negative in row/);
  });
});

describe("k-nearest neighbours against scikit-learn", () => {
  it.each([
    ["knnUniform", { k: 5 }],
    ["knnDistance", { k: 7, weights: "distance" as const }],
  ])("classification (%s)", async (name, params) => {
    const fitted = await new KNearestNeighbours(params).fit(X, y);
    if (fitted.task !== "classification") throw new Error("expected a classifier");
    expectClose(fitted.predictProba(Xtest).data, ref.value[name], name);
  });

  it("regression", async () => {
    const fitted = await new KNearestNeighbours({ k: 5 }).fit(X, { kind: "regression", values: values.slice(0, train) });
    expectClose(fitted.predict(Xtest) as Float64Array, ref.value.knnRegression, "regression");
  });
});

describe("k-nearest neighbours on wide data (more than 16 features: exact search without a k-d tree)", () => {
  const wide = Array.from({ length: 20 }, (_, j) => Float64Array.from(codes, (c) => random.normal() + (j % 3 === c ? 0.8 : 0)));
  const wideRef = python<{ proba: number[]; values: number[] }>(
    `
import numpy as np
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
d = json.load(sys.stdin)
X = np.array(d["wide"]).reshape(20, -1).T; y = np.array(d["codes"]); v = np.array(d["values"]); t = ${train}
emit({
  "proba": KNeighborsClassifier(5, algorithm="brute").fit(X[:t], y[:t]).predict_proba(X[t:]).T.ravel().tolist(),
  "values": KNeighborsRegressor(4, weights="distance", algorithm="brute").fit(X[:t], v[:t]).predict(X[t:]).tolist(),
})`,
    JSON.stringify({ wide: wide.flatMap((c) => [...c]), codes: [...codes], values: [...values] }),
  );
  const names = wide.map((_, j) => `f${j}`);
  const Xw = fromColumns(wide.map((c) => c.slice(0, train)), names);
  const Xwtest = fromColumns(wide.map((c) => c.slice(train)), names);

  it("classification and distance-weighted regression match scikit-learn's brute-force search", async () => {
    const classifier = await new KNearestNeighbours({ k: 5 }).fit(Xw, y);
    if (classifier.task !== "classification") throw new Error("expected a classifier");
    expectClose(classifier.predictProba(Xwtest).data, wideRef.value.proba, "wide classification");
    const regressor = await new KNearestNeighbours({ k: 4, weights: "distance" }).fit(Xw, { kind: "regression", values: values.slice(0, train) });
    expectClose(regressor.predict(Xwtest) as Float64Array, wideRef.value.values, "wide regression");
  });
});
