/**
 * Metrics by the names `--metric` takes. Each knows its task, its direction, its best
 * possible value (for normalised gains) and what predictions it needs.
 */
import type { Matrix } from "../data/matrix.js";
import type { CountBlock } from "../stats/intervals.js";
import { message } from "../messages.js";
import type { Target, Task } from "../models/contract.js";
import { accuracy, balancedAccuracy, precisionRecallF1, type Weights } from "./classification.js";
import { brierScore, logLoss } from "./probabilistic.js";
import { averagePrecision, rocAuc, rocAucOvr, sortedRocAuc, sortedRocAucOvr } from "./ranking.js";
import { meanAbsoluteError, meanAbsolutePercentageError, r2Score, rootMeanSquaredError } from "./regression.js";

export interface Predictions {
  readonly labels?: Int32Array;
  readonly proba?: Matrix;
  readonly values?: Float64Array;
}

export interface MetricSpec {
  readonly name: string;
  readonly task: Task;
  readonly greaterIsBetter: boolean;
  /** The score of a perfect model. */
  readonly perfect: number;
  /** The values the metric can take (for checking a success value or an existing score). */
  readonly range: readonly [number, number];
  readonly needs: "labels" | "proba" | "values";
  readonly description: string;
  compute(truth: Target, predictions: Predictions, weights?: Weights): number;
  /**
   * For metrics that sort (ROC AUC) or average per-row values: prepares the predictions once and returns the score
   * under row counts (a bootstrap resample as counts), equal to \`compute\` on the rows
   * repeated that many times, without sorting again.
   */
  resampler?(truth: Target, predictions: Predictions): (block: CountBlock) => Float64Array;
}

type ClassTruth = Extract<Target, { kind: "classification" }>;

const label = (name: string, description: string, f: (t: ClassTruth, p: Int32Array, w: Weights) => number, perfect = 1): MetricSpec => ({
  name,
  task: "classification",
  greaterIsBetter: true,
  perfect,
  range: [0, 1],
  needs: "labels",
  description,
  compute: (t, p, w) => f(t as ClassTruth, p.labels!, w),
});

const probabilistic = (name: string, description: string, greaterIsBetter: boolean, perfect: number, f: (t: ClassTruth, p: Matrix, w: Weights) => number, range: readonly [number, number] = [0, 1]): MetricSpec => ({
  name,
  task: "classification",
  greaterIsBetter,
  perfect,
  range,
  needs: "proba",
  description,
  compute: (t, p, w) => f(t as ClassTruth, p.proba!, w),
});

const regression = (name: string, description: string, greaterIsBetter: boolean, perfect: number, f: (y: Float64Array, p: Float64Array, w: Weights) => number, range: readonly [number, number] = [0, Infinity]): MetricSpec => ({
  name,
  task: "regression",
  greaterIsBetter,
  perfect,
  range,
  needs: "values",
  description,
  compute: (t, p, w) => f((t as Extract<Target, { kind: "regression" }>).values, p.values!, w),
});

/** Binary metrics score the second (sorted) class as positive; multiclass ones average. */
const averaged = (t: ClassTruth) => (t.classes.length === 2 ? "binary" : "macro");
const positiveScores = (p: Matrix) => p.data.subarray(p.rows);

/** A resampler for metrics that are a mean of per-row values (then mapped by `finish`): one pass per block of draws. */
const rowMean =
  (perRow: Float64Array, finish: (mean: number) => number = (m) => m) =>
  ({ counts, width }: CountBlock) => {
    const sum = new Float64Array(width);
    const total = new Float64Array(width);
    for (let row = 0; row < perRow.length; row++) {
      const v = perRow[row];
      const base = row * width;
      for (let j = 0; j < width; j++) {
        const c = counts[base + j];
        sum[j] += c * v;
        total[j] += c;
      }
    }
    return Float64Array.from(sum, (s, j) => (total[j] === 0 ? NaN : finish(s / total[j])));
  };

const values = (t: Target) => (t as Extract<Target, { kind: "regression" }>).values;

const METRICS: readonly MetricSpec[] = [
  {
    ...label("accuracy", "share of rows classified correctly", (t, p, w) => accuracy(t.codes, p, w)),
    resampler: (t, p) => rowMean(Float64Array.from((t as ClassTruth).codes, (c, i) => (c === p.labels![i] ? 1 : 0))),
  },
  label("balanced-accuracy", "mean recall over classes; immune to class imbalance", (t, p, w) => balancedAccuracy(t.codes, p, t.classes.length, w)),
  label("precision", "of the rows flagged positive, the share that are (macro-averaged for 3+ classes)", (t, p, w) => precisionRecallF1(t.codes, p, t.classes.length, averaged(t), { weights: w }).precision),
  label("recall", "of the positive rows, the share flagged (macro-averaged for 3+ classes)", (t, p, w) => precisionRecallF1(t.codes, p, t.classes.length, averaged(t), { weights: w }).recall),
  label("f1", "harmonic mean of precision and recall (macro-averaged for 3+ classes)", (t, p, w) => precisionRecallF1(t.codes, p, t.classes.length, averaged(t), { weights: w }).f1),
  label("f1-macro", "F1 averaged over classes, each counting equally", (t, p, w) => precisionRecallF1(t.codes, p, t.classes.length, "macro", { weights: w }).f1),
  label("f1-micro", "F1 from global counts (equals accuracy for single-label data)", (t, p, w) => precisionRecallF1(t.codes, p, t.classes.length, "micro", { weights: w }).f1),
  label("f1-weighted", "F1 averaged over classes, weighted by their support", (t, p, w) => precisionRecallF1(t.codes, p, t.classes.length, "weighted", { weights: w }).f1),
  {
    ...probabilistic("roc-auc", "chance that a random positive is scored above a random negative (one-vs-rest for 3+ classes)", true, 1, (t, p, w) =>
      t.classes.length === 2 ? rocAuc(t.codes, positiveScores(p), w) : rocAucOvr(t.codes, p.data, t.classes.length, "macro", w),
    ),
    resampler: (t, p) => {
      const { codes, classes } = t as ClassTruth;
      return classes.length === 2 ? sortedRocAuc(codes, positiveScores(p.proba!)) : sortedRocAucOvr(codes, p.proba!.data, classes.length);
    },
  },
  probabilistic("average-precision", "area under the precision-recall curve of the positive class", true, 1, (t, p, w) => averagePrecision(t.codes, positiveScores(p), w)),
  probabilistic("log-loss", "mean negative log-probability of the true class", false, 0, (t, p, w) => logLoss(t.codes, p.data, w), [0, Infinity]),
  probabilistic("brier", "mean squared error of the predicted probabilities", false, 0, (t, p, w) => brierScore(t.codes, p.data, t.classes.length, w)),
  { ...regression("mae", "mean absolute error", false, 0, meanAbsoluteError), resampler: (t, p) => rowMean(Float64Array.from(values(t), (y, i) => Math.abs(y - p.values![i]))) },
  { ...regression("rmse", "root mean squared error", false, 0, rootMeanSquaredError), resampler: (t, p) => rowMean(Float64Array.from(values(t), (y, i) => (y - p.values![i]) ** 2), Math.sqrt) },
  regression("mape", "mean absolute percentage error (as a fraction)", false, 0, meanAbsolutePercentageError),
  regression("r2", "share of the target's variance explained", true, 1, r2Score, [-Infinity, 1]),
];

export function metricNames(task?: Task): string[] {
  return METRICS.filter((m) => task === undefined || m.task === task).map((m) => m.name);
}

export function metric(name: string, task?: Task): MetricSpec {
  const spec = METRICS.find((m) => m.name === name);
  if (!spec) throw message.unknownMetric(name, metricNames(task));
  if (task && spec.task !== task) throw message.badOption("metric", "metric", name, `a ${task} metric: ${metricNames(task).join(", ")}`);
  return spec;
}

/** The metric an analysis uses when none is named. */
export function defaultMetric(task: Task): string {
  return task === "classification" ? "accuracy" : "rmse";
}
