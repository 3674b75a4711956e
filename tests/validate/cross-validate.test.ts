import { describe, expect, it } from "vitest";
import { load, toDataset } from "../../src/data/convert.js";
import { crossValidate } from "../../src/validate/cross-validate.js";
import { planFolds } from "../../src/validate/plan.js";
import { targetOf } from "../../src/features/target.js";
import { dependencyDir } from "../../src/util/package-root.js";
import { python } from "../helpers/python.js";

const penguins = await load("penguins");
const penguinsFile = `${dependencyDir("vega-datasets")}/data/penguins.json`;

describe("crossValidate", () => {
  it("scores each fold as scikit-learn does on the same folds", async () => {
    const options = { target: "Species", model: "logistic", params: { tolerance: 1e-10 }, folds: 5, seed: 3, metrics: ["accuracy", "log-loss", "f1-macro"] };
    const cv = await crossValidate(penguins, options);
    const { folds } = planFolds("test", penguins, targetOf(penguins, "Species"), options);
    const ref = python<{ accuracy: number; logLoss: number; f1: number }[]>(
      `
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss, f1_score
from references import penguins, penguin_pipeline
folds = json.load(sys.stdin)
df = penguins(${JSON.stringify(penguinsFile)})
X, y = df.drop(columns=["Species"]), df["Species"]
out = []
for test in folds:
    train = np.setdiff1d(np.arange(len(df)), test)
    m = penguin_pipeline(LogisticRegression(tol=1e-12, max_iter=100000)).fit(X.iloc[train], y.iloc[train])
    p = m.predict_proba(X.iloc[test])
    out.append({"accuracy": accuracy_score(y.iloc[test], m.classes_[p.argmax(1)]), "logLoss": log_loss(y.iloc[test], p, labels=m.classes_), "f1": f1_score(y.iloc[test], m.classes_[p.argmax(1)], average="macro")})
emit(out)`,
      JSON.stringify(folds.map((f) => [...f.test])),
    );
    expect(cv.split).toBe("stratified");
    cv.folds.forEach((fold, i) => {
      expect(fold.metrics.accuracy, `fold ${i} accuracy`).toBeCloseTo(ref.value[i].accuracy, 9);
      expect(fold.metrics["f1-macro"], `fold ${i} f1`).toBeCloseTo(ref.value[i].f1, 9);
      expect(Math.abs(fold.metrics["log-loss"] - ref.value[i].logLoss), `fold ${i} log-loss`).toBeLessThan(1e-5);
      expect(fold.fitSeconds).toBeGreaterThan(0);
      expect(fold.trainRows + fold.testRows).toBe(344);
    });
    expect(cv.mean.accuracy).toBeCloseTo(ref.value.reduce((s, f) => s + f.accuracy, 0) / 5, 9);
  });

  it("uses time-ordered folds when given a time column, never training on later rows", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({ day: i, x: Math.sin(i / 5), y: Math.sin(i / 5) * 2 + (i % 3) }));
    const data = toDataset(rows);
    const { split, folds } = planFolds("test", data, targetOf(data, "y"), { time: "day", folds: 4, gap: 2 });
    expect(split).toBe("time");
    for (const { train, test } of folds) expect(Math.max(...train)).toBeLessThan(Math.min(...test) - 2);
    const cv = await crossValidate(data, { target: "y", time: "day", folds: 4, metrics: ["mae", "r2"] });
    expect(cv.model).toBe("ridge");
    expect(cv.folds).toHaveLength(4);
  });

  it("names the fold whose training rows hold one class", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ t: i, x: i, y: i < 30 ? "a" : "b" }));
    await expect(crossValidate(rows, { target: "y", time: "t", folds: 3 })).rejects.toThrowError(/Fold 0's training rows hold one class only \("a"\)/);
  });

  it("rejects an unknown metric with a suggestion, and a metric of the other task", async () => {
    await expect(crossValidate(penguins, { target: "Species", metrics: ["acuracy"] })).rejects.toThrowError(/Did you mean "accuracy"\?/);
    await expect(crossValidate(penguins, { target: "Species", metrics: ["rmse"] })).rejects.toThrowError(/a classification metric/);
  });
});

describe("numeric 0/1 targets", () => {
  it("a training fold with only zeros is reported as one class, not as a regression", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ t: i, x: i, y: i < 30 ? 0 : 1 }));
    await expect(crossValidate(rows, { target: "y", time: "t", folds: 3 })).rejects.toThrowError(/Fold 0's training rows hold one class only \("0"\)/);
  });
});
