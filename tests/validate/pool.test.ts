// The pool of worker threads (src/validate/pool.ts) against the calling thread: the same
// fold predictions, bit for bit. The workers run the built litml (dist/): `npm run build` first.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { load } from "../../src/data/convert.js";
import type { Dataset } from "../../src/data/dataset.js";
import { Pipeline } from "../../src/features/pipeline.js";
import { Impute, OneHot, Scale } from "../../src/features/steps.js";
import { targetOf } from "../../src/features/target.js";
import type { Predictions } from "../../src/metrics/registry.js";
import { metric } from "../../src/metrics/registry.js";
import { createModel } from "../../src/models/registry.js";
import { Progress, type ProgressUpdate, setCancellationSignal, setProgressSink } from "../../src/runtime/context.js";
import { scoreCandidates } from "../../src/validate/candidates.js";
import { outOfFold, runFolds } from "../../src/validate/out-of-fold.js";
import { planFolds } from "../../src/validate/plan.js";
import { closePool, poolWorkers } from "../../src/validate/pool.js";
import { pipelineSpec } from "../../src/validate/pool-spec.js";
import { asPredictor } from "../../src/validate/predictor.js";
import { pipelineFor } from "../../src/features/default-pipeline.js";
import { labelledRows } from "../../src/validate/target.js";
import { computeLearningCurve } from "../../src/evaluate/learning-curve/compute.js";
import type { Step } from "../../src/features/step.js";

const penguins = await load("penguins");
const bodyMass = labelledRows("test", penguins, "Body Mass (g)").dataset;

const given = process.env.LITML_THREADS;
afterEach(() => {
  if (given === undefined) delete process.env.LITML_THREADS;
  else process.env.LITML_THREADS = given;
  setCancellationSignal(undefined);
});
afterAll(() => closePool());

async function withThreads<T>(threads: number, work: () => Promise<T>): Promise<T> {
  process.env.LITML_THREADS = String(threads);
  return work();
}

const bytes = (a: Int32Array | Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

function expectIdentical(pooled: Predictions, inThread: Predictions, what: string): void {
  expect(Object.keys(pooled).sort(), what).toEqual(Object.keys(inThread).sort());
  if (inThread.labels) expect(bytes(pooled.labels!), `${what} labels`).toEqual(bytes(inThread.labels));
  if (inThread.values) expect(bytes(pooled.values!), `${what} values`).toEqual(bytes(inThread.values));
  if (inThread.proba) {
    expect(pooled.proba!.names, `${what} classes`).toEqual(inThread.proba.names);
    expect(bytes(pooled.proba!.data), `${what} probabilities`).toEqual(bytes(inThread.proba.data));
  }
}

async function bothWays(dataset: Dataset, target: string, pipeline: Pipeline, withProba: boolean) {
  const plan = planFolds("test", dataset, targetOf(dataset, target), { folds: 5, seed: 7 });
  await closePool();
  const one = await withThreads(1, () => outOfFold(dataset, target, asPredictor(pipeline), plan, { withProba }));
  expect(poolWorkers()).toHaveLength(0);
  const two = await withThreads(2, () => outOfFold(dataset, target, asPredictor(pipeline), plan, { withProba }));
  return { one, two };
}

describe("the pool of worker threads", () => {
  const cases: [string, Dataset, string, () => Pipeline, boolean][] = [
    ["logistic", penguins, "Species", () => pipelineFor("logistic"), true],
    ["ridge", bodyMass, "Body Mass (g)", () => pipelineFor("ridge", { alpha: 3 }), false],
    ["gbdt", penguins, "Species", () => pipelineFor("gbdt", { maxIterations: 30, seed: 5 }), true],
    ["knn", penguins, "Species", () => pipelineFor("knn", { k: 7, weights: "distance" }), true],
    ["a user Pipeline", penguins, "Island", () => new Pipeline([new Impute({ strategy: "median" }), new OneHot(), new Scale({ method: "standard" })], createModel("logistic", { C: 0.2 })), true],
  ];
  for (const [name, dataset, target, pipeline, withProba] of cases) {
    it(`fits ${name} in 5 folds with 2 threads to the very same predictions as in one`, async () => {
      const { one, two } = await bothWays(dataset, target, pipeline(), withProba);
      expect(poolWorkers().length, "the folds went to the workers").toBe(2);
      expectIdentical(two.predictions, one.predictions, name);
      expect(two.runs.map((r) => r.fold)).toEqual(one.runs.map((r) => r.fold));
      expect(bytes(two.rows)).toEqual(bytes(one.rows));
      expect(two.truth).toEqual(one.truth);
      expect(two.runs.every((r) => r.fitSeconds > 0)).toBe(true);
    });
  }

  it("fits a pipeline with a step of the user's own class in this thread, with the same results", async () => {
    class Doubled extends Scale {}
    const custom = new Pipeline([new Impute(), new OneHot(), new Doubled() as Step], createModel("logistic"));
    expect(pipelineSpec(custom)).toBeUndefined();
    expect(pipelineSpec(new Pipeline([new Impute()], createModel("logistic")))).toBeDefined();
    expect(pipelineSpec(pipelineFor("mlp")), "TensorFlow.js fits in the calling thread").toBeUndefined();
    await closePool();
    const { one, two } = await bothWays(penguins, "Species", custom, true);
    expect(poolWorkers(), "no worker was started").toHaveLength(0);
    expectIdentical(two.predictions, one.predictions, "custom step");
  });

  it("scores tune's candidates on the pool to the same scores as in one thread", async () => {
    const plan = planFolds("test", penguins, targetOf(penguins, "Species"), { folds: 4, seed: 1 });
    const candidates = [{ C: 0.01 }, { C: 1 }, { C: 100 }];
    const spec = metric("log-loss", "classification");
    await closePool();
  const one = await withThreads(1, () => scoreCandidates(penguins, "Species", pipelineFor("logistic"), candidates, plan.folds, spec));
    const two = await withThreads(2, () => scoreCandidates(penguins, "Species", pipelineFor("logistic"), candidates, plan.folds, spec));
    expect(poolWorkers().length).toBe(2);
    expect(two.scores).toEqual(one.scores);
    expect(two.failures).toBe(0);
  });

  it("fits a learning curve's folds on the pool to the same scores as in one thread", async () => {
    const options = { target: "Species", model: "logistic", folds: 3, seed: 4, metric: "log-loss" };
    const one = await withThreads(1, () => computeLearningCurve(penguins, options));
    await closePool();
    const two = await withThreads(2, () => computeLearningCurve(penguins, options));
    expect(poolWorkers().length).toBe(2);
    expect(two.points).toEqual(one.points);
    expect(two.points.length).toBeGreaterThan(2);
  });

  it("steps the caller's progress once per fold as the workers finish", async () => {
    const plan = planFolds("test", penguins, targetOf(penguins, "Species"), { folds: 5, seed: 1 });
    const updates: ProgressUpdate[] = [];
    setProgressSink((u) => updates.push(u));
    const progress = new Progress("pooled folds", 5, 0);
    const steps: number[] = [];
    const step = progress.step.bind(progress);
    progress.step = async (count = 1) => {
      steps.push(count);
      return step(count);
    };
    await withThreads(2, () => runFolds(penguins, "Species", asPredictor(pipelineFor("logistic")), plan, { withProba: false, progress }));
    progress.finish();
    expect(poolWorkers().length).toBe(2);
    expect(steps).toEqual([1, 1, 1, 1, 1]);
    expect(updates.at(-1)).toMatchObject({ label: "pooled folds", done: 5, finished: true });
  });

  it("sends back a fit's LitmlError as the same error", async () => {
    const plan = planFolds("test", penguins, targetOf(penguins, "Species"), { folds: 3, seed: 1 });
    const bad = () => asPredictor(pipelineFor("gbdt", { maxBins: 300 }));
    const inThread = await withThreads(1, () => runFolds(penguins, "Species", bad(), plan, { withProba: false })).catch((e: unknown) => e);
    const pooled = await withThreads(2, () => runFolds(penguins, "Species", bad(), plan, { withProba: false })).catch((e: unknown) => e);
    expect(inThread).toMatchObject({ name: "LitmlError", code: "bad-option" });
    expect(pooled).toMatchObject({ name: "LitmlError", code: "bad-option", message: (inThread as Error).message });
  });

  it("terminates its workers when the cell is interrupted, within 2 s", async () => {
    const plan = planFolds("test", penguins, targetOf(penguins, "Species"), { folds: 5, seed: 2 });
    const controller = new AbortController();
    setCancellationSignal(controller.signal);
    const slow = asPredictor(pipelineFor("gbdt", { maxIterations: 100000, learningRate: 1e-6, minSamplesLeaf: 1, seed: 3 }));
    const running = withThreads(2, () => runFolds(penguins, "Species", slow, plan, { withProba: false })).catch((e: unknown) => e);
    await until(() => poolWorkers().length === 2);
    const workers = [...poolWorkers()];
    const exited = workers.map((w) => new Promise<void>((resolve) => w.once("exit", () => resolve())));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const interrupted = performance.now();
    controller.abort();
    const error = await running;
    await Promise.all(exited);
    expect((performance.now() - interrupted) / 1000).toBeLessThan(2);
    expect(error).toMatchObject({ name: "LitmlError", code: "cancelled" });
    expect(poolWorkers()).toHaveLength(0);
  });

  it("fails with a clear LitmlError when a worker dies", async () => {
    const plan = planFolds("test", penguins, targetOf(penguins, "Species"), { folds: 5, seed: 2 });
    const slow = asPredictor(pipelineFor("gbdt", { maxIterations: 100000, learningRate: 1e-6, minSamplesLeaf: 1, seed: 3 }));
    const running = withThreads(2, () => runFolds(penguins, "Species", slow, plan, { withProba: false })).catch((e: unknown) => e);
    await until(() => poolWorkers().length === 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await poolWorkers()[0].terminate();
    const error = await running;
    expect(error).toMatchObject({ name: "LitmlError", code: "worker-failed" });
    expect((error as Error).message).toMatch(/A worker thread stopped while fitting gbdt in 5 folds \(it exited with code 1\).*LITML_THREADS=1/);
    expect(poolWorkers()).toHaveLength(0);
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}
