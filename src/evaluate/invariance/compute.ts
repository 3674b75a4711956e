/**
 * Would the prediction change if only the sensitive attribute changed? Each row is
 * predicted by the fold model that did not see it, then again with the sensitive value
 * swapped for each other group's; the flip rate is the share of rows whose prediction
 * changes (for numbers: moves by more than 1% of the target's standard deviation).
 * Directional expectations nudge a numeric column by one standard deviation and count the
 * rows whose prediction moves the wrong way.
 */
import type { Column } from "../../data/column.js";
import { Dataset } from "../../data/dataset.js";
import { targetOf } from "../../features/target.js";
import { message } from "../../messages.js";
import { Progress } from "../../runtime/context.js";
import { wilson } from "../../stats/intervals.js";
import { tQuantile } from "../../stats/slope.js";
import { sampleStd } from "../../stats/summary.js";
import { chooseModel } from "../../validate/model.js";
import { runFolds } from "../../validate/out-of-fold.js";
import { planFolds } from "../../validate/plan.js";
import type { FittedPredictor } from "../../validate/predictor.js";
import { sensitiveGroups } from "../../validate/sensitive.js";
import { labelledRows, targetName } from "../../validate/target.js";
import type { InvarianceData, InvarianceOptions, Swap } from "./types.js";

const ANALYSIS = "invariance";
/** Models whose score moves through one coefficient per input (after the pipeline's affine scaling). */
const LINEAR_MODELS = new Set(["logistic", "ridge", "linear"]);

/** `data` with one column replaced. */
function withColumn(data: Dataset, name: string, column: Column): Dataset {
  return new Dataset(data.names.map((n) => [n, n === name ? column : data.column(n)] as const), data.roles, data.meta, data.nRows);
}

/** Predictions as numbers: labels for classes (compared for equality), values for regression. */
function predictionsOf(fitted: FittedPredictor, data: Dataset): Float64Array {
  return Float64Array.from(fitted.predict(data));
}

/** The score a direction is judged on: the last class's probability, or the predicted value. */
function scoreOf(fitted: FittedPredictor, data: Dataset): Float64Array {
  if (fitted.task === "regression") return Float64Array.from(fitted.predict(data));
  const proba = fitted.predictProba(data);
  return proba.data.slice((proba.cols - 1) * proba.rows, proba.cols * proba.rows);
}

export async function computeInvariance(raw: Dataset, options: InvarianceOptions): Promise<InvarianceData> {
  const notes: string[] = [];
  const targetColumn = targetName(ANALYSIS, raw, options.target);
  const sensitive = options.sensitive ?? raw.roles.sensitive?.[0];
  if (sensitive === undefined) throw message.badOption(ANALYSIS, "sensitive", undefined, "the column to swap (--sensitive COL)");
  for (const name of Object.keys(options.expect ?? {})) {
    if (raw.column(name).type !== "number") throw message.badOption(ANALYSIS, "expect", name, "numeric columns, to nudge up by one standard deviation");
  }
  const labelled = labelledRows(ANALYSIS, raw, targetColumn);
  if (labelled.note) notes.push(labelled.note);
  const dataset = labelled.dataset;
  const sensitiveColumn = dataset.column(sensitive);
  const { codes: group, labels } = sensitiveGroups(ANALYSIS, sensitive, sensitiveColumn);
  const truth = targetOf(dataset, targetColumn);
  const chosen = chooseModel(ANALYSIS, options, dataset, targetColumn, options.features ? { features: options.features } : {});
  const tolerance = truth.kind === "regression" ? 0.01 * sampleStd(truth.values) : 0.5;
  const expectations = Object.entries(options.expect ?? {}).map(([name, direction]) => {
    const values = (dataset.column(name) as { values: Float64Array }).values;
    return { name, direction, step: sampleStd(values), violations: 0, judged: 0, moved: 0 };
  });

  const changed = new Uint8Array(dataset.nRows);
  const swapCounts = labels.map(() => labels.map(() => ({ rows: 0, flips: 0, change: 0, foldMeans: [] as number[] })));
  let judgedRows = 0;
  const plan = planFolds(ANALYSIS, dataset, truth, { folds: options.folds, seed: options.seed }, options.card);
  const progress = new Progress("swapping the sensitive attribute", plan.folds.length);
  await runFolds(dataset, targetColumn, chosen.predictor, plan, { withProba: false, progress, probe: (fitted, test, run) => {
    const original = predictionsOf(fitted, test);
    const testGroups = Int32Array.from(run.test, (row) => group[row]);
    labels.forEach((_, to) => {
      const swapped: Column =
        sensitiveColumn.type === "category"
          ? { type: "category", codes: new Int32Array(test.nRows).fill(to), dictionary: sensitiveColumn.dictionary }
          : { type: "number", values: new Float64Array(test.nRows).fill(Number(labels[to])) };
      const counterfactual = predictionsOf(fitted, withColumn(test, sensitive, swapped));
      const foldSums = labels.map(() => ({ rows: 0, change: 0 }));
      for (let i = 0; i < test.nRows; i++) {
        const from = testGroups[i];
        if (from < 0 || from === to) continue;
        const difference = counterfactual[i] - original[i];
        const flipped = truth.kind === "regression" ? Math.abs(difference) > tolerance : counterfactual[i] !== original[i];
        const cell = swapCounts[from][to];
        cell.rows++;
        cell.change += difference;
        foldSums[from].rows++;
        foldSums[from].change += difference;
        if (flipped) {
          cell.flips++;
          changed[run.test[i]] = 1;
        }
      }
      foldSums.forEach((f, from) => {
        if (f.rows > 0) swapCounts[from][to].foldMeans.push(f.change / f.rows);
      });
    });
    const before = expectations.length > 0 ? scoreOf(fitted, test) : undefined;
    for (const e of expectations) {
      const values = (test.column(e.name) as { values: Float64Array }).values;
      const nudged = withColumn(test, e.name, { type: "number", values: Float64Array.from(values, (v) => v + e.step) });
      const after = scoreOf(fitted, nudged);
      for (let i = 0; i < test.nRows; i++) {
        if (Number.isNaN(values[i])) continue;
        e.judged++;
        const move = after[i] - before![i];
        e.moved += move;
        if (e.direction === "+" ? move < -1e-9 : move > 1e-9) e.violations++;
      }
    }
    for (const row of run.test) if (group[row] >= 0) judgedRows++;
  } });
  progress.finish();
  const flips = changed.reduce((a, b) => a + b, 0);
  const flipInterval = wilson(flips, judgedRows);
  const swaps: Swap[] = swapCounts.flatMap((row, from) =>
    row.flatMap((cell, to) =>
      cell.rows === 0 ? [] : [{ from: labels[from], to: labels[to], rows: cell.rows, flipRate: cell.flips / cell.rows, ...(truth.kind === "regression" ? shiftOf(cell.change / cell.rows, cell.foldMeans) : {}) }],
    ),
  );
  return {
    target: targetColumn,
    sensitive,
    model: chosen.name,
    linear: LINEAR_MODELS.has(chosen.name),
    task: truth.kind,
    ...(truth.kind === "regression" ? { targetSd: sampleStd(truth.values) } : {}),
    rows: judgedRows,
    flipRate: flips / judgedRows,
    flipLow: flipInterval.low,
    flipHigh: flipInterval.high,
    swaps,
    expectations: expectations.map((e) => {
      const interval = wilson(e.violations, e.judged);
      return { column: e.name, direction: e.direction, step: e.step, violationRate: e.violations / Math.max(1, e.judged), low: interval.low, high: interval.high, meanMove: e.moved / Math.max(1, e.judged) };
    }),
    notes,
  };
}

/**
 * The mean shift with a 95% interval from the fold models: each fold model leaves out one
 * group of rows, so the K fold means are delete-a-group jackknife replicates, with variance
 * (K − 1)/K · Σ(θ_k − θ̄)² and K − 1 degrees of freedom.
 */
function shiftOf(meanChange: number, foldMeans: readonly number[]): Pick<Swap, "meanChange" | "changeLow" | "changeHigh"> {
  const k = foldMeans.length;
  if (k < 2) return { meanChange, changeLow: -Infinity, changeHigh: Infinity };
  const centre = foldMeans.reduce((a, b) => a + b, 0) / k;
  const se = Math.sqrt(((k - 1) / k) * foldMeans.reduce((s, m) => s + (m - centre) ** 2, 0));
  const half = tQuantile(0.975, k - 1) * se;
  return { meanChange, changeLow: meanChange - half, changeHigh: meanChange + half };
}
