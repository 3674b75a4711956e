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
/** The real fit must be at most this share of the shuffled fits' median error. */
const CLEAR_OF_SHUFFLES = 0.8;

export async function computeOverfitCheck(dataset: Dataset, options: OverfitCheckOptions): Promise<OverfitCheckData> {
  const targetName = options.target ?? dataset.roles.target;
  if (targetName === undefined) throw message.badOption(ANALYSIS, "target", undefined, "the column to predict (--target COL)");
  const seed = options.seed ?? 0;
  const size = Math.min(options.rows ?? 32, dataset.nRows);
  const random = new Random(seed);
  const rows = random.permutation(dataset.nRows).subarray(0, size);
  const batch = dataset.take(rows);
  const target = targetOf(batch, targetName);
  // The check is about the plumbing, not the regulariser: by default, a nearly unpenalised model.
  const unpenalised = target.kind === "classification" ? { C: 1e4, maxIterations: 5000 } : { alpha: 1e-8 };
  const chosen = chooseModel(ANALYSIS, { model: options.model, params: options.params ?? (options.model === undefined ? unpenalised : undefined) }, batch, targetName, {
    fallback: target.kind === "classification" ? "logistic" : "ridge",
  });
  const shuffles = options.shuffles ?? 19;
  const progress = new Progress(`overfit check of ${chosen.name}`, shuffles + 1);
  const real = await trainingError(chosen, batch, targetName);
  await progress.step();
  const shuffled: number[] = [];
  for (let s = 0; s < shuffles; s++) {
    shuffled.push((await trainingError(chosen, withShuffledTarget(batch, targetName, random), targetName)).relative);
    await progress.step();
  }
  progress.finish();
  const sorted = [...shuffled].sort((a, b) => a - b);
  const median = quantileSorted(sorted, 0.5);
  const asGood = shuffled.filter((e) => e <= real.relative).length;
  const memorised = real.relative <= MEMORISED;
  const tiedToFeatures = asGood <= 1 && real.relative <= CLEAR_OF_SHUFFLES * median;
  return {
    target: targetName,
    task: target.kind,
    model: chosen.name,
    rows: size,
    batch: Array.from(rows),
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
