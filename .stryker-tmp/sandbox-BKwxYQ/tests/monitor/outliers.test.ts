// @ts-nocheck
import { describe, expect, it } from "vitest";
import { fromColumns } from "../../src/data/matrix.js";
import { outliers } from "../../src/monitor/outliers/outliers.js";
import { isolationForestScores } from "../../src/monitor/outliers/isolation-forest.js";
import { pcaReconstructionErrors, symmetricEigen } from "../../src/monitor/outliers/pca.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";

const random = new Random(9);
const n = 600;
const a = Float64Array.from({ length: n }, () => random.normal());
const b = Float64Array.from(a, (v) => 0.8 * v + 0.3 * random.normal());
const c = Float64Array.from({ length: n }, () => random.normal());
// Three planted outliers: far out on a, off the a–b line, far out on c.
[[0, 6, 4.8, 0], [1, 0, 4, 0], [2, 0, 0, 7]].forEach(([row, x, y, z]) => ([a[row], b[row], c[row]] = [x, y, z]));

describe("the detectors against scikit-learn", () => {
  const X = fromColumns([a, b, c], ["a", "b", "c"]);
  const reference = python<{ eigen: number[]; errors: number[]; isolation: number[] }>(
    `
import json, sys
import numpy as np
from sklearn.decomposition import PCA
from sklearn.ensemble import IsolationForest
d = json.load(sys.stdin)
X = np.array(d["X"]).T
pca = PCA().fit(X)
keep = PCA(n_components=2).fit(X)
errors = ((X - keep.inverse_transform(keep.transform(X))) ** 2).sum(axis=1)
forest = IsolationForest(n_estimators=200, random_state=0).fit(X)
emit({"eigen": pca.explained_variance_.tolist(), "errors": errors.tolist(), "isolation": (-forest.score_samples(X)).tolist()})`,
    JSON.stringify({ X: [[...a], [...b], [...c]] }),
  );

  it("PCA: eigenvalues and reconstruction errors equal scikit-learn's", () => {
    const covariance = new Float64Array(9);
    const cols = [a, b, c];
    const means = cols.map((col) => col.reduce((s, v) => s + v, 0) / n);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) covariance[i * 3 + j] = cols[i].reduce((s, v, r) => s + (v - means[i]) * (cols[j][r] - means[j]), 0) / (n - 1);
    const { values } = symmetricEigen(covariance, 3);
    values.forEach((v, i) => expect(v).toBeCloseTo(reference.value.eigen[i], 9));
    const { errors, components } = pcaReconstructionErrors(X, (reference.value.eigen[0] + reference.value.eigen[1] - 1e-9) / reference.value.eigen.reduce((s, v) => s + v, 0));
    expect(components).toBe(2);
    errors.forEach((e, r) => expect(e).toBeCloseTo(reference.value.errors[r], 8));
  });

  it("isolation forest: ranks rows as scikit-learn's does (Spearman ≥ 0.9) and puts the planted rows in its top 2%", () => {
    const scores = isolationForestScores(X, { trees: 200, seed: 1 });
    const rank = (v: ArrayLike<number>) => {
      const order = Array.from({ length: v.length }, (_, i) => i).sort((x, y) => v[x] - v[y]);
      const r = new Float64Array(v.length);
      order.forEach((row, position) => (r[row] = position));
      return r;
    };
    const ours = rank(scores);
    const theirs = rank(reference.value.isolation);
    const d2 = ours.reduce((s, v, i) => s + (v - theirs[i]) ** 2, 0);
    expect(1 - (6 * d2) / (n * (n * n - 1))).toBeGreaterThan(0.9);
    const top = Array.from(scores.keys()).sort((x, y) => scores[y] - scores[x]).slice(0, Math.ceil(0.02 * n));
    expect(top).toEqual(expect.arrayContaining([0, 1, 2]));
  });
});

describe("outliers with planted answers", () => {
  const rows = Array.from({ length: n }, (_, r) => ({ a: a[r], b: b[r], c: c[r], y: 2 * a[r] + random.normal() * 0.2 }));

  it("finds the planted rows where two detectors agree, and says what is unusual about them", async () => {
    const result = await outliers(rows, { columns: ["a", "b", "c"], contamination: 0.02 });
    const found = result.data.flagged.map((f) => f.row);
    expect(found).toEqual(expect.arrayContaining([0, 1, 2]));
    expect(result.data.outliers).toBeLessThanOrEqual(Math.ceil(0.02 * n));
    expect(result.data.flagged.find((f) => f.row === 2)!.unusual).toMatch(/^c \(z = 6\.\d+\)/);
    // Row 1 breaks the a–b relation without being extreme in either: the principal components see it.
    expect(result.data.flagged.find((f) => f.row === 1)!.reconstruction).toBeGreaterThan(5);
  });

  it("tells an outlier the model handles from an edge case it fails", async () => {
    // Row 0 is an outlier that still follows y = 2a; row 5 is ordinary but its target is wrong by a mile.
    const planted = rows.map((r, i) => (i === 5 ? { ...r, y: r.y + 40 } : r));
    const result = await outliers(planted, { target: "y", columns: ["a", "b", "c"], model: "linear" });
    const summary = result.data.edgeCases!;
    expect(summary.outliersHandledWell).toBeGreaterThanOrEqual(2);
    expect(summary.edgeCasesAmongInliers).toBeGreaterThanOrEqual(1);
    expect(result.data.flagged.find((f) => f.row === 0)!.edgeCase).toBe(false);
    expect(result.verdict.text).toMatch(/being unusual and being mispredicted are different things/);
  }, 60_000);

  it("names what is wrong with bad input", async () => {
    await expect(outliers(rows, { contamination: 0.7 })).rejects.toThrowError(/invalid contamination: 0\.7; expected a share of rows between 0 and 0\.5/);
    await expect(outliers(rows.slice(0, 10))).rejects.toThrowError(/invalid DATA: "10 rows"; expected at least 20 rows/);
    await expect(outliers(rows, { columns: ["d"] })).rejects.toThrowError(/Unknown column "d"/);
  });
});
