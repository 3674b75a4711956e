import { describe, expect, it } from "vitest";
import { Dataset } from "../../src/data/dataset.js";
import { toDataset } from "../../src/data/convert.js";
import { kFold } from "../../src/data/splits/kfold.js";
import { leakage } from "../../src/evaluate/leakage/leakage.js";
import { testRowsBeforeTraining, testRowsSharingKeys } from "../../src/evaluate/leakage/overlap.js";
import { rowKeys } from "../../src/evaluate/leakage/row-keys.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";

const num = (values: number[]) => ({ type: "number" as const, values: Float64Array.from(values) });
const checkOf = (result: Awaited<ReturnType<typeof leakage>>, name: string) => result.data.checks.find((c) => c.check === name)!;

/** n rows: two informative numbers, a noise category, a group id (10 rows each) and a binary target. */
function planted(n: number, seed: number) {
  const random = new Random(seed);
  return Array.from({ length: n }, (_, i) => {
    const x = random.normal();
    const z = random.normal();
    return { x, z, colour: ["red", "green", "blue"][random.int(3)], patient: `p${Math.floor(i / 10)}`, day: i, label: x + z + random.normal() > 0 ? "yes" : "no" };
  });
}

describe("row keys and overlaps (hand computations)", () => {
  const columns = [num([1, 1, 1.0001, 2, NaN, NaN]), { type: "category" as const, codes: Int32Array.from([0, 0, 0, 0, -1, -1]), dictionary: ["a"] }];
  it("exact keys match equal rows (missing equals missing); near keys also match rows within 1% of a standard deviation", () => {
    const exact = rowKeys(columns, 6, false);
    const near = rowKeys(columns, 6, true);
    expect(exact[0]).toBe(exact[1]);
    expect(exact[2]).not.toBe(exact[0]);
    expect(exact[4]).toBe(exact[5]);
    expect(near[2]).toBe(near[0]);
    expect(near[3]).not.toBe(near[0]);
  });

  it("counts test rows whose key or group is in training, and test rows older than training", () => {
    const folds = [
      { train: Int32Array.from([0, 1, 2]), test: Int32Array.from([3, 4]) },
      { train: Int32Array.from([2, 3, 4]), test: Int32Array.from([0, 1]) },
    ];
    expect(testRowsSharingKeys([7, 8, 9, 7, 5], folds)).toBe(2); // row 3 (key 7) in fold 1; row 0 (key 7) in fold 2
    expect(testRowsBeforeTraining(Float64Array.from([10, 20, 30, 40, 50]), folds)).toBe(2); // rows 0 and 1 precede 50
  });
});

describe("leakage with planted answers", () => {
  it("finds nothing in clean data", async () => {
    const result = await leakage(planted(600, 1), { target: "label" });
    expect(result.verdict.level).toBe("ok");
    expect(result.data.checks.every((c) => c.level === "ok")).toBe(true);
  });

  it("finds a leaked feature, and only that one", async () => {
    const rows = planted(600, 2).map((r, i) => ({ ...r, outcome_code: r.label === "yes" ? (i % 97 === 0 ? 0 : 1) : 0 }));
    const result = await leakage(rows, { target: "label" });
    expect(result.data.solo.filter((s) => s.suspicious).map((s) => s.column)).toEqual(["outcome_code"]);
    expect(result.data.solo[0].score).toBeGreaterThan(0.98);
    expect(result.verdict.level).toBe("fail");
    expect(result.verdict.text).toMatch(/"outcome_code" alone scores balanced-accuracy 0\.9\d+ out of fold/);
  });

  it("finds a leak in regression too (R² of the feature alone)", async () => {
    const random = new Random(3);
    const rows = Array.from({ length: 400 }, () => {
      const x = random.normal();
      const price = 3 * x + random.normal();
      return { x, price, price_per_unit_times_units: price * 1.0001 };
    });
    const result = await leakage(rows, { target: "price" });
    expect(result.data.metric).toBe("r2");
    expect(result.data.solo.find((s) => s.suspicious)?.column).toBe("price_per_unit_times_units");
  });

  it("finds copies of test rows in training, exact and near", async () => {
    const rows = planted(500, 4);
    const copies = rows.slice(0, 50).map((r) => ({ ...r }));
    const nearCopies = rows.slice(50, 100).map((r) => ({ ...r, x: r.x + 1e-5 }));
    const result = await leakage([...rows, ...copies, ...nearCopies], { target: "label" });
    expect(checkOf(result, "duplicates").rows).toBeGreaterThan(50);
    expect(checkOf(result, "duplicates").level).toBe("fail");
    expect(checkOf(result, "near-duplicates").rows).toBeGreaterThan(50);
    expect(result.verdict.level).toBe("fail");
  });

  it("finds groups on both sides of shuffled folds, and none with group folds", async () => {
    const rows = planted(500, 5);
    const shuffled = await leakage(rows, { target: "label", group: "patient", split: "stratified" });
    expect(checkOf(shuffled, "shared groups").level).toBe("fail");
    expect(checkOf(shuffled, "shared groups").rows).toBeGreaterThan(400);
    const grouped = await leakage(rows, { target: "label", group: "patient" });
    expect(grouped.data.validation).toBe("5 group folds on patient");
    expect(checkOf(grouped, "shared groups")).toMatchObject({ level: "ok", rows: 0 });
  });

  it("finds the future in training with shuffled folds, and not with time-ordered ones", async () => {
    const rows = planted(500, 6);
    const shuffled = await leakage(rows, { target: "label", time: "day", split: "stratified" });
    expect(checkOf(shuffled, "time overlap").level).toBe("warn");
    const ordered = await leakage(rows, { target: "label", time: "day" });
    expect(ordered.data.validation).toBe("5 time-ordered folds on day");
    expect(checkOf(ordered, "time overlap")).toMatchObject({ level: "ok", rows: 0 });
  });

  it("compares a training set with a separate test set", async () => {
    const rows = planted(400, 7);
    const result = await leakage(rows.slice(0, 300), { target: "label", test: [...rows.slice(300), ...rows.slice(0, 20)] });
    expect(result.data.validation).toBe("the training data against the test set");
    expect(result.data.testRows).toBe(120);
    expect(checkOf(result, "duplicates").rows).toBe(20);
  });

  it("scores a feature alone as scikit-learn's depth-3 tree does on the same folds", async () => {
    const random = new Random(8);
    const x = Array.from({ length: 500 }, () => random.normal());
    const y = x.map((v) => (v + 0.8 * random.normal() > 0.3 ? 1 : 0));
    const folds = kFold(500, 5, { shuffle: true, seed: 0 });
    const data = new Dataset([["x", num(x)], ["y", { type: "category", codes: Int32Array.from(y), dictionary: ["0", "1"] }]]);
    const result = await leakage(data, { target: "y", split: "kfold" });
    const reference = python<number>(
      `
import json, sys
import numpy as np
from sklearn.tree import DecisionTreeClassifier
from sklearn.metrics import balanced_accuracy_score
d = json.load(sys.stdin)
x, y = np.array(d["x"]).reshape(-1, 1), np.array(d["y"])
pred = np.zeros(len(y), dtype=int)
for test in d["folds"]:
    train = np.setdiff1d(np.arange(len(y)), test)
    pred[test] = DecisionTreeClassifier(max_depth=3, random_state=0).fit(x[train], y[train]).predict(x[test])
emit(balanced_accuracy_score(y, pred))`,
      JSON.stringify({ x, y, folds: folds.map((f) => [...f.test]) }),
    );
    expect(result.data.solo[0].score).toBeCloseTo(reference.value, 2);
  });

  it("names what is wrong with bad input", async () => {
    await expect(leakage(planted(50, 9))).rejects.toThrowError(/leakage: invalid target: undefined; expected the column to predict/);
    await expect(leakage(planted(50, 9), { target: "lable" })).rejects.toThrowError(/Unknown column "lable"\. Did you mean "label"\?/);
    await expect(leakage(planted(50, 9), { target: "label", test: [{ x: 1 }] })).rejects.toThrowError(/leakage: the test set lacks "z", "colour", "patient", "day", "label"; it needs the same columns as DATA/);
    await expect(leakage(toDataset(planted(50, 9)), { target: "label", time: "colour" })).rejects.toThrowError(/invalid time: "colour"; expected a date or numeric column/);
  });
});
