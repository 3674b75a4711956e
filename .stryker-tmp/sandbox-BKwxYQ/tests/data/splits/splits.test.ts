// @ts-nocheck
import { describe, expect, it } from "vitest";
import { groupKFold } from "../../../src/data/splits/group-kfold.js";
import { holdout, kFold, stratifiedKFold } from "../../../src/data/splits/kfold.js";
import { timeSplit } from "../../../src/data/splits/time-split.js";
import { Random } from "../../../src/util/random.js";
import { python } from "../../helpers/python.js";

const sklearn = python<{ kfold: number[][]; time: Record<string, number[][][]> }>(`
import numpy as np
from sklearn.model_selection import KFold, TimeSeriesSplit
X = np.zeros((103, 1))
emit({
  "kfold": [test.tolist() for _, test in KFold(5).split(X)],
  "time": {
    name: [[train.tolist(), test.tolist()] for train, test in TimeSeriesSplit(**kw).split(X)]
    for name, kw in {
      "plain": dict(n_splits=4),
      "gap": dict(n_splits=3, gap=5, test_size=10),
      "sliding": dict(n_splits=3, gap=2, test_size=12, max_train_size=30),
    }.items()
  },
})`);

function allDisjointAndComplete(n: number, folds: { train: Int32Array; test: Int32Array }[]) {
  const seen = new Uint8Array(n);
  for (const { train, test } of folds) {
    const inTest = new Set(test);
    for (const r of train) expect(inTest.has(r)).toBe(false);
    expect(train.length + test.length).toBe(n);
    for (const r of test) seen[r]++;
  }
  expect([...seen].every((c) => c === 1)).toBe(true);
}

describe("kFold", () => {
  it("matches scikit-learn's KFold without shuffling", () => {
    const folds = kFold(103, 5);
    expect(folds.map((f) => [...f.test])).toEqual(sklearn.value.kfold);
    allDisjointAndComplete(103, folds);
  });

  it("shuffles reproducibly with a seed", () => {
    const a = kFold(50, 5, { shuffle: true, seed: 3 });
    const b = kFold(50, 5, { shuffle: true, seed: 3 });
    expect(a.map((f) => [...f.test])).toEqual(b.map((f) => [...f.test]));
    allDisjointAndComplete(50, a);
  });
});

describe("stratifiedKFold", () => {
  it("keeps every class's count within one across folds", () => {
    const random = new Random(1);
    const labels = Int32Array.from({ length: 997 }, () => (random.float() < 0.1 ? 2 : random.float() < 0.5 ? 0 : 1));
    const folds = stratifiedKFold(labels, 5, { seed: 4 });
    allDisjointAndComplete(labels.length, folds);
    for (let c = 0; c < 3; c++) {
      const counts = folds.map((f) => f.test.filter((r) => labels[r] === c).length);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
    const sizes = folds.map((f) => f.test.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
});

describe("holdout", () => {
  it("holds out the asked share, stratified by class", () => {
    const labels = Int32Array.from({ length: 1000 }, (_, i) => (i < 100 ? 1 : 0));
    const { train, test } = holdout(1000, { testSize: 0.25, seed: 9, stratify: labels });
    expect(test.length).toBe(250);
    expect(test.filter((r) => labels[r] === 1).length).toBe(25);
    expect(train.length).toBe(750);
  });

  it("gives the same split for the same seed", () => {
    expect([...holdout(100, { seed: 1 }).test]).toEqual([...holdout(100, { seed: 1 }).test]);
    expect([...holdout(100, { seed: 1 }).test]).not.toEqual([...holdout(100, { seed: 2 }).test]);
  });
});

describe("groupKFold", () => {
  it("never lets a group span train and test, and balances fold sizes", () => {
    const random = new Random(2);
    const groups = Int32Array.from({ length: 600 }, () => random.int(40));
    const folds = groupKFold(groups, 5, { seed: 1 });
    allDisjointAndComplete(600, folds);
    for (const { train, test } of folds) {
      const trainGroups = new Set([...train].map((r) => groups[r]));
      for (const r of test) expect(trainGroups.has(groups[r])).toBe(false);
    }
    const sizes = folds.map((f) => f.test.length);
    expect(Math.max(...sizes) / Math.min(...sizes)).toBeLessThan(1.25);
  });

  it("refuses fewer groups than folds", () => {
    expect(() => groupKFold([0, 0, 1, 1], 3)).toThrowError(/at least 3 groups, found 2/);
  });
});

describe("timeSplit", () => {
  it.each([
    ["plain", { folds: 4 }],
    ["gap", { folds: 3, gap: 5, testSize: 10 }],
    ["sliding", { folds: 3, gap: 2, testSize: 12, maxTrainSize: 30, window: "sliding" as const }],
  ])("matches scikit-learn's TimeSeriesSplit (%s)", (name, options) => {
    const folds = timeSplit(103, options);
    expect(folds.map((f) => [[...f.train], [...f.test]])).toEqual(sklearn.value.time[name]);
  });

  it("never trains on a row later than its test rows, in the time order given", () => {
    const random = new Random(3);
    const times = Float64Array.from({ length: 200 }, () => random.float() * 1000);
    const order = Int32Array.from({ length: 200 }, (_, i) => i).sort((a, b) => times[a] - times[b]);
    for (const { train, test } of timeSplit(200, { folds: 5, gap: 3 }, order)) {
      const lastTrain = Math.max(...[...train].map((r) => times[r]));
      const firstTest = Math.min(...[...test].map((r) => times[r]));
      expect(lastTrain).toBeLessThan(firstTest);
    }
  });

  it("explains when there are too few rows", () => {
    expect(() => timeSplit(20, { folds: 5, testSize: 4, gap: 1 })).toThrowError(/need more than 20 rows/);
  });
});
