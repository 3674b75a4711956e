/**
 * What adversarial validation measures: stack A and B, label each row by where it came
 * from, and score out-of-fold predictions of that label (AUC with DeLong's interval), with
 * each column shuffled inside each fold's test rows to see which columns give the game
 * away. First, the rows the two share: a classifier cannot tell a row from itself, so when
 * most rows are shared (the same data twice, or B a near copy of A) no model is fitted.
 */
import type { CategoryColumn, Column } from "../../data/column.js";
import { beyondChance, coincidenceProbabilities, expectedMatches } from "../../data/coincidence.js";
import { checkComparable } from "../../data/comparable.js";
import { Dataset } from "../../data/dataset.js";
import { columnKeys, combineKeys } from "../../data/row-keys.js";
import { stackRows } from "../../data/stack.js";
import { message } from "../../messages.js";
import { rocAuc } from "../../metrics/ranking.js";
import { Progress } from "../../runtime/context.js";
import { delongAuc } from "../../stats/delong.js";
import { Random } from "../../util/random.js";
import { chooseModel } from "../../validate/model.js";
import { assemble, runFolds } from "../../validate/out-of-fold.js";
import { planFolds } from "../../validate/plan.js";
import type { AdversarialData, AdversarialOptions, Giveaway, SharedRows } from "./types.js";

const ANALYSIS = "adversarial";
/** A quick booster is enough to tell whether two samples differ; 100 rounds add time, not insight. */
const QUICK_GBDT = { maxIterations: 50 };
/** Shuffles are scored on at most this many of each fold's test rows: the AUC drops are then known to about ±0.005. */
export const SHUFFLE_ROWS = 20_000;
/** From this share of a data set's rows shared beyond chance, telling A from B is no longer a question a model can answer. */
export const MOSTLY_SHARED = 0.5;
const SOURCE = "\u0000litml-source";
const LABELS = ["A", "B"];

export async function computeAdversarial(first: Dataset, second: Dataset, options: AdversarialOptions): Promise<AdversarialData> {
  const names = options.columns ?? first.names.filter((n) => second.has(n));
  if (names.length === 0) throw message.badOption(ANALYSIS, "columns", names, "at least one column that A and B share");
  checkComparable(first, second, names, ["A", "B"]);
  if (first.nRows < 10 || second.nRows < 10) throw message.badOption(ANALYSIS, first.nRows < 10 ? "A" : "B", `${Math.min(first.nRows, second.nRows)} rows`, "at least 10 rows in each data set");
  const folds = options.folds ?? 3;
  const seed = options.seed ?? 0;
  const threshold = options.threshold ?? 0.25;
  const stacked = stackRows([first, second], names);
  const shared = sharedRows(stacked, names, first.nRows, second.nRows);
  const base = { aRows: first.nRows, bRows: second.nRows, folds, shared, threshold };
  if (shared.identical || shared.shareBeyondChance >= MOSTLY_SHARED) {
    const model = typeof options.model === "string" ? options.model : options.model?.model.model ?? "gbdt";
    return { ...base, model, compared: false, auc: NaN, low: NaN, high: NaN, driftScore: NaN, driftLow: NaN, driftHigh: NaN, flagged: false, giveaways: [] };
  }
  return { ...base, compared: true, ...(await separate(stacked, names, first, second, options, folds, seed, threshold)) };
}

/** Rows of each side found on the other, against what chance predicts from the pooled rows. */
function sharedRows(stacked: Dataset, names: readonly string[], aRows: number, bRows: number): SharedRows {
  const n = aRows + bRows;
  const perColumn = names.map((name) => columnKeys(stacked.column(name), false));
  const keys = combineKeys(perColumn, n);
  const chance = coincidenceProbabilities(perColumn, n);
  const a = Int32Array.from({ length: aRows }, (_, i) => i);
  const b = Int32Array.from({ length: bRows }, (_, i) => aRows + i);
  const found = (rows: Int32Array, among: Int32Array) => {
    const set = new Set<number>();
    for (const r of among) set.add(keys[r]);
    let count = 0;
    for (const r of rows) if (set.has(keys[r])) count++;
    return count;
  };
  const inA = found(a, b);
  const inB = found(b, a);
  const expectedInA = expectedMatches(chance, a, bRows);
  const expectedInB = expectedMatches(chance, b, aRows);
  const sorted = (rows: Int32Array) => Float64Array.from(rows, (r) => keys[r]).sort();
  const [keysA, keysB] = [sorted(a), sorted(b)];
  const identical = aRows === bRows && keysA.every((k, i) => k === keysB[i]);
  const shareBeyondChance = Math.max(beyondChance(inA, expectedInA) / aRows, beyondChance(inB, expectedInB) / bRows);
  return { inA, inB, expectedInA, expectedInB, shareBeyondChance, identical };
}

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

async function separate(stacked: Dataset, names: readonly string[], first: Dataset, second: Dataset, options: AdversarialOptions, folds: number, seed: number, threshold: number) {
  const n = first.nRows + second.nRows;
  const sourceCodes = new Int32Array(n).fill(1, first.nRows);
  const labelled = new Dataset(
    [...names.map((name) => [name, stacked.column(name)] as const), [SOURCE, { type: "category", codes: sourceCodes, dictionary: LABELS }]],
    {},
    { name: `${first.meta.name ?? "A"} vs ${second.meta.name ?? "B"}` },
  );
  // The rows' order says nothing here (A's rows come first by construction), so the split is stratified by source, never by time.
  const plan = planFolds(ANALYSIS, labelled, { kind: "classification", codes: sourceCodes, classes: LABELS }, { split: "stratified", folds, seed });
  const quick = (options.model ?? "gbdt") === "gbdt" && options.params === undefined ? QUICK_GBDT : options.params;
  const chosen = chooseModel(ANALYSIS, { model: options.model, params: quick }, labelled, SOURCE, { features: names, fallback: "gbdt" });
  const random = new Random(seed);
  const drops = new Float64Array(names.length);
  const progress = new Progress("telling A from B", folds);
  const runs = await runFolds(labelled, SOURCE, chosen.predictor, plan, {
    withProba: true,
    progress,
    probe: (fitted, test, run) => {
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
    },
  });
  progress.finish();
  const proba = assemble(runs, n).proba!;
  const { auc, low, high } = delongAuc(sourceCodes, proba.data.subarray(proba.rows, 2 * proba.rows));
  const giveaways: Giveaway[] = names.map((column, c) => ({ column, aucDrop: drops[c] })).sort((x, y) => y.aucDrop - x.aucDrop);
  return {
    model: chosen.name,
    auc,
    low,
    high,
    driftScore: 2 * auc - 1,
    driftLow: 2 * low - 1,
    driftHigh: 2 * high - 1,
    flagged: 2 * auc - 1 >= threshold && low > 0.5,
    giveaways,
  };
}
