// @ts-nocheck
import { describe, expect, it } from "vitest";
import { stratifiedKFold } from "../../src/data/splits/kfold.js";
import { thresholds } from "../../src/evaluate/thresholds.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";

/** A rare positive class ("fraud", about 7%) that follows a logistic model in x and z. */
function rare(n: number, seed: number) {
  const random = new Random(seed);
  return Array.from({ length: n }, () => {
    const x = random.normal();
    const z = random.normal();
    return { x, z, label: random.float() < 1 / (1 + Math.exp(-(2 * x + z - 4))) ? "fraud" : "ok" };
  });
}

describe("threshold moving", () => {
  const rows = rare(3000, 1);

  it("learns a lower threshold for a rare class, and it beats 0.5 on held-out folds", async () => {
    const result = await thresholds(rows, { target: "label" });
    expect(result.data.positive).toBe("fraud");
    expect(result.data.objective).toBe("f1");
    expect(result.data.learned.threshold).toBeLessThan(0.45);
    expect(result.data.honest.f1).toBeGreaterThan(result.data.atHalf.f1);
    expect(result.verdict.level).toBe("warn");
    expect(result.verdict.text).toMatch(/^Use a threshold of 0\.\d\d for "fraud", not 0\.5/);
  }, 60_000);

  it("with costs, lands near C_FP / (C_FP + C_FN) for a well-calibrated model", async () => {
    const result = await thresholds(rows, { target: "label", costs: [1, 9] });
    expect(result.data.theoretical).toBeCloseTo(0.1, 12);
    expect(Math.abs(result.data.learned.threshold - 0.1)).toBeLessThan(0.06);
    expect(result.data.honest.cost!).toBeLessThan(result.data.atHalf.cost!);
    // Cost per row at 0.5, by hand from that operating point: FP·1 + FN·9 over the rows.
    const positives = rows.filter((r) => r.label === "fraud").length;
    const { precision, recall, cost } = result.data.atHalf;
    const truePositives = recall * positives;
    const falsePositives = precision > 0 ? truePositives / precision - truePositives : 0;
    expect(cost!).toBeCloseTo((falsePositives * 1 + (positives - truePositives) * 9) / rows.length, 10);
  }, 60_000);

  it("agrees with scikit-learn's precision, recall and average precision on the same out-of-fold probabilities", async () => {
    const result = await thresholds(rows, { target: "label" });
    const labels = Int32Array.from(rows, (r) => (r.label === "fraud" ? 0 : 1)); // classes sort as fraud, ok
    const folds = stratifiedKFold(labels, 5, { seed: 0 }).map((f) => [...f.test]);
    const reference = python<{ precision: number; recall: number; ap: number; precision30: number; recall30: number }>(
      `
import json, sys
import numpy as np
from sklearn.metrics import average_precision_score, precision_score, recall_score
from references import logistic_out_of_fold
d = json.load(sys.stdin)
y = np.array(d["y"])
scores = logistic_out_of_fold(d["X"], y, d["folds"])
emit({"precision": precision_score(y, scores >= 0.5), "recall": recall_score(y, scores >= 0.5), "ap": average_precision_score(y, scores),
      "precision30": precision_score(y, scores >= 0.3), "recall30": recall_score(y, scores >= 0.3)})`,
      JSON.stringify({ X: rows.map((r) => [r.x, r.z]), y: rows.map((r) => (r.label === "fraud" ? 1 : 0)), folds }),
    );
    expect(result.data.atHalf.precision).toBeCloseTo(reference.value.precision, 3);
    expect(result.data.atHalf.recall).toBeCloseTo(reference.value.recall, 3);
    expect(result.data.averagePrecision).toBeCloseTo(reference.value.ap, 3);
    const at30 = result.data.curve.find((p) => Math.abs(p.threshold - 0.3) < 1e-9)!;
    expect(at30.precision).toBeCloseTo(reference.value.precision30, 3);
    expect(at30.recall).toBeCloseTo(reference.value.recall30, 3);
  }, 60_000);

  it("draws a slider bound to the threshold, starting at the learned one", async () => {
    const result = await thresholds(rows, { target: "label" });
    const [param] = (result.chart as { params: { name: string; value: number; bind: { input: string } }[] }).params;
    expect(param).toMatchObject({ name: "threshold", value: result.data.learned.threshold, bind: { input: "range" } });
    expect(result.svg).toContain("precision");
  }, 60_000);

  it("names what is wrong with bad input", async () => {
    await expect(thresholds(rows.map((r) => ({ ...r, label: "ok" })), { target: "label" })).rejects.toThrowError(
      /thresholds: "label" has only one class \("ok"\) in the validation data, and this analysis needs both/,
    );
    const three = rows.map((r, i) => ({ ...r, label: ["a", "b", "c"][i % 3] }));
    await expect(thresholds(three, { target: "label" })).rejects.toThrowError(/expected two classes \(it has 3\)/);
    await expect(thresholds(rows, { target: "label", positive: "frud" })).rejects.toThrowError(/invalid positive: "frud"; expected one of the classes of "label": "fraud", "ok"/);
    await expect(thresholds(rows, { target: "label", costs: { falsePositive: -1, falseNegative: 2 } })).rejects.toThrowError(/invalid costs/);
    await expect(thresholds(rows, { target: "label", costs: [1, 2, 3] as unknown as [number, number] })).rejects.toThrowError(/invalid costs: \[1,2,3\]/);
  });
});
