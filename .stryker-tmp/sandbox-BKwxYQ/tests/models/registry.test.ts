// @ts-nocheck
import { describe, expect, it } from "vitest";
import { createModel, modelNames } from "../../src/models/registry.js";

describe("the model registry", () => {
  it("refuses a misspelt param, suggesting the right one, instead of ignoring it", () => {
    expect(() => createModel("mlp", { hiddenLayers: [8] })).toThrowError(/model "mlp": unknown option "hiddenLayers"\. Did you mean "hidden"\?/);
    expect(() => createModel("logistic", { c: 2 })).toThrowError(/Did you mean "C"\?/);
    expect(() => createModel("gbdt", { max_iter: 10 })).toThrowError(/unknown option "max_iter"/);
  });

  it("accepts every model's documented params", () => {
    expect(createModel("gbdt", { maxIterations: 10, learningRate: 0.1 }).params).toEqual({ maxIterations: 10, learningRate: 0.1 });
    for (const name of modelNames()) expect(createModel(name).model).toBe(name);
  });
});
