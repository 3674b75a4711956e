/**
 * overfitCheck(DATA, { target }): the end-to-end sanity check. A pipeline that works
 * can memorise a tiny batch; if it cannot reach training error ≤ 1% on 32 rows, something
 * between the data and the model is broken (labels misaligned, features dropped, a
 * constant column where the signal should be) and no amount of tuning will help.
 */
import { type DataInput, resolveData } from "../data/convert.js";
import { formatCell } from "../display/format.js";
import { targetOf } from "../features/target.js";
import { message } from "../messages.js";
import { checkOptions, columnOf, numberOption } from "../options.js";
import { createResult, type Result } from "../result.js";
import { Random } from "../util/random.js";
import { accuracy } from "../metrics/classification.js";
import { r2Score } from "../metrics/regression.js";
import { chooseModel, type ModelInput } from "../validate/model.js";

export interface OverfitCheckOptions {
  readonly target?: string;
  /** A registry name (with `params`) or your own Pipeline; default a nearly unregularised logistic or linear model. */
  readonly model?: ModelInput;
  readonly params?: object;
  readonly rows?: number;
  readonly seed?: number;
}

export interface OverfitCheckData {
  readonly target: string;
  readonly model: string;
  readonly rows: number;
  /** Share misclassified, or 1 − R² for numbers. */
  readonly trainingError: number;
  readonly passed: boolean;
}

const ANALYSIS = "overfitCheck";
const TOLERANCE = 0.01;

export async function overfitCheck(data: DataInput, options: OverfitCheckOptions = {}): Promise<Result<OverfitCheckData>> {
  const dataset = await resolveData(data);
  checkOptions(ANALYSIS, options, { target: columnOf(ANALYSIS, dataset), model: () => {}, params: () => {}, rows: numberOption(ANALYSIS, 2, true), seed: numberOption(ANALYSIS) });
  const targetName = options.target ?? dataset.roles.target;
  if (targetName === undefined) throw message.badOption(ANALYSIS, "target", undefined, "the column to predict (--target COL)");
  const size = Math.min(options.rows ?? 32, dataset.nRows);
  const batch = dataset.take(new Random(options.seed ?? 0).permutation(dataset.nRows).subarray(0, size));
  const target = targetOf(batch, targetName);
  // The check is about the plumbing, not the regulariser: by default, a nearly unpenalised model.
  const unpenalised = target.kind === "classification" ? { C: 1e4, maxIterations: 5000 } : { alpha: 1e-8 };
  const chosen = chooseModel(ANALYSIS, { model: options.model, params: options.params ?? (options.model === undefined ? unpenalised : undefined) }, batch, targetName, {
    fallback: target.kind === "classification" ? "logistic" : "ridge",
  });
  const modelName = chosen.name;
  const fitted = await chosen.predictor.fit(batch, targetName);
  const truth = fitted.targetOf(batch);
  const predicted = fitted.predict(batch);
  const trainingError = truth.kind === "classification" ? 1 - accuracy(truth.codes, predicted) : 1 - r2Score(truth.values, predicted);
  const passed = trainingError <= TOLERANCE;
  const checkData: OverfitCheckData = { target: targetName, model: modelName, rows: size, trainingError, passed };
  const measure = truth.kind === "classification" ? "misclassifies" : "leaves unexplained";
  return createResult({
    kind: "overfit-check",
    version: 1,
    title: `Overfit check: ${modelName} on ${size} rows of ${targetName}`,
    verdict: passed
      ? { level: "ok", text: `The pipeline memorises a batch of ${size} rows: it ${measure} ${formatCell(trainingError * 100)}% of them (at most ${TOLERANCE * 100}% allowed). The plumbing works end to end.` }
      : {
          level: "fail",
          text: `The pipeline cannot memorise ${size} rows: it still ${measure} ${formatCell(trainingError * 100)}% of them (at most ${TOLERANCE * 100}% allowed). Check that the labels line up with the rows, that the features carry signal, and that rows with identical features do not have different labels.`,
        },
    table: { columns: ["model", "rows", "training error"], rows: [[modelName, size, trainingError]] },
    data: checkData,
    seed: options.seed ?? 0,
    datasets: [{ name: dataset.meta.name ?? "data", hash: dataset.contentHash(), rows: dataset.nRows }],
  });
}
