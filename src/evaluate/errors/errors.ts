/**
 * errors(DATA, { target }): where does the model fail? From out-of-fold predictions (each
 * row judged by a model that never saw it), three views of the errors: slices found by a
 * SliceLine-style search (high error and large enough to matter), a depth-3 surrogate tree
 * whose leaves say where errors concentrate, and clusters of the misclassified rows. For
 * each slice, what the overall metric would be if the model did as well there as on the
 * rest of the data, with an interval.
 */
import { errorsChart } from "../../charts/errors.js";
import { type DataInput, resolveData } from "../../data/convert.js";
import { formatCell, formatPercent } from "../../display/format.js";
import type { FramingCard } from "../../frame/card.js";
import { targetOf } from "../../features/target.js";
import { message } from "../../messages.js";
import { checkOptions, columnOf, columnsOf, MODEL_OPTIONS, numberOption, shareOption } from "../../options.js";
import { createResult, type Result, type Verdict } from "../../result.js";
import { Progress } from "../../runtime/context.js";
import { normalQuantile } from "../../stats/normal.js";
import { chooseModel, type ModelInput } from "../../validate/model.js";
import { outOfFold } from "../../validate/out-of-fold.js";
import { planFolds } from "../../validate/plan.js";
import { clusterRows, describeClusters } from "./clusters.js";
import { binColumn, describeSlice, predicateText, sliceLine, type BinnedColumn, type FoundSlice } from "./slice-line.js";
import { surrogateTree } from "./surrogate.js";

export interface ErrorsOptions {
  readonly target?: string;
  readonly model?: ModelInput;
  readonly params?: object;
  /** The columns to search for slices (default every feature). */
  readonly by?: readonly string[];
  readonly folds?: number;
  /** Smallest slice worth reporting, in rows. Default: 1% of the rows, at least 30. */
  readonly minSupport?: number;
  /** Predicates per slice, 1 to 3. Default 2. */
  readonly maxLevel?: number;
  /** SliceLine's weight of error against size, in (0, 1]. Default 0.95. */
  readonly alpha?: number;
  readonly top?: number;
  readonly bins?: number;
  readonly clusters?: number;
  readonly seed?: number;
  readonly card?: FramingCard;
}

export interface ErrorSlice {
  readonly slice: string;
  readonly rows: number;
  readonly share: number;
  readonly error: number;
  readonly score: number;
  /** The overall metric if this slice's mean error matched the rest of the data's, with a 95% interval. */
  readonly ifFixed: number;
  readonly ifFixedLow: number;
  readonly ifFixedHigh: number;
  /** How much the overall metric would improve, with a 95% interval (better is positive). */
  readonly gain: number;
  readonly gainLow: number;
  readonly gainHigh: number;
}

export interface ErrorsData {
  readonly target: string;
  readonly model: string;
  /** "error rate" for classes, "mean absolute error" for numbers. */
  readonly error: string;
  /** The metric the fixes are stated in: accuracy, or mean absolute error. */
  readonly metric: string;
  readonly overall: number;
  readonly overallError: number;
  readonly minSupport: number;
  readonly examined: number;
  readonly slices: readonly ErrorSlice[];
  readonly tree: readonly { readonly rule: string; readonly rows: number; readonly error: number }[];
  readonly clusters: readonly { readonly rows: number; readonly traits: string }[];
}

const ANALYSIS = "errors";

export async function errors(data: DataInput, options: ErrorsOptions = {}): Promise<Result<ErrorsData>> {
  const dataset = await resolveData(data);
  const column = columnOf(ANALYSIS, dataset);
  const whole = numberOption(ANALYSIS, 1, true);
  checkOptions(ANALYSIS, options, {
    target: column,
    ...MODEL_OPTIONS,
    by: columnsOf(ANALYSIS, dataset),
    folds: numberOption(ANALYSIS, 2, true),
    minSupport: whole,
    maxLevel: (v, o) => {
      if (![1, 2, 3].includes(v as number)) throw message.badOption(ANALYSIS, o, v, "1, 2 or 3 predicates");
    },
    alpha: shareOption(ANALYSIS, "a weight in (0, 1]", 0, 1 + Number.EPSILON),
    top: whole,
    bins: numberOption(ANALYSIS, 2, true),
    clusters: whole,
    seed: numberOption(ANALYSIS, 0, true),
  });
  const target = options.target ?? dataset.roles.target;
  if (target === undefined) throw message.badOption(ANALYSIS, "target", undefined, "the column to predict (--target COL)");
  const truth = targetOf(dataset, target);
  const features = dataset.names.filter((n) => n !== target);
  const chosen = chooseModel(ANALYSIS, options, dataset, target, { features });
  const model = chosen.name;
  const by = options.by ?? features;

  const plan = planFolds(ANALYSIS, dataset, truth, { folds: options.folds, seed: options.seed }, options.card);
  const progress = new Progress("predicting out of fold", plan.folds.length);
  const { rows, predictions, truth: actual } = await outOfFold(dataset, target, chosen.predictor, plan, { withProba: false, progress });
  progress.finish();
  // Errors are searched among the rows a model predicted (all of them, unless time-ordered folds left the earliest untested).
  const tested = rows.length === dataset.nRows ? dataset : dataset.take(rows);
  const n = tested.nRows;
  const minSupport = options.minSupport ?? Math.max(30, Math.ceil(0.01 * n));
  const rowErrors =
    actual.kind === "classification"
      ? Float64Array.from(actual.codes, (code, i) => (code === predictions.labels![i] ? 0 : 1))
      : Float64Array.from(actual.values, (value, i) => Math.abs(value - predictions.values![i]));
  const classification = actual.kind === "classification";

  const binned = by.map((name) => binColumn(name, tested.column(name), options.bins ?? 10));
  const { slices, examined } = sliceLine(binned, rowErrors, { minSupport, maxLevel: options.maxLevel ?? 2, alpha: options.alpha ?? 0.95, top: options.top ?? 10 });
  let totalError = 0;
  let totalSquares = 0;
  for (const e of rowErrors) {
    totalError += e;
    totalSquares += e * e;
  }
  const overallError = totalError / n;
  const overall = classification ? 1 - overallError : overallError;
  const found = slices.map((s) => ifFixed(s, binned, n, totalError, totalSquares, classification));

  const leaves = surrogateTree(binned, rowErrors, 3, minSupport)
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

  const wrong = Int32Array.from(rowErrors.keys()).filter((i) => rowErrors[i] > (classification ? 0 : overallError));
  const k = Math.min(options.clusters ?? 3, wrong.length);
  const clusters =
    k > 0
      ? describeClusters(binned, wrong, clusterRows(binned, wrong, k, options.seed ?? 0), k).map((c) => ({
          rows: c.size,
          traits: c.traits.map((t) => `${predicateText(binned[t.column], t.bin)} (${formatPercent(t.share, 0)} vs ${formatPercent(t.overall, 0)} overall)`).join("; ") || "no trait stands out",
        }))
      : [];

  const errorName = classification ? "error rate" : "mean absolute error";
  const errorsData: ErrorsData = {
    target,
    model,
    error: errorName,
    metric: classification ? "accuracy" : "mean absolute error",
    overall,
    overallError,
    minSupport,
    examined,
    slices: found,
    tree: leaves,
    clusters,
  };
  return createResult({
    kind: "error-analysis",
    version: 1,
    title: `Error analysis of ${model} on ${target}`,
    verdict: verdictOf(errorsData),
    notes: notesOf(errorsData),
    table: {
      columns: ["slice", "rows", "share", errorName, "score", `${errorsData.metric} if fixed`, "95% CI low", "95% CI high"],
      rows: found.map((s) => [s.slice, s.rows, s.share, s.error, s.score, s.ifFixed, s.ifFixedLow, s.ifFixedHigh]),
    },
    chart: errorsChart(errorsData),
    data: errorsData,
    datasets: [{ name: dataset.meta.name ?? "data", hash: dataset.contentHash(), rows: n }],
    seed: options.seed ?? 0,
  });
}

/**
 * If the slice's mean error fell to the rest's, the overall mean error would *be* the rest's
 * mean error, so its interval is the rest's. The gain compares the slice with the rest,
 * two independent groups, with a normal approximation.
 */
function ifFixed(slice: FoundSlice, binned: readonly BinnedColumn[], n: number, totalError: number, totalSquares: number, classification: boolean): ErrorSlice {
  const z = normalQuantile(0.975);
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
  const gainSpread = (size / n) * z * Math.sqrt(sliceVariance / size + restVariance / rest);
  const [ifFixedValue, ifFixedLow, ifFixedHigh] = classification
    ? [1 - restMean, 1 - restMean - restSpread, 1 - restMean + restSpread]
    : [restMean, restMean - restSpread, restMean + restSpread];
  return {
    slice: describeSlice(slice, binned),
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

function verdictOf(d: ErrorsData): Verdict {
  const [worst] = d.slices;
  if (!worst) {
    return {
      level: "ok",
      text: `No slice of at least ${d.minSupport.toLocaleString("en-US")} rows has a clearly higher ${d.error} than the ${formatCell(d.overallError)} overall (${d.examined.toLocaleString("en-US")} slices examined): the errors are spread out, so look at individual rows or at better features.`,
    };
  }
  const significant = worst.gainLow > 0;
  return {
    level: significant ? "warn" : "ok",
    text:
      `The model fails most where ${worst.slice}: ${worst.rows.toLocaleString("en-US")} rows (${formatPercent(worst.share)}) with ${d.error} ${formatCell(worst.error)} against ${formatCell(d.overallError)} overall. ` +
      `Doing as well there as elsewhere would take ${d.metric} from ${formatCell(d.overall)} to ${formatCell(worst.ifFixed)} (95% CI ${formatCell(worst.ifFixedLow)} to ${formatCell(worst.ifFixedHigh)})` +
      (significant ? "." : "; the gain is within the noise."),
  };
}

function notesOf(d: ErrorsData): string[] {
  const notes: string[] = [];
  const [leaf] = d.tree;
  if (leaf && leaf.rule !== "all rows") notes.push(`Surrogate tree: the highest ${d.error} (${formatCell(leaf.error)}, ${leaf.rows.toLocaleString("en-US")} rows) is where ${leaf.rule}.`);
  d.clusters.forEach((c, i) => notes.push(`Cluster ${i + 1} of the ${d.metric === "accuracy" ? "misclassified" : "worst-predicted"} rows (${c.rows.toLocaleString("en-US")} rows): ${c.traits}.`));
  notes.push(`Out-of-fold predictions; slices need ${d.minSupport.toLocaleString("en-US")} rows and a positive SliceLine score (${d.examined.toLocaleString("en-US")} examined).`);
  return notes;
}
