/**
 * The end-to-end sanity check, in two measurements on one small batch. The pipeline is
 * fitted to the batch and its training error is read against the target's spread (the
 * zero rule's error), so a noisy regression is not failed for noise no model could fit.
 * Then the same pipeline is fitted to the batch with its labels shuffled, several times:
 * a pipeline whose fit comes from the features does clearly better on the real labels
 * than on shuffled ones; one whose labels are misaligned or whose features are constant
 * does no better. A batch memorised outright also passes (that is the classic check),
 * with a caveat when the model memorises shuffled labels too.
 */
import { Dataset } from "../../data/dataset.js";
import { featureColumns } from "../../features/pipeline.js";
import { targetOf } from "../../features/target.js";
import { message } from "../../messages.js";
import type { Target } from "../../models/contract.js";
import { Progress, quietly } from "../../runtime/context.js";
import { mean, populationStd } from "../../stats/summary.js";
import { quantileSorted } from "../../stats/intervals.js";
import { Random } from "../../util/random.js";
import { chooseModel, type ModelChoice } from "../../validate/model.js";
import type { OverfitCheckData, OverfitCheckOptions } from "./types.js";

export const ANALYSIS = "overfitCheck";
/** A training error at most this share of the spread counts as memorised. */
export const MEMORISED = 0.01;

export async function computeOverfitCheck(dataset: Dataset, options: OverfitCheckOptions): Promise<OverfitCheckData> {
  const targetName = options.target ?? dataset.roles.target;
  if (targetName === undefined) throw message.badOption(ANALYSIS, "target", undefined, "the column to predict (--target COL)");
  const random = new Random(options.seed ?? 0);
  const order = random.permutation(dataset.nRows);
  const first = Math.min(options.rows ?? 32, dataset.nRows);
  // A weak but real signal cannot be told from noise on 32 rows: unless the size was chosen,
  // an inconclusive batch grows (nested, 4× and 16×) before the check calls the pipeline broken.
  const sizes = options.rows !== undefined ? [first] : [...new Set([first, 4 * first, 16 * first].map((s) => Math.min(s, dataset.nRows)))];
  const firstBatch = dataset.take(order.subarray(0, first));
  const task = targetOf(firstBatch, targetName).kind;
  // The check is about the plumbing, not the regulariser: by default, a nearly unpenalised model.
  const unpenalised = task === "classification" ? { C: 1e4, maxIterations: 5000 } : { alpha: 1e-8 };
  const chosen = chooseModel(ANALYSIS, { model: options.model, params: options.params ?? (options.model === undefined ? unpenalised : undefined) }, firstBatch, targetName, {
    fallback: task === "classification" ? "logistic" : "ridge",
  });
  // 20 shuffles per batch size that may be tried: each size tests at 1/(20·sizes), so shuffled labels pass at most 5% of the time overall.
  const shuffles = options.shuffles ?? 20 * sizes.length - 1;
  const smallerBatches: { rows: number; trainingError: number; shuffledMedian: number }[] = [];
  for (const [k, size] of sizes.entries()) {
    const rows = order.subarray(0, size);
    const checked = await checkBatch(chosen, dataset.take(rows), targetName, shuffles, random);
    const last = k === sizes.length - 1;
    if (checked.passed || checked.constantFeatures || last) {
      return { target: targetName, task, model: chosen.name, rows: size, batch: Array.from(rows), ...checked, smallerBatches };
    }
    smallerBatches.push({ rows: size, trainingError: checked.trainingError, shuffledMedian: quantileSorted([...checked.shuffled].sort((a, b) => a - b), 0.5) });
  }
  throw new Error("unreachable: the last batch size always returns");
}

type BatchCheck = Pick<OverfitCheckData, "trainingError" | "raw" | "shuffled" | "memorised" | "tiedToFeatures" | "memorisesNoise" | "constantFeatures" | "passed">;

async function checkBatch(chosen: ModelChoice, batch: Dataset, targetName: string, shuffles: number, random: Random): Promise<BatchCheck> {
  const progress = new Progress(`overfit check of ${chosen.name} on ${batch.nRows} rows`, shuffles + 1);
  const real = await trainingError(chosen, batch, targetName);
  await progress.step();
  const shuffled: number[] = [];
  for (let s = 0; s < shuffles; s++) {
    shuffled.push((await trainingError(chosen, withShuffledTarget(batch, targetName, random), targetName)).relative);
    await progress.step();
  }
  progress.finish();
  const median = quantileSorted([...shuffled].sort((a, b) => a - b), 0.5);
  const memorised = real.relative <= MEMORISED;
  // A permutation test: better than every shuffle has chance 1 / (shuffles + 1) when the labels carry no signal.
  const tiedToFeatures = shuffled.every((e) => real.relative < e);
  return {
    trainingError: real.relative,
    raw: real.raw,
    shuffled,
    memorised,
    tiedToFeatures,
    memorisesNoise: median <= MEMORISED,
    constantFeatures: featureColumns(batch, targetName).every((name) => constant(batch, name)),
    passed: memorised || tiedToFeatures,
  };
}

/** The fitted pipeline's error on its own training rows: raw, and over the zero rule's error. */
async function trainingError(chosen: ModelChoice, batch: Dataset, targetName: string): Promise<{ raw: number; relative: number }> {
  const fitted = await quietly(() => chosen.predictor.fit(batch, targetName));
  const truth = fitted.targetOf(batch);
  const predicted = fitted.predict(batch);
  return truth.kind === "classification" ? classificationError(truth, predicted) : regressionError(truth.values, predicted);
}

function classificationError(truth: Extract<Target, { kind: "classification" }>, predicted: Int32Array | Float64Array): { raw: number; relative: number } {
  const n = truth.codes.length;
  const counts = new Float64Array(truth.classes.length);
  let wrong = 0;
  for (let i = 0; i < n; i++) {
    counts[truth.codes[i]]++;
    if (predicted[i] !== truth.codes[i]) wrong++;
  }
  const zeroRule = 1 - Math.max(...counts) / n;
  return { raw: wrong, relative: zeroRule === 0 ? 0 : wrong / n / zeroRule };
}

function regressionError(y: Float64Array, predicted: Int32Array | Float64Array): { raw: number; relative: number } {
  const rmse = Math.sqrt(mean(Float64Array.from(y, (v, i) => (v - predicted[i]) ** 2)));
  const spread = populationStd(y);
  return { raw: rmse, relative: spread === 0 ? 0 : rmse / spread };
}

/** The batch with the target's values in a shuffled order and every other column as it was. */
function withShuffledTarget(batch: Dataset, targetName: string, random: Random): Dataset {
  const moved = batch.take(random.permutation(batch.nRows)).column(targetName);
  return new Dataset(batch.names.map((name) => [name, name === targetName ? moved : batch.column(name)] as const), batch.roles, batch.meta);
}

function constant(data: Dataset, name: string): boolean {
  const column = data.column(name);
  const values: ArrayLike<number> = column.type === "category" ? column.codes : (column as { values: ArrayLike<number> }).values;
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0] && !(values[i] !== values[i] && values[0] !== values[0])) return false;
  return true;
}
