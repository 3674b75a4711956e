import { describe, expect, it } from "vitest";
import { accuracy, balancedAccuracy, confusionMatrix, precisionRecallF1 } from "../../src/metrics/classification.js";
import { averagePrecision, rocAuc, rocAucOvr } from "../../src/metrics/ranking.js";
import { brierScore, logLoss } from "../../src/metrics/probabilistic.js";
import { meanAbsoluteError, meanAbsolutePercentageError, r2Score, rootMeanSquaredError } from "../../src/metrics/regression.js";
import { meanCost } from "../../src/metrics/cost.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";

// Seeded synthetic data with the awkward cases: rounded (tied) scores, a class that is
// never predicted, uneven weights.
const random = new Random(7);
const n = 500;
const k = 3;
const yTrue = Int32Array.from({ length: n }, () => random.int(k));
const yPred = Int32Array.from(yTrue, (y) => (random.float() < 0.7 ? y : random.int(2)));
const weights = Float64Array.from({ length: n }, () => 0.2 + 2 * random.float());
const proba = new Float64Array(n * k);
for (let i = 0; i < n; i++) {
  const raw = Array.from({ length: k }, (_, c) => random.float() + (c === yTrue[i] ? 0.8 : 0));
  const sum = raw.reduce((a, b) => a + b, 0);
  raw.forEach((v, c) => (proba[c * n + i] = v / sum));
}
const binaryTrue = Int32Array.from(yTrue, (y) => (y === 2 ? 1 : 0));
const scores = Float64Array.from(proba.subarray(2 * n), (p) => Math.round(p * 20) / 20);
const binaryProba = new Float64Array(2 * n);
binaryProba.set(scores.map((s) => 1 - s));
binaryProba.set(scores, n);
const binaryPred = Int32Array.from(scores, (s) => (s >= 0.5 ? 1 : 0));
const yReal = Float64Array.from({ length: n }, () => 10 + 5 * random.normal());
const yRealPred = Float64Array.from(yReal, (y) => y + random.normal());

type Ref = Record<string, number | number[]>;
const ref = python<{ plain: Ref; weighted: Ref }>(
  `
import json, sys
import numpy as np
from sklearn import metrics as m
d = json.load(sys.stdin)
yt, yp, P = np.array(d["yTrue"]), np.array(d["yPred"]), np.array(d["proba"]).reshape(3, -1).T
bt, s, bp = np.array(d["binaryTrue"]), np.array(d["scores"]), np.array(d["binaryPred"])
rt, rp = np.array(d["yReal"]), np.array(d["yRealPred"])
def compute(w):
    out = {
      "accuracy": m.accuracy_score(yt, yp, sample_weight=w),
      "balanced": m.balanced_accuracy_score(yt, yp, sample_weight=w),
      "confusion": m.confusion_matrix(yt, yp, labels=[0, 1, 2], sample_weight=w).ravel().tolist(),
      "auc": m.roc_auc_score(bt, s, sample_weight=w),
      "ap": m.average_precision_score(bt, s, sample_weight=w),
      "aucOvrMacro": m.roc_auc_score(yt, P, multi_class="ovr", average="macro", sample_weight=w),
      "aucOvrWeighted": m.roc_auc_score(yt, P, multi_class="ovr", average="weighted", sample_weight=w),
      "logLoss": m.log_loss(yt, P, sample_weight=w),
      "brierBinary": m.brier_score_loss(bt, s, sample_weight=w),
      "mae": m.mean_absolute_error(rt, rp, sample_weight=w),
      "rmse": m.root_mean_squared_error(rt, rp, sample_weight=w),
      "mape": m.mean_absolute_percentage_error(rt, rp, sample_weight=w),
      "r2": m.r2_score(rt, rp, sample_weight=w),
    }
    for avg in ["macro", "micro", "weighted"]:
        p, r, f, _ = m.precision_recall_fscore_support(yt, yp, average=avg, sample_weight=w, zero_division=0)
        out[f"p_{avg}"], out[f"r_{avg}"], out[f"f_{avg}"] = p, r, f
    p, r, f, _ = m.precision_recall_fscore_support(bt, bp, average="binary", sample_weight=w, zero_division=0)
    out["p_binary"], out["r_binary"], out["f_binary"] = p, r, f
    return {k: (float(v) if not isinstance(v, list) else v) for k, v in out.items()}
emit({"plain": compute(None), "weighted": compute(np.array(d["weights"]))})
`,
  JSON.stringify({
    yTrue: [...yTrue],
    yPred: [...yPred],
    proba: [...proba],
    binaryTrue: [...binaryTrue],
    scores: [...scores],
    binaryPred: [...binaryPred],
    yReal: [...yReal],
    yRealPred: [...yRealPred],
    weights: [...weights],
  }),
);

describe.each([
  ["unweighted", undefined, ref.value.plain],
  ["weighted", weights, ref.value.weighted],
] as const)("metrics against scikit-learn (%s)", (_, w, expected) => {
  const near = (got: number, name: string) =>
    expect(Math.abs(got - (expected[name] as number)), `${name}: litml ${got}, scikit-learn ${ref.versions["scikit-learn"]} ${expected[name]}`).toBeLessThan(1e-9);

  it("accuracy, balanced accuracy and the confusion matrix", () => {
    near(accuracy(yTrue, yPred, w), "accuracy");
    near(balancedAccuracy(yTrue, yPred, k, w), "balanced");
    expect([...confusionMatrix(yTrue, yPred, k, w)].map((x) => Math.round(x * 1e9) / 1e9)).toEqual(
      (expected.confusion as number[]).map((x) => Math.round(x * 1e9) / 1e9),
    );
  });

  it("precision, recall and F1 with every average", () => {
    for (const average of ["macro", "micro", "weighted"] as const) {
      const got = precisionRecallF1(yTrue, yPred, k, average, { weights: w });
      near(got.precision, `p_${average}`);
      near(got.recall, `r_${average}`);
      near(got.f1, `f_${average}`);
    }
    const binary = precisionRecallF1(binaryTrue, binaryPred, 2, "binary", { weights: w });
    near(binary.precision, "p_binary");
    near(binary.recall, "r_binary");
    near(binary.f1, "f_binary");
  });

  it("ROC AUC (tied scores), average precision, one-vs-rest AUC", () => {
    near(rocAuc(binaryTrue, scores, w), "auc");
    near(averagePrecision(binaryTrue, scores, w), "ap");
    near(rocAucOvr(yTrue, proba, k, "macro", w), "aucOvrMacro");
    near(rocAucOvr(yTrue, proba, k, "weighted", w), "aucOvrWeighted");
  });

  it("log loss and Brier score", () => {
    near(logLoss(yTrue, proba, w), "logLoss");
    near(brierScore(binaryTrue, binaryProba, 2, w), "brierBinary");
  });

  it("MAE, RMSE, MAPE and R²", () => {
    near(meanAbsoluteError(yReal, yRealPred, w), "mae");
    near(rootMeanSquaredError(yReal, yRealPred, w), "rmse");
    near(meanAbsolutePercentageError(yReal, yRealPred, w), "mape");
    near(r2Score(yReal, yRealPred, w), "r2");
  });
});

describe("edge cases (hand computations)", () => {
  it("AUC is undefined with one class present", () => {
    expect(rocAuc([1, 1, 1], [0.2, 0.5, 0.9])).toBeNaN();
  });

  it("all-tied scores give an AUC of exactly 0.5", () => {
    expect(rocAuc([0, 1, 0, 1], [0.3, 0.3, 0.3, 0.3])).toBe(0.5);
  });

  it("R² of a constant truth: 1 when exact, 0 otherwise", () => {
    expect(r2Score([2, 2], [2, 2])).toBe(1);
    expect(r2Score([2, 2], [2, 3])).toBe(0);
  });

  it("multiclass Brier sums the squared errors over classes", () => {
    // Two rows, three classes: (0.7−1)² + 0.2² + 0.1² = 0.14 and 0.3² + (0.3−1)² + 0.4² = 0.74.
    const proba = Float64Array.from([0.7, 0.3, 0.2, 0.3, 0.1, 0.4]);
    expect(brierScore([0, 1], proba, 3)).toBeCloseTo((0.14 + 0.74) / 2, 12);
  });

  it("mean cost from a cost matrix", () => {
    // A missed fraud (truth 1, predicted 0) costs 10, a false alarm 1.
    const costs = [
      [0, 1],
      [10, 0],
    ];
    expect(meanCost([0, 0, 1, 1], [0, 1, 0, 1], costs)).toBe((1 + 10) / 4);
  });
});
