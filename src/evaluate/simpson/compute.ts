/**
 * Does the association between a treatment and an outcome reverse once a third column
 * is held fixed? With a treatment and a grouping, that triple is examined and its
 * reversal reported with its strength, because the classic cases are real and not always
 * significant. Without them every pair of candidate columns is scanned, and a reversal
 * is reported only when the within-group association survives a Holm correction over
 * the pairs scanned: scanning many pairs of noise finds some reversal by chance.
 */
import { Dataset } from "../../data/dataset.js";
import { grouping, type Grouping } from "../../features/grouping.js";
import { targetOf } from "../../features/target.js";
import { message } from "../../messages.js";
import { rowErrors } from "../../metrics/row-errors.js";
import { Progress } from "../../runtime/context.js";
import { holm } from "../../stats/adjust.js";
import { Random } from "../../util/random.js";
import { checkDesignFits } from "../../validate/design.js";
import { chooseModel } from "../../validate/model.js";
import { outOfFold } from "../../validate/out-of-fold.js";
import { planFolds } from "../../validate/plan.js";
import { compareMeans, compareRates, compareSlopes, isFlip, isReversal } from "./compare.js";
import { type Arms, binaryOutcome, type BinaryOutcome, treatmentArms } from "./prepare.js";
import type { Finding, SimpsonData, SimpsonOptions } from "./types.js";

const ANALYSIS = "simpson";
/** The outcome column added when simpson looks at a model's errors. */
export const ERROR_COLUMN = "model error";
const MAX_POINTS = 1500;
const CREDIBLE = 0.05;

/** The findings and the data they were found in (with the model's errors as a column, when asked for). */
export async function computeSimpson(given: Dataset, options: SimpsonOptions): Promise<{ data: SimpsonData; dataset: Dataset; outcome: string }> {
  if (options.target !== undefined && options.outcome !== undefined) throw message.badOption(ANALYSIS, "outcome", options.outcome, "either --outcome or --target (a model's errors), not both");
  const dataset = options.target !== undefined ? await withModelErrors(given, options.target, options) : given;
  const outcomeName = options.target !== undefined ? ERROR_COLUMN : options.outcome;
  if (outcomeName === undefined) throw message.badOption(ANALYSIS, "outcome", undefined, "the outcome column (--outcome COL), or --target COL to analyse a model's errors");
  if (dataset.nRows === 0) throw message.emptyData(dataset.meta.name ? `"${dataset.meta.name}"` : "the data");
  if ((options.treatment === undefined) !== (options.by === undefined)) {
    throw message.badOption(ANALYSIS, options.treatment === undefined ? "treatment" : "by", undefined, "both --treatment and --by, or neither to scan every pair");
  }
  const weights = options.count === undefined ? undefined : countWeights(dataset, options.count);
  const settings = { minGroupSize: options.minGroupSize ?? 10, minEffect: options.minEffect ?? 0.01 };
  const outcome = binaryOutcome(dataset.column(outcomeName), outcomeName, options.positive);
  const buckets = options.buckets ?? 4;
  const maxLevels = options.maxLevels ?? 20;
  const groupings = new Map<string, Grouping>();
  const arms = new Map<string, Arms>();
  const examine = (treatment: string, by: string, levels?: readonly string[]) => {
    if (!groupings.has(by)) groupings.set(by, grouping(dataset.column(by), by, buckets, maxLevels));
    return compare(dataset, outcomeName, outcome, treatment, by, groupings.get(by)!, weights, levels, settings, arms);
  };
  if (options.treatment !== undefined && options.by !== undefined) {
    const finding = examine(options.treatment, options.by, options.levels);
    const credible = finding.reversal && finding.within.pValue < CREDIBLE;
    const single = { ...finding, adjustedPValue: finding.within.pValue, credible, ...pointsOf(dataset, finding) };
    return { data: { mode: "single", findings: [single], examined: 1, notCredible: [], skipped: [], oneValue: [] }, dataset, outcome: outcomeName };
  }
  const excluded = new Set([outcomeName, options.count]);
  const candidates = dataset.names.filter((n) => !excluded.has(n) && dataset.column(n).type !== "date");
  // A column with too many categories can be neither a sensible treatment nor a slice.
  const levels = new Map(candidates.map((n) => [n, levelCount(dataset, n)]));
  const usable = candidates.filter((n) => levels.get(n)! >= 2 && levels.get(n)! <= maxLevels);
  const skipped = candidates.filter((n) => levels.get(n)! > maxLevels);
  const oneValue = candidates.filter((n) => levels.get(n)! < 2);
  const pairs = usable.flatMap((t) => usable.filter((b) => b !== t).map((b) => [t, b] as const));
  const progress = new Progress("scanning for Simpson's paradox", pairs.length);
  const examined: Omit<Finding, "adjustedPValue" | "credible" | "byCategory">[] = [];
  for (const [treatment, by] of pairs) {
    examined.push(examine(treatment, by));
    await progress.step();
  }
  progress.finish();
  // Every pair scanned counts in the correction, reversed or not: that is how many chances chance had.
  const adjusted = holm(examined.map((f) => f.within.pValue));
  const reversals = examined
    .map((f, i) => ({ ...f, adjustedPValue: adjusted[i], credible: f.reversal && adjusted[i] < CREDIBLE, byCategory: dataset.column(f.by).type === "category" }))
    .filter((f) => f.reversal)
    .sort((a, b) => a.within.pValue - b.within.pValue || reversedCount(b) - reversedCount(a));
  const findings = reversals.filter((f) => f.credible).map((f, i) => (i === 0 ? { ...f, ...pointsOf(dataset, f) } : f));
  return { data: { mode: "scan", findings, examined: pairs.length, notCredible: reversals.filter((f) => !f.credible), skipped, oneValue }, dataset, outcome: outcomeName };
}

const reversedCount = (f: Pick<Finding, "groups">) => f.groups.filter((g) => g.reversed).length;

function compare(
  dataset: Dataset,
  outcomeName: string,
  outcome: BinaryOutcome | undefined,
  treatment: string,
  by: string,
  groups: Grouping,
  weights: Float64Array | undefined,
  levels: readonly string[] | undefined,
  settings: { minGroupSize: number; minEffect: number },
  armsCache: Map<string, Arms>,
): Omit<Finding, "adjustedPValue" | "credible" | "byCategory"> {
  const treatmentColumn = dataset.column(treatment);
  const base = { outcome: outcomeName, treatment, by, ...(outcome ? { positive: outcome.positive } : {}) };
  if (treatmentColumn.type === "number") {
    const y = outcome ? Float64Array.from(outcome.values, (v) => (v < 0 ? NaN : v)) : numbers(dataset, outcomeName);
    const result = compareSlopes(treatmentColumn.values, y, groups.codes, groups.labels, settings);
    return { ...base, ...result, reversal: isReversal(result, settings), flip: isFlip(result) };
  }
  if (treatmentColumn.type === "date") throw message.badOption(ANALYSIS, "treatment", treatment, "a category or numeric column");
  if (!armsCache.has(treatment)) armsCache.set(treatment, treatmentArms(treatmentColumn, treatment, weights, levels));
  const arms = armsCache.get(treatment)!;
  const result = outcome
    ? compareRates(outcome.values, arms.arm, groups.codes, groups.labels, weights, settings)
    : compareMeans(numbers(dataset, outcomeName), arms.arm, groups.codes, groups.labels, settings);
  return { ...base, ...result, levels: [arms.reference, arms.comparison], reversal: isReversal(result, settings), flip: isFlip(result) };
}

function numbers(dataset: Dataset, name: string): Float64Array {
  const column = dataset.column(name);
  if (column.type !== "number") throw message.badOption(ANALYSIS, "outcome", name, "a numeric column, or a category with --positive");
  return column.values;
}

/** For the chart: whether the groups are categories, and for slopes a seeded sample of the points. */
function pointsOf(dataset: Dataset, f: Pick<Finding, "comparison" | "treatment" | "outcome" | "by">): Pick<Finding, "points" | "byCategory"> {
  const byCategory = dataset.column(f.by).type === "category";
  if (f.comparison !== "slopes") return { byCategory };
  const n = dataset.nRows;
  const rows = n > MAX_POINTS ? new Random(0).permutation(n).subarray(0, MAX_POINTS) : Int32Array.from({ length: n }, (_, i) => i);
  const points: { x: number; y: number; group: string }[] = [];
  for (const r of rows) {
    const x = dataset.get(r, f.treatment);
    const y = dataset.get(r, f.outcome);
    const g = dataset.get(r, f.by);
    if (typeof x === "number" && typeof y === "number" && g !== null) points.push({ x, y, group: String(g) });
  }
  return { byCategory, points };
}

/** The data with one more column: each row's out-of-fold error of the model predicting `target`. */
async function withModelErrors(given: Dataset, target: string, options: SimpsonOptions): Promise<Dataset> {
  const truth = targetOf(given, target);
  const plan = planFolds(ANALYSIS, given, truth, {}, options.card);
  const chosen = chooseModel(ANALYSIS, options, given, target);
  checkDesignFits(ANALYSIS, chosen, given, target, plan);
  const { rows, predictions, truth: observed } = await outOfFold(given, target, chosen.predictor, plan, { withProba: false, progress: new Progress("out-of-fold errors", plan.folds.length) });
  // Only rows a model predicted have an error (time-ordered folds leave the earliest out).
  const dataset = rows.length === given.nRows ? given : given.take(rows);
  const columns = dataset.names.filter((n) => n !== target).map((n) => [n, dataset.column(n)] as const);
  return new Dataset([...columns, [ERROR_COLUMN, { type: "number", values: rowErrors(observed, predictions) }]], {}, dataset.meta);
}

/** Distinct present values of a category column (numbers count as 2: they are bucketed or sloped). */
function levelCount(dataset: Dataset, name: string): number {
  const column = dataset.column(name);
  if (column.type === "number") return 2;
  if (column.type !== "category") return 0;
  const used = new Set(column.codes);
  used.delete(-1);
  return used.size;
}

function countWeights(dataset: Dataset, name: string): Float64Array {
  const column = dataset.column(name);
  if (column.type !== "number") throw message.badOption(ANALYSIS, "count", name, "a numeric column of counts");
  for (let i = 0; i < column.values.length; i++) {
    if (!(column.values[i] >= 0)) throw message.badOption(ANALYSIS, "count", `${name}[${i}] = ${column.values[i]}`, "counts ≥ 0");
  }
  return column.values;
}
