/**
 * Where does the model fail? From out-of-fold predictions (each row judged by a model
 * that never saw it), three views of the errors: slices found by a SliceLine-style
 * search (high error and large enough to matter), a depth-3 surrogate tree whose leaves
 * say where errors concentrate, and clusters of the misclassified rows. For each slice,
 * what the overall metric would be if the model did as well there as on the rest of the
 * data, with an interval.
 */
import type { Dataset } from "../../data/dataset.js";
import { formatPercent } from "../../display/format.js";
import { targetOf } from "../../features/target.js";
import { message } from "../../messages.js";
import { rowErrors } from "../../metrics/row-errors.js";
import { Progress } from "../../runtime/context.js";
import { normalQuantile } from "../../stats/normal.js";
import { checkDesignFits, poolingNotes } from "../../validate/design.js";
import { chooseModel } from "../../validate/model.js";
import { outOfFold } from "../../validate/out-of-fold.js";
import { planFolds } from "../../validate/plan.js";
import { clusterRows, describeClusters } from "./clusters.js";
import { binColumn, describeSlice, predicateText, sliceLine, type BinnedColumn, type FoundSlice } from "./slice-line.js";
import { surrogateTree } from "./surrogate.js";
import type { ErrorSlice, ErrorsData, ErrorsOptions } from "./types.js";

const ANALYSIS = "errors";

export async function computeErrors(dataset: Dataset, options: ErrorsOptions): Promise<ErrorsData> {
  const { target, model, by, tested, errors, classification, encoding } = await errorsOutOfFold(dataset, options);
  const n = tested.nRows;
  const minSupport = options.minSupport ?? Math.max(30, Math.ceil(0.01 * n));
  const binned = by.map((name) => binColumn(name, tested.column(name), options.bins ?? 10));
  const { slices, examined } = sliceLine(binned, errors, { minSupport, maxLevel: options.maxLevel ?? 2, alpha: options.alpha ?? 0.95, top: options.top ?? 10 });
  let totalError = 0;
  let totalSquares = 0;
  for (const e of errors) {
    totalError += e;
    totalSquares += e * e;
  }
  const overallError = totalError / n;
  const found = slices.map((s) => ifFixed(s, binned, n, totalError, totalSquares, classification, examined));

  const leaves = surrogateTree(binned, errors, 3, minSupport)
    .map((leaf) => ({
      // A column's positive predicate implies its earlier negations ("x ≠ a and x = b" reads "x = b").
      rule:
        leaf.path
          .filter(([c, , inBin]) => inBin || !leaf.path.some(([other, , otherIn]) => other === c && otherIn))
          .map(([c, bin, inBin]) => predicateText(binned[c], bin, inBin))
          .join(" and ") || "all rows",
      rows: leaf.size,
      error: leaf.meanError,
    }))
    .sort((a, b) => b.error - a.error);

  const wrong = Int32Array.from(errors.keys()).filter((i) => errors[i] > (classification ? 0 : overallError));
  const k = Math.min(options.clusters ?? 3, wrong.length);
  const clusters =
    k > 0
      ? describeClusters(binned, wrong, clusterRows(binned, wrong, k, options.seed ?? 0), k).map((c) => ({
          rows: c.size,
          traits: c.traits.map((t) => `${predicateText(binned[t.column], t.bin)} (${formatPercent(t.share, 2)} vs ${formatPercent(t.overall, 2)} overall)`).join("; ") || "no trait stands out",
        }))
      : [];
  return {
    target,
    model,
    error: classification ? "error rate" : "mean absolute error",
    metric: classification ? "accuracy" : "mean absolute error",
    overall: classification ? 1 - overallError : overallError,
    overallError,
    minSupport,
    examined,
    slices: found,
    tree: leaves,
    clusters,
    encoding,
  };
}

export interface ErrorsOutOfFold {
  readonly target: string;
  readonly model: string;
  readonly by: readonly string[];
  /** The rows a model predicted (all, unless time-ordered folds left the earliest untested), and each one's error. */
  readonly tested: Dataset;
  readonly errors: Float64Array;
  readonly classification: boolean;
  readonly encoding: readonly string[];
}

/** Each tested row's out-of-fold error: 1 or 0 for classes, the absolute error for numbers. */
export async function errorsOutOfFold(dataset: Dataset, options: ErrorsOptions): Promise<ErrorsOutOfFold> {
  const target = options.target ?? dataset.roles.target;
  if (target === undefined) throw message.badOption(ANALYSIS, "target", undefined, "the column to predict (--target COL)");
  const truth = targetOf(dataset, target);
  const features = dataset.names.filter((n) => n !== target);
  const chosen = chooseModel(ANALYSIS, options, dataset, target, { features });
  const plan = planFolds(ANALYSIS, dataset, truth, { folds: options.folds, seed: options.seed }, options.card);
  checkDesignFits(ANALYSIS, chosen, dataset, target, plan);
  const progress = new Progress("predicting out of fold", plan.folds.length);
  let encoding: string[] | undefined;
  const { rows, predictions, truth: actual } = await outOfFold(dataset, target, chosen.predictor, plan, { withProba: false, progress, probe: (fitted) => (encoding ??= poolingNotes(fitted)) });
  progress.finish();
  const tested = rows.length === dataset.nRows ? dataset : dataset.take(rows);
  return { target, model: chosen.name, by: options.by ?? features, tested, errors: rowErrors(actual, predictions), classification: actual.kind === "classification", encoding: encoding ?? [] };
}

/**
 * If the slice's mean error fell to the rest's, the overall mean error would *be* the rest's
 * mean error, so its interval is the rest's. The gain compares the slice with the rest,
 * two independent groups, with a normal approximation; since the slice was chosen for its
 * error among `examined` candidates, the gain's interval is Bonferroni-corrected over them
 * (at 95% even chance finds slices whose uncorrected gain looks real).
 */
function ifFixed(slice: FoundSlice, binned: readonly BinnedColumn[], n: number, totalError: number, totalSquares: number, classification: boolean, examined: number): ErrorSlice {
  const z = normalQuantile(0.975);
  const zSearched = normalQuantile(1 - 0.025 / Math.max(1, examined));
  const size = slice.size;
  const rest = n - size;
  const restSum = totalError - slice.errorSum;
  const restMean = restSum / rest;
  const sliceMean = slice.errorSum / size;
  const variance = (sum: number, squares: number, count: number) => Math.max(0, (squares - (sum * sum) / count) / Math.max(1, count - 1));
  const sliceVariance = variance(slice.errorSum, slice.errorSquares, size);
  const restVariance = variance(restSum, totalSquares - slice.errorSquares, rest);
  const restSpread = z * Math.sqrt(restVariance / rest);
  const gain = (size / n) * (sliceMean - restMean);
  const gainSpread = (size / n) * zSearched * Math.sqrt(sliceVariance / size + restVariance / rest);
  const [ifFixedValue, ifFixedLow, ifFixedHigh] = classification
    ? [1 - restMean, 1 - restMean - restSpread, 1 - restMean + restSpread]
    : [restMean, restMean - restSpread, restMean + restSpread];
  return {
    slice: describeSlice(slice),
    rows: size,
    share: size / n,
    error: sliceMean,
    score: slice.score,
    ifFixed: ifFixedValue,
    ifFixedLow,
    ifFixedHigh,
    gain,
    gainLow: gain - gainSpread,
    gainHigh: gain + gainSpread,
  };
}
