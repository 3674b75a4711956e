/**
 * The model registry: every kind of fitted pipeline litml has (each registry model behind
 * its default steps, and the other feature steps) is stored and loaded back predicting
 * exactly what it predicted before; versions, stages with one production version per
 * name, loading by name@N / @production / @staging, lineage from a run, and bad input.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

process.env.LITML_STATE_DIR = mkdtempSync(path.join(os.tmpdir(), "litml-registry-"));

import { load } from "../../src/data/convert.js";
import type { Dataset } from "../../src/data/dataset.js";
import { pipelineFor } from "../../src/features/default-pipeline.js";
import { FittedPipeline, Pipeline } from "../../src/features/pipeline.js";
import { Bucketize, Impute, OneHot, TargetEncode } from "../../src/features/steps.js";
import { createModel } from "../../src/models/registry.js";
import { loadRegistered, register, registeredModels, registeredVersion, setStage } from "../../src/deploy/registry/index.js";
import { track } from "../../src/tune/tracking/record.js";
import { trackingStore } from "../../src/state/tracking-schema.js";
import { LitmlError } from "../../src/errors.js";

let penguins: Dataset;
let cars: Dataset;

beforeAll(async () => {
  penguins = await load("penguins");
  cars = (await load("cars")).where("Miles_per_Gallon", (v) => v !== null && !Number.isNaN(v));
});

function expectSamePredictions(before: FittedPipeline, after: unknown, data: Dataset) {
  expect(after).toBeInstanceOf(FittedPipeline);
  const loaded = after as FittedPipeline;
  expect(Array.from(loaded.predict(data))).toEqual(Array.from(before.predict(data)));
  if (before.task === "classification") expect(Array.from(loaded.predictProba(data).data)).toEqual(Array.from(before.predictProba(data).data));
}

describe("registry round trip: predictions equal after load", () => {
  const classifiers: [string, object][] = [
    ["random", { seed: 1 }],
    ["stratified", { seed: 1 }],
    ["zero-rule", {}],
    ["logistic", {}],
    ["tree", { maxDepth: 4 }],
    ["gbdt", { maxIterations: 20 }],
    ["naive-bayes", {}],
    ["knn", { k: 5 }],
    ["mlp", { hidden: [8], epochs: 5, seed: 1 }],
  ];
  for (const [name, params] of classifiers) {
    it(`${name} on penguins`, async () => {
      const fitted = await pipelineFor(name, params).fit(penguins, "Species");
      const result = await register(fitted, { name: `penguins-${name}` });
      expect(result.data.registered.version).toBe(1);
      expectSamePredictions(fitted, loadRegistered(`penguins-${name}@1`), penguins);
    });
  }
  for (const [name, params] of [["ridge", {}], ["linear", {}], ["gbdt", { maxIterations: 20 }], ["tree", { maxDepth: 5 }]] as [string, object][]) {
    it(`${name} on cars (regression)`, async () => {
      const fitted = await pipelineFor(name, params).fit(cars, "Miles_per_Gallon");
      await register(fitted, { name: `cars-${name}` });
      expectSamePredictions(fitted, loadRegistered(`cars-${name}@1`), cars);
    });
  }
  it("target encoding and bucketizing", async () => {
    const steps = [new Impute({ indicator: true }), new TargetEncode({ columns: ["Island"] }), new Bucketize({ columns: ["Body Mass (g)"], buckets: 4 }), new OneHot(), new Impute()];
    const fitted = await new Pipeline(steps as never, createModel("logistic")).fit(penguins, "Species");
    await register(fitted, { name: "penguins-steps" });
    expectSamePredictions(fitted, loadRegistered("penguins-steps@1"), penguins);
  });
  it("a fitted model without a pipeline", async () => {
    const pipeline = await pipelineFor("logistic").fit(penguins, "Species");
    const X = pipeline.features(penguins);
    await register(pipeline.model, { name: "bare-logistic" });
    const loaded = loadRegistered("bare-logistic@1") as typeof pipeline.model;
    expect(Array.from(loaded.predict(X))).toEqual(Array.from(pipeline.model.predict(X)));
  });
});

describe("versions and stages", () => {
  let fitted: FittedPipeline;
  beforeAll(async () => {
    fitted = await pipelineFor("logistic").fit(penguins, "Species");
  });

  it("numbers versions per name and keeps exactly one in production", async () => {
    const v1 = await register(fitted, { name: "stages", description: "first" });
    const v2 = await register(fitted, { name: "stages", stage: "production" });
    const v3 = await register(fitted, { name: "stages" });
    expect([v1, v2, v3].map((r) => r.data.registered.version)).toEqual([1, 2, 3]);
    expect(v1.data.registered.stage).toBe("staging");
    expect(registeredVersion("stages@production").version).toBe(2);
    expect(registeredVersion("stages@staging").version).toBe(3);
    expect(registeredVersion("stages").version).toBe(2);

    const promoted = await setStage("stages@3", "production");
    expect(promoted.data).toMatchObject({ from: "staging", to: "production", archived: 2 });
    expect(promoted.verdict.text).toMatch(/version 2 moved from production to archived/);
    const stages = (await registeredModels({ name: "stages" })).data.versions.map((v) => v.stage);
    expect(stages).toEqual(["staging", "archived", "production"]);
    // A new version straight to production archives the one there, in the same transaction.
    const v4 = await register(fitted, { name: "stages", stage: "production" });
    expect(v4.data.archived).toBe(3);
    const count = trackingStore().prepare("SELECT COUNT(*) AS n FROM model_versions WHERE name = 'stages' AND stage = 'production'").get() as { n: number };
    expect(count.n).toBe(1);
  });

  it("the store itself refuses a second production version", () => {
    const db = trackingStore();
    expect(() => db.prepare("UPDATE model_versions SET stage = 'production' WHERE name = 'stages' AND version = 1").run()).toThrow(/UNIQUE/);
  });

  it("keeps the run it came from: its metrics, params and data fingerprints", async () => {
    const run = track("logistic on penguins", { accuracy: { value: 0.97, low: 0.95, high: 0.99 }, C: "1" }, { datasets: [penguins.provenance()] });
    const result = await register(fitted, { name: "lineage", run: run.id, description: "with lineage", metrics: { f1: 0.96 } });
    const v = result.data.registered;
    expect(v.runId).toBe(run.id);
    expect(v.metrics).toEqual([{ name: "accuracy", value: 0.97, low: 0.95, high: 0.99 }, { name: "f1", value: 0.96 }]);
    expect(v.datasets).toEqual([penguins.provenance()]);
    expect(v.params).toEqual(fitted.model.params);
    expect(result.verdict.level).toBe("ok");
    const listed = await registeredModels();
    expect(listed.table?.columns).toContain("run");
    expect(listed.table?.rows.find((r) => r[0] === "lineage")).toContain(`#${run.id}`);
    const bundle = (listed as unknown as Record<symbol, () => Record<string, unknown>>)[Symbol.for("Jupyter.display")]();
    expect(bundle["text/html"]).toContain("lineage");
    // Without a run the verdict says the lineage is unknown.
    const orphan = await register(fitted, { name: "orphan", data: penguins });
    expect(orphan.verdict.level).toBe("warn");
    expect(orphan.data.registered.datasets).toEqual([penguins.provenance()]);
  });
});

describe("bad input", () => {
  let fitted: FittedPipeline;
  beforeAll(async () => {
    fitted = await pipelineFor("zero-rule").fit(penguins, "Species");
  });
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      expect(error).toBeInstanceOf(LitmlError);
      return [(error as LitmlError).code, (error as Error).message];
    }
    throw new Error("did not throw");
  };
  const codeAsync = async (f: () => Promise<unknown>) => {
    const error = await f().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(LitmlError);
    return [(error as LitmlError).code, (error as Error).message];
  };

  it("a name with path characters, or empty", async () => {
    for (const name of ["../evil", "a/b", "a\\b", "", " ", "x@1", "..", "a..b"]) {
      const [c, text] = await codeAsync(() => register(fitted, { name }));
      expect(c).toBe("bad-registry-name");
      expect(text).toMatch(/register: invalid name/);
    }
    const [c] = await codeAsync(() => register(fitted, {} as never));
    expect(c).toBe("bad-registry-name");
  });

  it("a version that does not exist lists the ones that do", async () => {
    await register(fitted, { name: "few" });
    await register(fitted, { name: "few" });
    const [c, text] = code(() => loadRegistered("few@7"));
    expect(c).toBe("unknown-model-version");
    expect(text).toBe('"few" has no version 7. Its versions are: few@1 (staging), few@2 (staging).');
    expect(code(() => loadRegistered("few@production"))[1]).toMatch(/has no version in production\. Its versions are: few@1/);
    expect(code(() => loadRegistered("fwe@1"))[1]).toMatch(/No model named "fwe" is registered\. Did you mean "few"\?/);
    expect(code(() => loadRegistered("few@latest"))[0]).toBe("bad-model-reference");
  });

  it("a stage that is not one of the three", async () => {
    const [c, text] = await codeAsync(() => setStage("few@1", "prod" as never));
    expect(c).toBe("bad-stage");
    expect(text).toMatch(/"staging", "production", "archived"/);
    expect((await codeAsync(() => register(fitted, { name: "few", stage: "live" as never })))[0]).toBe("bad-option");
  });

  it("something that is not fitted", async () => {
    expect((await codeAsync(() => register(pipelineFor("logistic") as never, { name: "unfitted" })))[0]).toBe("not-registrable");
  });
});
