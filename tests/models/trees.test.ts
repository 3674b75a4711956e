import { describe, expect, it } from "vitest";
import { load } from "../../src/data/convert.js";
import { fromColumns, takeMatrixRows } from "../../src/data/matrix.js";
import { accuracy } from "../../src/metrics/classification.js";
import { rocAuc } from "../../src/metrics/ranking.js";
import { DecisionTree } from "../../src/models/tree.js";
import { GradientBoosting } from "../../src/models/gbdt.js";
import { crossValidate } from "../../src/validate/cross-validate.js";
import { planFolds } from "../../src/validate/plan.js";
import { targetOf } from "../../src/features/target.js";
import { dependencyDir } from "../../src/util/package-root.js";
import { python } from "../helpers/python.js";

// flights-200k, target "more than 15 minutes late", features distance and hour: the first
// 40,000 flights train, the next 20,000 test. scikit-learn reads the same rows from the JSON copy.
const flights = await load("flights-200k");
const column = (name: string) => (flights.column(name) as { values: Float64Array }).values;
const X = fromColumns([column("distance"), column("time")], ["distance", "time"]);
const late = Int32Array.from(column("delay"), (d) => (d > 15 ? 1 : 0));
const train = Int32Array.from({ length: 40_000 }, (_, i) => i);
const test = Int32Array.from({ length: 20_000 }, (_, i) => 40_000 + i);
const target = { kind: "classification" as const, codes: Int32Array.from(train, (r) => late[r]), classes: ["0", "1"] };
const testLabels = Int32Array.from(test, (r) => late[r]);

const ref = python<{ tree: { acc: number; auc: number }; gbdt: { acc: number; auc: number }; cars: number; penguins: number }>(`
import numpy as np, pandas as pd
from sklearn.tree import DecisionTreeClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import accuracy_score, roc_auc_score
df = pd.read_json(${JSON.stringify(`${dependencyDir("vega-datasets")}/data/flights-200k.json`)})
X = df[["distance", "time"]].to_numpy(float); y = (df["delay"] > 15).astype(int).to_numpy()
Xtr, ytr, Xte, yte = X[:40000], y[:40000], X[40000:60000], y[40000:60000]
out = {}
for name, model in {"tree": DecisionTreeClassifier(max_depth=8, random_state=0), "gbdt": HistGradientBoostingClassifier(max_iter=100, max_bins=255, early_stopping=False, random_state=0)}.items():
    m = model.fit(Xtr, ytr); p = m.predict_proba(Xte)[:, 1]
    out[name] = {"acc": accuracy_score(yte, m.predict(Xte)), "auc": roc_auc_score(yte, p)}
emit(out)`);

describe("trees against scikit-learn on held-out flights (accuracy and AUC within 0.005)", () => {
  it("CART tree, depth 8 (DecisionTreeClassifier)", async () => {
    const fitted = await new DecisionTree({ maxDepth: 8 }).fit(takeMatrixRows(X, train), target);
    const Xtest = takeMatrixRows(X, test);
    const proba = fitted.task === "classification" ? fitted.predictProba(Xtest) : undefined;
    const acc = accuracy(testLabels, fitted.predict(Xtest) as Int32Array);
    const auc = rocAuc(testLabels, proba!.data.subarray(proba!.rows));
    expect(Math.abs(acc - ref.value.tree.acc), `accuracy ${acc} vs scikit-learn ${ref.versions["scikit-learn"]} ${ref.value.tree.acc}`).toBeLessThan(0.005);
    expect(Math.abs(auc - ref.value.tree.auc), `AUC ${auc} vs ${ref.value.tree.auc}`).toBeLessThan(0.005);
  });

  it("histogram boosting, 100 iterations, 255 bins (HistGradientBoostingClassifier)", async () => {
    const fitted = await new GradientBoosting({ maxIterations: 100, maxBins: 255 }).fit(takeMatrixRows(X, train), target);
    const Xtest = takeMatrixRows(X, test);
    const proba = fitted.task === "classification" ? fitted.predictProba(Xtest) : undefined;
    const acc = accuracy(testLabels, fitted.predict(Xtest) as Int32Array);
    const auc = rocAuc(testLabels, proba!.data.subarray(proba!.rows));
    expect(Math.abs(acc - ref.value.gbdt.acc), `accuracy ${acc} vs scikit-learn ${ref.versions["scikit-learn"]} ${ref.value.gbdt.acc}`).toBeLessThan(0.005);
    expect(Math.abs(auc - ref.value.gbdt.auc), `AUC ${auc} vs ${ref.value.gbdt.auc}`).toBeLessThan(0.005);
  });
});

describe("trees through pipelines", () => {
  it("boosting classifies three penguin species, missing values left in, as scikit-learn does on the same folds", async () => {
    const penguins = await load("penguins");
    const options = { target: "Species", model: "gbdt", folds: 5, metrics: ["accuracy"] };
    const cv = await crossValidate(penguins, options);
    const { folds } = planFolds("test", penguins, targetOf(penguins, "Species"), options);
    const reference = python<number[]>(
      `
import json, sys
import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder
from references import penguins, PENGUIN_NUMBERS
df = penguins(${JSON.stringify(`${dependencyDir("vega-datasets")}/data/penguins.json`)})
X, y = df.drop(columns=["Species"]), df["Species"]
out = []
for test in json.load(sys.stdin):
    train = np.setdiff1d(np.arange(len(df)), test)
    features = ColumnTransformer([("num", "passthrough", PENGUIN_NUMBERS), ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan, encoded_missing_value=np.nan), ["Island", "Sex"])])
    model = make_pipeline(features, HistGradientBoostingClassifier(max_iter=100, early_stopping=False)).fit(X.iloc[train], y.iloc[train])
    out.append(float((model.predict(X.iloc[test]) == y.iloc[test]).mean()))
emit(out)`,
      JSON.stringify(folds.map((f) => [...f.test])),
    );
    const referenceMean = reference.value.reduce((a, b) => a + b, 0) / reference.value.length;
    expect(Math.abs(cv.mean.accuracy - referenceMean), `litml ${cv.mean.accuracy} vs scikit-learn ${reference.versions["scikit-learn"]} ${referenceMean}`).toBeLessThan(0.02);
  });

  it("boosting regression matches scikit-learn's cross-validated R² on cars", async () => {
    const cars = (await load("cars")).select(["Miles_per_Gallon", "Cylinders", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration"]);
    const rows = Int32Array.from({ length: cars.nRows }, (_, i) => i).filter((r) => cars.get(r, "Miles_per_Gallon") !== null);
    const data = cars.take(rows);
    const options = { target: "Miles_per_Gallon", model: "gbdt", params: { minSamplesLeaf: 5 }, folds: 5, metrics: ["r2"] };
    const cv = await crossValidate(data, options);
    const { folds } = planFolds("test", data, targetOf(data, "Miles_per_Gallon"), options);
    const reference = python<number[]>(
      `
import json, sys
import numpy as np
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import r2_score
d = json.load(sys.stdin)
X, y = np.array(d["X"], dtype=float).reshape(5, -1).T, np.array(d["y"], dtype=float)
out = []
for test in d["folds"]:
    train = np.setdiff1d(np.arange(len(y)), test)
    m = HistGradientBoostingRegressor(max_iter=100, min_samples_leaf=5, early_stopping=False).fit(X[train], y[train])
    out.append(r2_score(y[test], m.predict(X[test])))
emit(out)`,
      JSON.stringify({
        X: ["Cylinders", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration"].flatMap((n) => Array.from({ length: data.nRows }, (_, r) => data.get(r, n) ?? NaN)),
        y: Array.from({ length: data.nRows }, (_, r) => data.get(r, "Miles_per_Gallon")),
        folds: folds.map((f) => [...f.test]),
      }).replace(/NaN/g, "null"),
    );
    // On 392 cars single folds differ by split tie-breaks (±0.03 either way); the mean is the comparison.
    const referenceMean = reference.value.reduce((a, b) => a + b, 0) / reference.value.length;
    expect(Math.abs(cv.mean.r2 - referenceMean), `mean R² ${cv.mean.r2} vs scikit-learn ${reference.versions["scikit-learn"]} ${referenceMean}`).toBeLessThan(0.01);
    cv.folds.forEach((fold, i) => expect(Math.abs(fold.metrics.r2 - reference.value[i]), `fold ${i}`).toBeLessThan(0.05));
  });
});
