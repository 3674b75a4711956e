/**
 * simpson(DATA, { outcome, treatment?, by?, count? }): does the association between a
 * treatment and an outcome reverse once a third variable is held fixed? With a
 * treatment and a grouping it examines that triple; without them it scans every pair
 * of candidate columns. A reversal is reported whenever it is there, with its
 * statistical strength stated, because the classic cases are real and not significant.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { Dataset } from "../../data/dataset.js";
import type { FramingCard } from "../../frame/card.js";
import { targetOf } from "../../features/target.js";
import { chooseModel, type ModelInput } from "../../validate/model.js";
import { outOfFold } from "../../validate/out-of-fold.js";
import { planFolds } from "../../validate/plan.js";
import { simpsonChart } from "../../charts/simpson.js";
import { message } from "../../messages.js";
import { checkOptions, columnOf, numberOption } from "../../options.js";
import { createResult, type Result } from "../../result.js";
import { Progress } from "../../runtime/context.js";
import { compareMeans, compareRates, type ComparisonResult, compareSlopes, isReversal } from "./compare.js";
import { binaryOutcome, type BinaryOutcome, grouping, treatmentArms } from "./prepare.js";
import { findingTable, findingVerdict, scanNotes, scanTable, scanVerdict } from "./verdict.js";

export interface SimpsonOptions {
  /** The outcome column; omit it and give `target` to analyse a model's errors instead. */
  readonly outcome?: string;
  /** Analyse the out-of-fold errors of a model predicting this column (wrong = 1 for classes, absolute error for numbers). */
  readonly target?: string;
  /** With `target`: a registry name (with `params`) or your own Pipeline. */
  readonly model?: ModelInput;
  readonly params?: object;
  readonly treatment?: string;
  readonly by?: string;
  /** A column of counts: each row stands for that many cases (tables of counts). */
  readonly count?: string;
  readonly positive?: string;
  readonly levels?: readonly string[];
  readonly minGroupSize?: number;
  readonly minEffect?: number;
  readonly buckets?: number;
  readonly maxLevels?: number;
  readonly card?: FramingCard;
}

export interface Finding extends ComparisonResult {
  readonly outcome: string;
  readonly treatment: string;
  readonly by: string;
  readonly positive?: string;
  readonly levels?: readonly [string, string];
  readonly reversal: boolean;
}

export interface SimpsonData {
  readonly mode: "single" | "scan";
  readonly findings: readonly Finding[];
  readonly examined: number;
  readonly skipped: readonly string[];
}

const ANALYSIS = "simpson";

export async function simpson(data: DataInput, options: SimpsonOptions): Promise<Result<SimpsonData>> {
  const given = await resolveData(data);
  if (options?.target !== undefined && options.outcome !== undefined) throw message.badOption(ANALYSIS, "outcome", options.outcome, "either --outcome or --target (a model's errors), not both");
  const dataset = options?.target !== undefined ? await withModelErrors(given, options.target, options) : given;
  if (options?.target !== undefined) options = { ...options, outcome: ERROR_COLUMN, target: undefined, model: undefined, params: undefined };
  const column = columnOf(ANALYSIS, dataset);
  const positiveNumber = numberOption(ANALYSIS, 0);
  checkOptions(ANALYSIS, options, {
    outcome: column,
    target: () => {},
    model: () => {},
    params: () => {},
    card: () => {},
    treatment: column,
    by: column,
    count: column,
    positive: (v, o) => {
      if (typeof v !== "string") throw message.badOption(ANALYSIS, o, v, "an outcome value");
    },
    levels: (v, o) => {
      if (!Array.isArray(v)) throw message.badOption(ANALYSIS, o, v, "two treatment values: reference,comparison");
    },
    minGroupSize: positiveNumber,
    minEffect: positiveNumber,
    buckets: positiveNumber,
    maxLevels: positiveNumber,
  });
  if (options?.outcome === undefined) throw message.badOption(ANALYSIS, "outcome", undefined, "the outcome column (--outcome COL), or --target COL to analyse a model's errors");
  const outcomeName = options.outcome;
  if (dataset.nRows === 0) throw message.emptyData(dataset.meta.name ? `"${dataset.meta.name}"` : "the data");
  if ((options.treatment === undefined) !== (options.by === undefined)) {
    throw message.badOption(ANALYSIS, options.treatment === undefined ? "treatment" : "by", undefined, "both --treatment and --by, or neither to scan every pair");
  }
  const weights = options.count === undefined ? undefined : countWeights(dataset, options.count);
  const settings = {
    minGroupSize: options.minGroupSize ?? 10,
    minEffect: options.minEffect ?? 0.01,
  };
  const outcome = binaryOutcome(dataset.column(outcomeName), outcomeName, options.positive);
  const buckets = options.buckets ?? 4;
  const maxLevels = options.maxLevels ?? 20;
  let findings: Finding[];
  let examined = 1;
  const skipped: string[] = [];
  if (options.treatment !== undefined && options.by !== undefined) {
    findings = [examine(dataset, outcomeName, outcome, options.treatment, options.by, weights, options.levels, settings, buckets, maxLevels, new Map())];
  } else {
    const excluded = new Set([outcomeName, options.count]);
    const candidates = dataset.names.filter((n) => !excluded.has(n) && dataset.column(n).type !== "date");
    // A column with too many categories can be neither a sensible treatment nor a slice.
    const usable = candidates.filter((n) => usableColumn(dataset, n, maxLevels));
    skipped.push(...candidates.filter((n) => !usable.includes(n)));
    const pairs = usable.flatMap((t) => usable.filter((b) => b !== t).map((b) => [t, b] as const));
    const progress = new Progress("scanning for Simpson's paradox", pairs.length);
    findings = [];
    examined = pairs.length;
    // Each column's grouping and treatment split is computed once, not once per pair.
    const cache = new Map<string, unknown>();
    for (const [treatment, by] of pairs) {
      const finding = examine(dataset, outcomeName, outcome, treatment, by, weights, undefined, settings, buckets, maxLevels, cache);
      if (finding.reversal) findings.push(finding);
      await progress.step();
    }
    progress.finish();
    findings.sort((a, b) => a.within.pValue - b.within.pValue || b.groups.filter((g) => g.reversed).length - a.groups.filter((g) => g.reversed).length);
  }
  const simpsonData: SimpsonData = { mode: options.treatment ? "single" : "scan", findings, examined, skipped };
  const first = findings[0];
  const single = simpsonData.mode === "single";
  return createResult({
    kind: "simpson",
    version: 1,
    title: single ? `Simpson's paradox: ${options.treatment} and ${outcomeName}, by ${options.by}` : `Simpson's paradox scan for ${outcomeName}`,
    verdict: single ? findingVerdict(first) : scanVerdict(simpsonData, outcomeName),
    notes: single ? [] : scanNotes(simpsonData),
    table: single ? findingTable(first) : scanTable(simpsonData),
    chart: first ? simpsonChart(first, dataset) : undefined,
    data: simpsonData,
    datasets: [{ name: dataset.meta.name ?? "data", hash: dataset.contentHash(), rows: dataset.nRows }],
  });
}

function examine(
  dataset: Dataset,
  outcomeName: string,
  outcome: BinaryOutcome | undefined,
  treatment: string,
  by: string,
  weights: Float64Array | undefined,
  levels: readonly string[] | undefined,
  settings: { minGroupSize: number; minEffect: number },
  buckets: number,
  maxLevels: number,
  cache: Map<string, unknown>,
): Finding {
  const cached = <T>(key: string, make: () => T): T => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key) as T;
  };
  const treatmentColumn = dataset.column(treatment);
  const groups = cached(`group:${by}`, () => grouping(dataset.column(by), by, buckets, maxLevels));
  const base = { outcome: outcomeName, treatment, by };
  if (treatmentColumn.type === "number") {
    const y = outcome ? Float64Array.from(outcome.values, (v) => (v < 0 ? NaN : v)) : (dataset.column(outcomeName) as { values: Float64Array }).values;
    const result = compareSlopes(treatmentColumn.values, y, groups.codes, groups.labels, settings);
    return { ...base, ...result, ...(outcome ? { positive: outcome.positive } : {}), reversal: isReversal(result) };
  }
  if (treatmentColumn.type === "date") throw message.badOption(ANALYSIS, "treatment", treatment, "a category or numeric column");
  const arms = cached(`arms:${treatment}`, () => treatmentArms(treatmentColumn, treatment, weights, levels));
  const result = outcome
    ? compareRates(outcome.values, arms.arm, groups.codes, groups.labels, weights, settings)
    : compareMeans((dataset.column(outcomeName) as { values: Float64Array }).values, arms.arm, groups.codes, groups.labels, settings);
  return { ...base, ...result, levels: [arms.reference, arms.comparison], ...(outcome ? { positive: outcome.positive } : {}), reversal: isReversal(result) };
}

const ERROR_COLUMN = "model error";

/** The data with one more column: each row's out-of-fold error of the model predicting `target`. */
async function withModelErrors(given: Dataset, target: string, options: SimpsonOptions): Promise<Dataset> {
  const truth = targetOf(given, target);
  const plan = planFolds(ANALYSIS, given, truth, {}, options.card);
  const chosen = chooseModel(ANALYSIS, options, given, target);
  const { rows, predictions, truth: observed } = await outOfFold(given, target, chosen.predictor, plan, { withProba: false, progress: new Progress("out-of-fold errors", plan.folds.length) });
  // Only rows a model predicted have an error (time-ordered folds leave the earliest out).
  const dataset = rows.length === given.nRows ? given : given.take(rows);
  const errors =
    observed.kind === "classification"
      ? Float64Array.from(observed.codes, (c, i) => (c === predictions.labels![i] ? 0 : 1))
      : Float64Array.from(observed.values, (v, i) => Math.abs(v - predictions.values![i]));
  const columns = dataset.names.filter((n) => n !== target).map((n) => [n, dataset.column(n)] as const);
  return new Dataset([...columns, [ERROR_COLUMN, { type: "number", values: errors }]], {}, dataset.meta);
}

function usableColumn(dataset: Dataset, name: string, maxLevels: number): boolean {
  const column = dataset.column(name);
  if (column.type === "number") return true;
  if (column.type !== "category") return false;
  const used = new Set(column.codes);
  used.delete(-1);
  return used.size >= 2 && used.size <= maxLevels;
}

function countWeights(dataset: Dataset, name: string): Float64Array {
  const column = dataset.column(name);
  if (column.type !== "number") throw message.badOption(ANALYSIS, "count", name, "a numeric column of counts");
  for (let i = 0; i < column.values.length; i++) {
    if (!(column.values[i] >= 0)) throw message.badOption(ANALYSIS, "count", `${name}[${i}] = ${column.values[i]}`, "counts ≥ 0");
  }
  return column.values;
}
