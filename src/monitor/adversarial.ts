/**
 * adversarial(A, B): can a classifier tell the rows of A from the rows of B? Stack them,
 * label each row by where it came from, and score out-of-fold predictions of that label.
 * An AUC near 0.5 means the two look like samples of one distribution; the drift score
 * 2·AUC − 1 runs from 0 (indistinguishable) to 1 (perfectly separable) and is flagged at
 * 0.25. Permuting one column at a time inside each fold's test rows shows which columns
 * give the game away.
 */
import { adversarialChart } from "../charts/adversarial.js";
import type { CategoryColumn, Column } from "../data/column.js";
import { type DataInput, resolveData } from "../data/convert.js";
import { Dataset } from "../data/dataset.js";
import { stackRows } from "../data/stack.js";
import { formatCell } from "../display/format.js";
import { message } from "../messages.js";
import { checkOptions, numberOption, shareOption } from "../options.js";
import { createResult, type Result, type Verdict } from "../result.js";
import { Progress } from "../runtime/context.js";
import { delongAuc } from "../stats/delong.js";
import { Random } from "../util/random.js";
import { chooseModel, type ModelInput } from "../validate/model.js";
import { runFolds } from "../validate/out-of-fold.js";
import { planFolds } from "../validate/plan.js";
import { rocAuc } from "../metrics/ranking.js";
import { assemble } from "../validate/out-of-fold.js";
import { checkComparable } from "./comparable.js";

export interface AdversarialOptions {
  readonly columns?: readonly string[];
  /** A classifier from the registry. Default gbdt (50 rounds unless `params` say otherwise): it finds differences of any shape. */
  readonly model?: ModelInput;
  readonly params?: object;
  readonly folds?: number;
  /** The drift score (2·AUC − 1) from which the two are called different. Default 0.25. */
  readonly threshold?: number;
  readonly seed?: number;
}

export interface Giveaway {
  readonly column: string;
  /** Mean drop in fold AUC when the column is shuffled among the fold's test rows. */
  readonly aucDrop: number;
}

export interface AdversarialData {
  readonly aRows: number;
  readonly bRows: number;
  readonly model: string;
  readonly folds: number;
  readonly auc: number;
  readonly low: number;
  readonly high: number;
  readonly driftScore: number;
  readonly driftLow: number;
  readonly driftHigh: number;
  readonly threshold: number;
  readonly flagged: boolean;
  /** Every column, the largest AUC drop first. */
  readonly giveaways: readonly Giveaway[];
}

const ANALYSIS = "adversarial";
/** A quick booster is enough to tell whether two samples differ; 100 rounds add time, not insight. */
const QUICK_GBDT = { maxIterations: 50 };
/** Shuffles are scored on at most this many of each fold's test rows: the AUC drops are then known to about ±0.005. */
const SHUFFLE_ROWS = 20_000;
const SOURCE = "\u0000litml-source";
const LABELS = ["A", "B"];

function withShuffled(test: Dataset, name: string, random: Random): Dataset {
  const order = random.permutation(test.nRows);
  const column = test.column(name);
  const shuffled: Column =
    column.type === "category"
      ? ({ type: "category", codes: Int32Array.from(order, (i) => column.codes[i]), dictionary: column.dictionary } satisfies CategoryColumn)
      : { type: column.type, values: Float64Array.from(order, (i) => column.values[i]) };
  return new Dataset(
    test.names.map((n) => [n, n === name ? shuffled : test.column(n)] as const),
    test.roles,
    test.meta,
    test.nRows,
  );
}

export async function adversarial(a: DataInput, b: DataInput, options: AdversarialOptions = {}): Promise<Result<AdversarialData>> {
  const first = await resolveData(a, "A");
  const second = await resolveData(b, "B");
  checkOptions(ANALYSIS, options, {
    columns: (v, o) => {
      if (!Array.isArray(v) || v.length === 0) throw message.badOption(ANALYSIS, o, v, "a non-empty list of column names");
    },
    model: (v, o) => {
      if (typeof v !== "string") throw message.badOption(ANALYSIS, o, v, "a model name such as gbdt or logistic");
    },
    params: () => {},
    folds: numberOption(ANALYSIS, 2, true),
    threshold: shareOption(ANALYSIS, "a drift score between 0 and 1"),
    seed: numberOption(ANALYSIS, 0, true),
  });
  const names = options.columns ?? first.names.filter((n) => second.has(n));
  if (names.length === 0) throw message.badOption(ANALYSIS, "columns", names, "at least one column that A and B share");
  checkComparable(first, second, names);
  if (first.nRows < 10 || second.nRows < 10) throw message.badOption(ANALYSIS, first.nRows < 10 ? "A" : "B", `${Math.min(first.nRows, second.nRows)} rows`, "at least 10 rows in each data set");
  const folds = options.folds ?? 3;
  const seed = options.seed ?? 0;
  const threshold = options.threshold ?? 0.25;

  const n = first.nRows + second.nRows;
  const sourceCodes = new Int32Array(n).fill(1, first.nRows);
  const stacked = stackRows([first, second], names);
  const labelled = new Dataset(
    [...names.map((name) => [name, stacked.column(name)] as const), [SOURCE, { type: "category", codes: sourceCodes, dictionary: LABELS }]],
    {},
    { name: `${first.meta.name ?? "A"} vs ${second.meta.name ?? "B"}` },
  );
  // The rows' order says nothing here (A's rows come first by construction), so the split is stratified by source, never by time.
  const plan = planFolds(ANALYSIS, labelled, { kind: "classification", codes: sourceCodes, classes: LABELS }, { split: "stratified", folds, seed });
  const quick = (options.model ?? "gbdt") === "gbdt" && options.params === undefined ? QUICK_GBDT : options.params;
  const chosen = chooseModel(ANALYSIS, { model: options.model, params: quick }, labelled, SOURCE, { features: names, fallback: "gbdt" });
  const model = chosen.name;
  const random = new Random(seed);
  const drops = new Float64Array(names.length);
  const progress = new Progress("telling A from B", folds);
  const runs = await runFolds(
    labelled,
    SOURCE,
    chosen.predictor,
    plan.folds,
    { withProba: true, progress, probe: (fitted, test, run) => {
      const scored = test.nRows > SHUFFLE_ROWS ? random.permutation(test.nRows).subarray(0, SHUFFLE_ROWS).sort() : undefined;
      const probed = scored ? test.take(scored) : test;
      const truth = Int32Array.from(scored ?? run.test.keys(), (i) => sourceCodes[run.test[i]]);
      const bColumn = fitted.classes!.indexOf("B");
      const scoreOf = (data: Dataset) => {
        const proba = fitted.predictProba(data);
        return proba.data.subarray(bColumn * proba.rows, (bColumn + 1) * proba.rows);
      };
      const foldAuc = rocAuc(truth, scoreOf(probed));
      names.forEach((name, c) => (drops[c] += (foldAuc - rocAuc(truth, scoreOf(withShuffled(probed, name, random)))) / folds));
    } },
  );
  progress.finish();
  const predictions = assemble(runs, n);
  const proba = predictions.proba!;
  const bScores = proba.data.subarray(proba.rows, 2 * proba.rows);
  const { auc, low, high } = delongAuc(sourceCodes, bScores);
  const giveaways = names.map((column, c) => ({ column, aucDrop: drops[c] })).sort((x, y) => y.aucDrop - x.aucDrop);
  const data: AdversarialData = {
    aRows: first.nRows,
    bRows: second.nRows,
    model,
    folds,
    auc,
    low,
    high,
    driftScore: 2 * auc - 1,
    driftLow: 2 * low - 1,
    driftHigh: 2 * high - 1,
    threshold,
    flagged: 2 * auc - 1 >= threshold && low > 0.5,
    giveaways,
  };
  return createResult({
    kind: "adversarial-validation",
    version: 1,
    title: `Adversarial validation: A = ${describe(first)}, B = ${describe(second)}`,
    verdict: verdictOf(data),
    notes: notesOf(data),
    table: {
      columns: ["column", "AUC drop when shuffled"],
      rows: giveaways.map((g) => [g.column, g.aucDrop]),
    },
    chart: adversarialChart(data),
    data,
    datasets: [
      { name: first.meta.name ?? "A", hash: first.contentHash(), rows: first.nRows },
      { name: second.meta.name ?? "B", hash: second.contentHash(), rows: second.nRows },
    ],
    seed,
  });
}

function describe(data: Dataset): string {
  const rows = `${data.nRows.toLocaleString("en-US")} rows`;
  return data.meta.name ? `${data.meta.name} (${rows})` : rows;
}

/** The columns whose shuffling costs a real share of the separation, at most three. */
function tellingColumns(d: AdversarialData): Giveaway[] {
  const separation = d.auc - 0.5;
  return d.giveaways.filter((g) => g.aucDrop >= Math.max(0.01, 0.1 * separation)).slice(0, 3);
}

function verdictOf(d: AdversarialData): Verdict {
  const auc = `AUC ${formatCell(d.auc)} (95% CI ${formatCell(d.low)} to ${formatCell(d.high)})`;
  const score = `drift score ${formatCell(Math.max(0, d.driftScore))}`;
  if (!d.flagged) {
    return {
      level: "ok",
      text: `A ${d.model} model cannot tell A from B: ${auc}, ${score}, below the flag at ${d.threshold}. They look like samples of one distribution.`,
    };
  }
  const telling = tellingColumns(d);
  const listing = telling.map((g) => `"${g.column}" (AUC drops ${formatCell(g.aucDrop)} when shuffled)`).join(", ");
  return {
    level: d.driftScore >= 0.5 ? "fail" : "warn",
    text:
      `A ${d.model} model tells A from B apart: ${auc}, ${score} ≥ ${d.threshold}. ` +
      (telling.length > 0 ? `What gives it away: ${listing}. ` : "No single column gives it away: the difference lies in how columns combine. ") +
      "A model trained on A will meet different data in B; check these columns for drift, leakage or a changed collection process.",
  };
}

function notesOf(d: AdversarialData): string[] {
  const notes = [`Out-of-fold predictions over ${d.folds} stratified folds; the interval is DeLong's. Column shuffles are scored on up to ${SHUFFLE_ROWS.toLocaleString("en-US")} test rows per fold.`];
  if (Math.min(d.aRows, d.bRows) / Math.max(d.aRows, d.bRows) < 0.1) {
    notes.push("The two data sets differ in size more than tenfold; the AUC still compares like with like, but the smaller one limits how precise it is.");
  }
  return notes;
}
