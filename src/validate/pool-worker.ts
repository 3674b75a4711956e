/**
 * A worker thread of the fitting pool (src/validate/pool.ts). It holds the current run's
 * data set (released when the run ends) and runs one task at a time: fit a pipeline
 * rebuilt from its spec on a fold's training rows and predict its test rows (the engine's
 * runFolds), score a search's candidates on one fold (tune), or fit one fold of a
 * learning curve. Its results go back as typed arrays,
 * transferred; an error goes back as its code and message, rebuilt as the same LitmlError.
 */
import { parentPort } from "node:worker_threads";
import type { Dataset } from "../data/dataset.js";
import { LitmlError } from "../errors.js";
import { metric } from "../metrics/registry.js";
import { type Params, scoreCandidates } from "./candidates.js";
import { foldCurve } from "./fold-curve.js";
import { fitFold } from "./out-of-fold.js";
import { type PoolReply, type PoolRequest, transferablesOf } from "./pool.js";
import { pipelineOf, unpackDataset } from "./pool-spec.js";
import { asPredictor, predict } from "./predictor.js";

const port = parentPort!;
let data: { id: number; dataset: Dataset } | undefined;

port.on("message", (request: PoolRequest) => {
  if (request.kind === "dataset") {
    data = { id: request.id, dataset: unpackDataset(request.dataset) };
    return;
  }
  if (request.kind === "release") {
    data = undefined;
    return;
  }
  void run(request).then(
    (reply) => port.postMessage(reply, transferablesOf(reply)),
    (error: unknown) => port.postMessage({ kind: "error", task: request.task, error: errorOf(error) } satisfies PoolReply),
  );
});

async function run(request: Exclude<PoolRequest, { kind: "dataset" | "release" }>): Promise<PoolReply> {
  if (data === undefined || data.id !== request.dataset) throw new Error(`the worker holds no data set ${request.dataset}`);
  const dataset = data.dataset;
  const pipeline = pipelineOf(request.spec);
  if (request.kind === "fold") {
    const train = dataset.take(request.train);
    const test = dataset.take(request.test);
    const began = performance.now();
    const fitted = await fitFold(asPredictor(pipeline), train, request.target, request.fold);
    const fitSeconds = (performance.now() - began) / 1000;
    const predicted = performance.now();
    const predictions = predict(fitted, test, request.withProba);
    const predictSeconds = (performance.now() - predicted) / 1000;
    return { kind: "fold", task: request.task, truth: fitted.targetOf(test), predictions, fitSeconds, predictSeconds };
  }
  const spec = metric(request.metric, request.targetKind);
  if (request.kind === "curve") {
    const curve = await foldCurve(dataset, request.target, pipeline, request.train, request.test, request.sizes, spec);
    return { kind: "curve", task: request.task, ...curve };
  }
  const scored = await scoreCandidates(dataset, request.target, pipeline, request.candidates as readonly Params[], [{ train: request.train, test: request.test }], spec);
  return {
    kind: "candidates",
    task: request.task,
    scores: scored.scores.map((s) => s[0]),
    fitSeconds: scored.fitSeconds,
    failures: scored.failures,
    ...(scored.firstError === undefined ? {} : { firstError: errorOf(scored.firstError) }),
  };
}

function errorOf(error: unknown): { litml: boolean; code?: string; name: string; message: string } {
  if (error instanceof LitmlError) return { litml: true, code: error.code, name: error.name, message: error.message };
  if (error instanceof Error) return { litml: false, name: error.name, message: error.message };
  return { litml: false, name: "Error", message: String(error) };
}
