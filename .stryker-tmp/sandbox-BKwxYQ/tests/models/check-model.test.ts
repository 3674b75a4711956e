// @ts-nocheck
import { describe, expect, it } from "vitest";
import { checkModel, type CheckOptions } from "../../src/models/check-model.js";
import { createModel, modelNames } from "../../src/models/registry.js";

// How each model is expected to behave beyond the common contract.
const OPTIONS: Record<string, CheckOptions> = {
  random: { learns: false },
  stratified: { learns: false },
  "zero-rule": { learns: false, weightsAsRepeats: true },
  logistic: { weightsAsRepeats: true },
  ridge: { weightsAsRepeats: true },
  linear: { weightsAsRepeats: true },
  tree: {},
  gbdt: { acceptsMissing: true },
  "naive-bayes": { weightsAsRepeats: true },
  knn: {},
  mlp: {},
};

describe("every registered model passes checkModel", () => {
  it("has expectations for every model", () => expect(Object.keys(OPTIONS).sort()).toEqual(modelNames().sort()));

  it.each(modelNames())("%s", async (name) => {
    const params = name === "logistic" ? { C: 0.5 } : name === "mlp" ? { hidden: [8], epochs: 30 } : {};
    const report = await checkModel(() => createModel(name, params), OPTIONS[name]);
    const failures = report.checks.filter((c) => !c.passed).map((c) => `${c.name}: ${c.detail}`);
    expect(failures).toEqual([]);
    expect(report.checks.length).toBeGreaterThanOrEqual(6);
  });
});

describe("checkModel catches a broken model", () => {
  it("reports a model whose probabilities do not sum to one", async () => {
    const good = createModel("logistic");
    const broken = {
      model: "logistic",
      params: {},
      tasks: good.tasks,
      fit: async (...args: Parameters<typeof good.fit>) => {
        const fitted = await good.fit(...args);
        return { ...fitted, predictProba: (X: Parameters<typeof fitted.predict>[0]) => {
          const p = (fitted as { predictProba: (x: typeof X) => { data: Float64Array } }).predictProba(X);
          p.data[0] = 0.9999;
          return p;
        } };
      },
    };
    const report = await checkModel(() => broken as never);
    expect(report.passed).toBe(false);
    expect(report.checks.find((c) => !c.passed)?.detail).toMatch(/sum to/);
  });
});
