import { describe, expect, it } from "vitest";
import { Dataset } from "../../src/data/dataset.js";
import { stratifiedKFold } from "../../src/data/splits/kfold.js";
import { stackRows } from "../../src/data/stack.js";
import { toDataset } from "../../src/data/convert.js";
import { adversarial } from "../../src/monitor/adversarial/index.js";
import { delongAuc } from "../../src/stats/delong.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";
import { STATSMODELS_DATA } from "../helpers/outside-data.js";

/** Rows with two normal columns and a three-way category; `shift` moves column x by that many sd. */
function sample(n: number, seed: number, shift = 0): Dataset {
  const random = new Random(seed);
  return new Dataset([
    ["x", { type: "number", values: Float64Array.from({ length: n }, () => random.normal() + shift) }],
    ["y", { type: "number", values: Float64Array.from({ length: n }, () => random.normal()) }],
    ["kind", { type: "category", codes: Int32Array.from({ length: n }, () => random.int(3)), dictionary: ["p", "q", "r"] }],
  ]);
}

describe("DeLong's AUC interval", () => {
  const random = new Random(11);
  const labels = Int32Array.from({ length: 300 }, () => (random.float() < 0.4 ? 1 : 0));
  // Rounded scores, so that ties (which count half) are exercised.
  const scores = Float64Array.from(labels, (l) => Math.round((random.normal() + l) * 4) / 4);
  const reference = python<{ auc: number; se: number }>(
    `
import json, sys
import numpy as np
from sklearn.metrics import roc_auc_score
d = json.load(sys.stdin)
y, s = np.array(d["y"]), np.array(d["s"])
pos, neg = s[y == 1], s[y == 0]
# DeLong et al. (1988) written out pair by pair: psi(X, Y) = 1 if X > Y, 1/2 if equal.
psi = (pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])
v10, v01 = psi.mean(axis=1), psi.mean(axis=0)
se = np.sqrt(v10.var(ddof=1) / len(pos) + v01.var(ddof=1) / len(neg))
emit({"auc": roc_auc_score(y, s), "se": float(se)})`,
    JSON.stringify({ y: [...labels], s: [...scores] }),
  );

  it("matches scikit-learn's AUC and the pairwise DeLong standard error", () => {
    const result = delongAuc(labels, scores);
    expect(result.auc).toBeCloseTo(reference.value.auc, 12);
    expect(result.standardError).toBeCloseTo(reference.value.se, 12);
    expect(result.low).toBeCloseTo(result.auc - 1.959964 * result.standardError, 5);
  });

  it("is undefined with only one class", () => {
    expect(delongAuc([1, 1, 1], [0.2, 0.4, 0.9]).auc).toBeNaN();
  });
});

describe("stacking rows", () => {
  it("joins category dictionaries and keeps numbers in order", () => {
    const top = toDataset([{ c: "a", v: 1 }, { c: "b", v: 2 }]);
    const bottom = toDataset([{ c: "z", v: 3 }, { c: null, v: null }, { c: "a", v: 5 }]);
    const stacked = stackRows([top, bottom], ["c", "v"]);
    expect(stacked.toRecords()).toEqual([
      { c: "a", v: 1 },
      { c: "b", v: 2 },
      { c: "z", v: 3 },
      { c: null, v: null },
      { c: "a", v: 5 },
    ]);
  });
});

describe("adversarial validation with planted answers", () => {
  it.each([200, 20_000])("two samples of one distribution are not flagged at %i rows each", async (n) => {
    const result = await adversarial(sample(n, 1), sample(n, 2));
    expect(result.data.flagged).toBe(false);
    expect(result.verdict.level).toBe("ok");
    expect(result.data.driftScore).toBeLessThan(0.25);
    expect(result.data.low).toBeLessThanOrEqual(0.5 + 0.02);
  }, 60_000);

  it("a shifted column is flagged and named as what gives it away", async () => {
    const result = await adversarial(sample(3000, 3), sample(3000, 4, 1.5));
    expect(result.data.flagged).toBe(true);
    expect(result.data.driftScore).toBeGreaterThan(0.5);
    expect(result.data.giveaways[0].column).toBe("x");
    expect(result.data.giveaways[0].aucDrop).toBeGreaterThan(0.2);
    for (const other of result.data.giveaways.slice(1)) expect(Math.abs(other.aucDrop)).toBeLessThan(0.02);
    expect(result.verdict.level).toBe("fail");
    expect(result.verdict.text).toMatch(/What gives it away: "x" \(AUC drops 0\.\d+ when shuffled\)\./);
  }, 60_000);

  it("scores the same out-of-fold AUC as scikit-learn on the same folds (logistic)", async () => {
    const a = sample(400, 5);
    const b = sample(300, 6, 0.5);
    const result = await adversarial(a, b, { model: "logistic", columns: ["x", "y"] });
    const labels = Int32Array.from({ length: 700 }, (_, i) => (i < 400 ? 0 : 1));
    const folds = stratifiedKFold(labels, 3, { seed: 0 }).map((f) => [...f.test]);
    const reference = python<number>(
      `
import json, sys
from sklearn.metrics import roc_auc_score
from references import logistic_out_of_fold
d = json.load(sys.stdin)
scores = logistic_out_of_fold(d["X"], d["y"], d["folds"])
emit(roc_auc_score(d["y"], scores))`,
      JSON.stringify({
        X: [...a.toRecords(), ...b.toRecords()].map((r) => [r.x, r.y]),
        y: [...labels],
        folds,
      }),
    );
    expect(result.data.auc).toBeCloseTo(reference.value, 4);
  }, 60_000);

  it("names columns that are missing or typed differently, and refuses tiny samples", async () => {
    const other = toDataset(Array.from({ length: 50 }, (_, i) => ({ x: `id-${i}`, y: i, kind: "p" })));
    await expect(adversarial(sample(50, 7), other)).rejects.toThrowError(/the types differ for "x \(number → category\)"/);
    await expect(adversarial(sample(50, 7), sample(50, 8), { columns: ["x", "nope"] })).rejects.toThrowError(/Cannot compare A and B: B lacks "nope"/);
    await expect(adversarial(sample(5, 7), sample(50, 8))).rejects.toThrowError(/at least 10 rows in each data set/);
    await expect(adversarial(sample(50, 7), sample(50, 8), { threshold: 2 })).rejects.toThrowError(/adversarial: invalid threshold: 2; expected a number ≥ 0 and ≤ 1/);
  });
});

describe("shared rows", () => {
  it("A against itself: the rows are shared, no AUC is computed", async () => {
    const a = sample(500, 21);
    const result = await adversarial(a, a);
    expect(result.data).toMatchObject({ compared: false, shared: { identical: true, inA: 500, inB: 500 } });
    expect(result.data.auc).toBeNaN();
    expect(result.verdict.level).toBe("warn");
    expect(result.verdict.text).toMatch(/^A and B hold the same rows\. A classifier cannot tell a row from itself/);
    expect(result.table!.rows).toEqual([
      ["rows of A also in B", 500, 0],
      ["rows of B also in A", 500, 0],
    ]);
  });

  it("B sharing most rows with A: named with its counts against chance", async () => {
    const a = sample(500, 22);
    const b = stackRows([a.take(Int32Array.from({ length: 400 }, (_, i) => i)), sample(100, 23)], a.names);
    const result = await adversarial(a, b);
    expect(result.data.compared).toBe(false);
    expect(result.data.shared).toMatchObject({ identical: false, inA: 400, inB: 400 });
    expect(result.verdict.text).toMatch(/^A and B share most of their rows: 400 of B's 500 rows \(80(\.0)?%\) are also in A/);
    // A few shared rows only pull the AUC towards 0.5 and are noted.
    const some = stackRows([a.take(Int32Array.from({ length: 50 }, (_, i) => i)), sample(450, 24)], a.names);
    const partly = await adversarial(a, some);
    expect(partly.data.compared).toBe(true);
    expect(partly.notes.join(" ")).toMatch(/Shared rows: 50 of B's 500 rows/);
  }, 60_000);

  it("two samples of coarse survey answers coincide by chance, which is not sharing", async () => {
    const survey = (n: number, seed: number) => {
      const random = new Random(seed);
      return toDataset(Array.from({ length: n }, () => ({ q1: random.int(3), q2: random.int(4), q3: random.int(3) })));
    };
    const result = await adversarial(survey(1000, 25), survey(1000, 26));
    expect(result.data.shared.inB).toBeGreaterThan(990);
    expect(result.data.shared.shareBeyondChance).toBe(0);
    expect(result.data.compared).toBe(true);
    expect(result.verdict.level).toBe("ok");
  }, 60_000);
});

describe("adversarial validation on outside data", () => {
  it("statsmodels' anes96: two random halves of the survey are one distribution; Clinton and Dole voters are not", async () => {
    const { load } = await import("../../src/data/convert.js");
    // The file quotes its header with single quotes, which pandas keeps too; the names are unquoted here.
    const file = await load(STATSMODELS_DATA("anes96/anes96.csv"));
    const anes = toDataset(file.toRecords().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.replace(/'/g, ""), v]))));
    const order = new Random(2).permutation(anes.nRows);
    const half = anes.nRows >> 1;
    const features = ["popul", "TVnews", "selfLR", "age", "educ", "income"];
    const halves = await adversarial(anes.take(order.subarray(0, half).sort()).select(features), anes.take(order.subarray(half).sort()).select(features));
    expect(halves.verdict.level).toBe("ok");
    const voters = await adversarial(anes.where("vote", (v) => v === 0).select(["selfLR", "age", "educ", "income", "PID"]), anes.where("vote", (v) => v === 1).select(["selfLR", "age", "educ", "income", "PID"]));
    expect(voters.data.flagged).toBe(true);
    expect(voters.data.giveaways[0].column).toBe("PID");
  }, 60_000);
});
