import { describe, expect, it } from "vitest";
import { load } from "../../src/data/convert.js";
import { crossValidate } from "../../src/validate/cross-validate.js";
import { planFolds } from "../../src/validate/plan.js";
import { targetOf } from "../../src/features/target.js";
import { loadTensorflow } from "../../src/models/tf.js";
import { dependencyDir } from "../../src/util/package-root.js";
import { python } from "../helpers/python.js";

describe("mlp", () => {
  it("trains on TensorFlow.js's WebAssembly backend when tfjs-node is absent", async () => {
    const { backend } = await loadTensorflow();
    expect(["wasm", "tensorflow"]).toContain(backend);
  });

  it("classifies penguins about as well as scikit-learn's MLPClassifier on the same folds", async () => {
    const penguins = await load("penguins");
    const options = { target: "Species", model: "mlp", params: { hidden: [32], epochs: 60, learningRate: 0.01 }, folds: 5, metrics: ["accuracy"] };
    const cv = await crossValidate(penguins, options);
    const { folds } = planFolds("test", penguins, targetOf(penguins, "Species"), options);
    const ref = python<number[]>(
      `
import numpy as np
from sklearn.neural_network import MLPClassifier
from references import penguins, penguin_pipeline
folds = json.load(sys.stdin)
df = penguins(${JSON.stringify(`${dependencyDir("vega-datasets")}/data/penguins.json`)})
X, y = df.drop(columns=["Species"]), df["Species"]
out = []
for test in folds:
    train = np.setdiff1d(np.arange(len(df)), test)
    m = penguin_pipeline(MLPClassifier((32,), learning_rate_init=0.01, max_iter=60, random_state=0)).fit(X.iloc[train], y.iloc[train])
    out.append(float((m.predict(X.iloc[test]) == y.iloc[test]).mean()))
emit(out)`,
      JSON.stringify(folds.map((f) => [...f.test])),
    );
    const referenceMean = ref.value.reduce((a, b) => a + b, 0) / ref.value.length;
    expect(Math.abs(cv.mean.accuracy - referenceMean), `litml ${cv.mean.accuracy} vs scikit-learn ${ref.versions["scikit-learn"]} ${referenceMean}`).toBeLessThan(0.02);
  }, 120_000);
});
