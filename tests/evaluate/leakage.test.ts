import { describe, expect, it } from "vitest";
import { Dataset } from "../../src/data/dataset.js";
import { toDataset } from "../../src/data/convert.js";
import { kFold } from "../../src/data/splits/kfold.js";
import { leakage } from "../../src/evaluate/leakage/index.js";
import { testRowsBeforeTraining, testRowsSharingKeys } from "../../src/evaluate/leakage/overlap.js";
import { rowKeys } from "../../src/data/row-keys.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";
import { STATSMODELS_DATA } from "../helpers/outside-data.js";
import { load } from "../../src/data/convert.js";
import { planFolds } from "../../src/validate/plan.js";
import { targetOf } from "../../src/features/target.js";

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
    const textDays = planted(20, 10).map((r) => ({ ...r, day: `d${r.day}` }));
    await expect(leakage(planted(50, 9), { target: "label", test: textDays })).rejects.toThrowError(/Cannot compare DATA and the test set: the types differ for "day \(number → category\)"/);
    await expect(leakage(planted(50, 9), { target: "label", split: "random" as never })).rejects.toThrowError(/leakage: invalid split: "random"/);
  });
});

/**
 * Survey answers: `levels.length` coarse columns that depend on each other through a hidden
 * class (four kinds of respondent), and a yes/no outcome that depends on the class too.
 */
function survey(n: number, seed: number, levels: readonly number[] = [3, 4, 5, 3, 5]) {
  const random = new Random(seed);
  const shape = new Random(99);
  const probabilities = [0, 1, 2, 3].map(() =>
    levels.map((k) => {
      const w = Array.from({ length: k }, () => shape.float() ** 3);
      const total = w.reduce((a, b) => a + b);
      return w.map((x) => x / total);
    }),
  );
  return Array.from({ length: n }, () => {
    const kind = random.int(4);
    const row: Record<string, number | string> = {};
    levels.forEach((k, j) => {
      let u = random.float();
      let v = 0;
      while (v < k - 1 && u > probabilities[kind][j][v]) u -= probabilities[kind][j][v++];
      row[`q${j}`] = `answer ${v}`;
    });
    row.outcome = random.float() < 0.2 + 0.15 * kind ? "yes" : "no";
    return row;
  });
}

/** Fresh rows that equal some training row on the features, and those whose every copy has another label (pandas). */
function pandasCopies(train: object[], test: object[], features: string[], label: string) {
  return python<{ rows: number; conflicting: number }>(
    `
import json, sys
import pandas as pd
d = json.load(sys.stdin)
train, test, f, y = pd.DataFrame(d["train"]), pd.DataFrame(d["test"]), d["features"], d["label"]
keys = set(map(tuple, train[f].values.tolist()))
labelled = set(map(tuple, train[f + [y]].values.tolist()))
matched = [tuple(r) in keys for r in test[f].values.tolist()]
agree = [tuple(r) in labelled for r in test[f + [y]].values.tolist()]
emit({"rows": int(sum(matched)), "conflicting": int(sum(m and not a for m, a in zip(matched, agree)))})`,
    JSON.stringify({ train, test, features, label }),
  ).value;
}

describe("copies judged against chance", () => {
  it("coarse survey answers: most rows repeat, as independent respondents would, and that is not a leak", async () => {
    const train = survey(3000, 1);
    const fresh = survey(750, 2);
    const features = ["q0", "q1", "q2", "q3", "q4"];
    const result = await leakage(train, { target: "outcome", test: fresh });
    // A fresh sample of other respondents is what chance means: its copies are counted by pandas, and the chance model must predict them.
    const reference = pandasCopies(train, fresh, features, "outcome");
    expect(result.data.exact.rows).toBe(reference.rows);
    expect(result.data.exact.conflicting).toBe(reference.conflicting);
    expect(reference.rows / 750).toBeGreaterThan(0.5);
    expect(Math.abs(result.data.exact.expected - reference.rows) / reference.rows).toBeLessThan(0.05);
    expect(checkOf(result, "duplicates").level).toBe("ok");
    expect(checkOf(result, "duplicates").text).toMatch(/chance alone predicts about [\d,]+.*That is what chance predicts/);
    // Copies whose outcome differs are reported as what they are.
    expect(reference.conflicting).toBeGreaterThan(5);
    expect(checkOf(result, "duplicates").text).toMatch(new RegExp(`${reference.conflicting} of them differ in the label from every copy`));
    const folds = await leakage(train, { target: "outcome" });
    expect(checkOf(folds, "duplicates").level).toBe("ok");
    expect(folds.data.exact.rows / 3000).toBeGreaterThan(0.5);
  }, 60_000);

  it("eight coarse answers that hang together through a hidden kind of respondent: chance still predicts the copies", async () => {
    const levels = [5, 6, 7, 6, 4, 6, 6, 6];
    const train = survey(2000, 11, levels);
    const fresh = survey(500, 12, levels);
    const result = await leakage(train, { target: "outcome", test: fresh });
    const reference = pandasCopies(train, fresh, levels.map((_, j) => `q${j}`), "outcome");
    expect(result.data.exact.rows).toBe(reference.rows);
    expect(Math.abs(result.data.exact.expected - reference.rows) / reference.rows).toBeLessThan(0.15);
    expect(checkOf(await leakage(train, { target: "outcome" }), "duplicates").level).toBe("ok");
  }, 60_000);

  it("real copies still stand out when one fine-grained column tells respondents apart", async () => {
    const random = new Random(3);
    const rows = survey(2000, 3).map((r) => ({ ...r, income: Math.round(random.normal() * 20_000 + 50_000) }));
    const clean = await leakage(rows, { target: "outcome" });
    expect(checkOf(clean, "duplicates").level).toBe("ok");
    const copied = await leakage([...rows, ...rows.slice(0, 200).map((r) => ({ ...r }))], { target: "outcome" });
    expect(checkOf(copied, "duplicates").level).toBe("fail");
    expect(copied.data.exact.expected).toBeLessThan(20);
    expect(checkOf(copied, "duplicates").text).toMatch(/copies beyond chance with the same label/);
  }, 60_000);

  it("the whole data set twice is a leak, even where columns take a few dozen values", async () => {
    const random = new Random(5);
    const rows = Array.from({ length: 400 }, () => ({ age: 20 + random.int(50), score: Math.round(random.normal() * 10), colour: ["red", "blue"][random.int(2)], y: random.float() < 0.5 ? "a" : "b" }));
    const clean = await leakage(rows, { target: "y" });
    expect(checkOf(clean, "duplicates").level).toBe("ok");
    const twice = await leakage([...rows, ...rows.map((r) => ({ ...r }))], { target: "y" });
    expect(checkOf(twice, "duplicates").level).toBe("fail");
  });

  it("copies whose labels conflict are not a leak: the features cannot tell those rows apart", async () => {
    const random = new Random(4);
    const rows = Array.from({ length: 600 }, () => ({ x: random.normal(), z: random.normal(), y: random.float() < 0.5 ? "a" : "b" }));
    // The same rows again with the other label: copies, every one conflicting.
    const flipped = rows.slice(0, 120).map((r) => ({ ...r, y: r.y === "a" ? "b" : "a" }));
    const result = await leakage([...rows, ...flipped], { target: "y" });
    expect(result.data.exact.rows).toBeGreaterThan(150);
    expect(result.data.exact.conflicting).toBe(result.data.exact.rows);
    expect(checkOf(result, "duplicates").level).toBe("ok");
    expect(checkOf(result, "duplicates").text).toMatch(/differ in the label from every copy: the features cannot tell those rows apart/);
  });

  it.each([
    [2000, 2],
    [20000, 2],
    [2000, 3],
    [20000, 3],
  ])("near copies among %i rows of %i uniform columns are at the chance rate", async (n, d) => {
    const uniform = (count: number, seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: count }, () => ({ ...Object.fromEntries(Array.from({ length: d }, (_, j) => [`u${j}`, random.float()])), y: random.float() < 0.5 ? "a" : "b" }));
    };
    const train = uniform(n, n + d);
    const result = await leakage(train, { target: "y" });
    expect(checkOf(result, "near-duplicates").level).toBe("ok");
    expect(result.verdict.level).toBe("ok");
    // Chance is what a fresh sample shows: its near copies in training, against the expected count.
    const fresh = await leakage(train, { target: "y", test: uniform(n / 4, 7) });
    const { rows, expected } = fresh.data.near;
    expect(Math.abs(rows - expected)).toBeLessThan(0.1 * expected + 3 * Math.sqrt(expected) + 1);
  }, 60_000);
});

describe("copies compared on every feature the model sees (#18)", () => {
  it("flights: a departure's date tells flights apart when the model sees it; without it, same-route flights are chance copies", async () => {
    // vega-datasets' flights-10k (outside the registry): scheduled flights repeat route and hour every day.
    const flights = await load("node_modules/vega-datasets/data/flights-10k.json");
    const dated = flights.toRecords().map((r) => ({ ...r, hour: (r.date as Date).getUTCHours(), weekday: (r.date as Date).getUTCDay() })) as Record<string, unknown>[];
    const seen = await leakage(dated, { target: "delay" });
    expect(seen.data.compared).toEqual(["date", "distance", "origin", "destination", "hour", "weekday"]);
    const reference = python<number>(
      `
import json, sys
import pandas as pd
d = pd.DataFrame(json.load(sys.stdin))
emit([int(d.duplicated(list(c), keep=False).sum()) for c in (["date", "distance", "origin", "destination"], ["distance", "origin", "destination", "hour", "weekday"])])`,
      JSON.stringify(dated.map((r) => ({ ...r, date: (r.date as Date).toISOString() }))),
    ).value as unknown as number[];
    // Rows with a copy anywhere bound the test rows with a copy in training.
    expect(seen.data.exact.rows).toBeLessThanOrEqual(reference[0]);
    expect(checkOf(seen, "duplicates").level).toBe("ok");
    // With the date as the time role (as the registry's flights-3m has it), the model does not see it.
    const roled = toDataset(dated);
    const withRole = new Dataset(roled.names.map((n) => [n, roled.column(n)] as const), { time: "date" });
    const unseen = await leakage(withRole, { target: "delay" });
    expect(unseen.data.compared).not.toContain("date");
    expect(unseen.data.exact.rows).toBeGreaterThan(0.5 * reference[1] * 0.8);
    expect(unseen.data.exact.conflicting / unseen.data.exact.rows).toBeGreaterThan(0.9);
    expect(checkOf(unseen, "duplicates").level).toBe("ok");
  }, 120_000);
});

describe("single-feature power is scored on the tested rows only", () => {
  /** A feature that predicts the label only so-so; `yesShare(i)` sets the classes' mix by row, so untested rows differ from tested ones. */
  const rowsOf = (n: number, seed: number, yesShare: (i: number) => number) => {
    const random = new Random(seed);
    return Array.from({ length: n }, (_, i) => {
      const yes = random.float() < yesShare(i);
      return { x: random.normal() + (yes ? 0.8 : 0), day: i, label: yes ? "yes" : "no" };
    });
  };
  const sklearn = (x: number[], y: string[], folds: { train: number[]; test: number[] }[]) =>
    python<number>(
      `
import json, sys
import numpy as np
from sklearn.tree import DecisionTreeClassifier
from sklearn.metrics import balanced_accuracy_score
d = json.load(sys.stdin)
x, y = np.array(d["x"]).reshape(-1, 1), np.array(d["y"])
truth, pred = [], []
for f in d["folds"]:
    model = DecisionTreeClassifier(max_depth=3, random_state=0).fit(x[f["train"]], y[f["train"]])
    truth += list(y[f["test"]]); pred += list(model.predict(x[f["test"]]))
emit(balanced_accuracy_score(truth, pred))`,
      JSON.stringify({ x, y, folds }),
    ).value;

  it("with a separate test set, as scikit-learn scores the test rows", async () => {
    // Training rows nearly all "yes", test rows half and half: counting the untested rows as predictions of the first class would move the score far.
    const train = rowsOf(800, 11, () => 0.9);
    const test = rowsOf(200, 12, () => 0.5);
    const result = await leakage(train, { target: "label", test });
    const all = [...train, ...test];
    const reference = sklearn(all.map((r) => r.x), all.map((r) => r.label), [{ train: [...Array(800).keys()], test: Array.from({ length: 200 }, (_, i) => 800 + i) }]);
    expect(result.data.solo.find((s) => s.column === "x")!.score).toBeCloseTo(reference, 2);
  }, 60_000);

  it("with time-ordered folds, which never test the earliest rows", async () => {
    // The earliest rows (only ever trained on) are nearly all "yes".
    const rows = rowsOf(1000, 13, (i) => (i < 300 ? 0.9 : 0.3));
    const result = await leakage(rows, { target: "label", time: "day" });
    expect(result.data.validation).toBe("5 time-ordered folds on day");
    const data = toDataset(rows);
    const plan = planFolds("leakage", data, targetOf(data, "label"), { time: "day" });
    const reference = sklearn(rows.map((r) => r.x), rows.map((r) => r.label), plan.folds.map((f) => ({ train: [...f.train], test: [...f.test] })));
    expect(result.data.solo.find((s) => s.column === "x")!.score).toBeCloseTo(reference, 2);
  }, 60_000);
});

describe("leakage on outside data", () => {
  const statsmodels = STATSMODELS_DATA;

  it("statsmodels' fair (Redbook survey, eight coarse answers): repeated answers are respondents, not copies", async () => {
    const fair = (await load(statsmodels("fair/fair.csv"))).toRecords().map(({ affairs, ...r }) => ({ ...r, affair: (affairs as number) > 0 ? "yes" : "no" }));
    const result = await leakage(fair, { target: "affair" });
    const features = ["rate_marriage", "age", "yrs_married", "children", "religious", "educ", "occupation", "occupation_husb"];
    const dupes = python<number>(
      `
import pandas as pd
d = pd.read_csv(${JSON.stringify(statsmodels("fair/fair.csv"))})
emit(int(d.duplicated(${JSON.stringify(features)}, keep=False).sum()))`,
    ).value;
    expect(result.data.exact.rows).toBeLessThanOrEqual(dupes);
    expect(result.data.exact.rows / fair.length).toBeGreaterThan(0.3);
    expect(checkOf(result, "duplicates").level).toBe("ok");
    expect(result.verdict.level).toBe("ok");
  }, 60_000);

  // load_breast_cancer reads the CSV scikit-learn ships (sklearn/datasets/data/breast_cancer.csv), no network.
  it("scikit-learn's breast cancer (30 fine measurements): no copies; 60 planted copies are found", async () => {
    const reference = python<{ rows: number[][]; target: number[] }>(
      `
from sklearn.datasets import load_breast_cancer
d = load_breast_cancer()
emit({"rows": d.data.tolist(), "target": d.target.tolist()})`,
    ).value;
    const rows = reference.rows.map((r, i) => ({ ...Object.fromEntries(r.map((v, j) => [`m${j}`, v])), diagnosis: reference.target[i] ? "benign" : "malignant" }));
    const clean = await leakage(rows, { target: "diagnosis" });
    expect(clean.data.exact).toMatchObject({ rows: 0 });
    expect(checkOf(clean, "near-duplicates").level).toBe("ok");
    expect(checkOf(clean, "duplicates").level).toBe("ok");
    const copied = await leakage([...rows, ...rows.slice(0, 60)], { target: "diagnosis" });
    expect(checkOf(copied, "duplicates").level).toBe("fail");
  }, 120_000);
});
