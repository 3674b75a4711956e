/**
 * What the noisy labels cost: the end model trained on the label model's labels against
 * the same model trained on gold labels, on the same folds of the gold rows, both scored on
 * the held-out gold rows; and a small learning curve over numbers of gold labels, to say
 * how many gold labels buy the weak-label model's accuracy. Rows without gold labels train
 * the weak-label model in every fold (weak labels are what they have) and are never scored.
 */
import type { CategoryColumn } from "../../data/column.js";
import { Dataset } from "../../data/dataset.js";
import { Pipeline } from "../../features/pipeline.js";
import { TextVectorize } from "../../features/text-vectorize.js";
import { createModel } from "../../models/registry.js";
import { Progress } from "../../runtime/context.js";
import { wilson } from "../../stats/intervals.js";
import { Random } from "../../util/random.js";
import { chooseModel, type ModelChoice } from "../../validate/model.js";
import { planFolds } from "../../validate/plan.js";
import { asPredictor, type Predictor } from "../../validate/predictor.js";
import type { CurvePoint, EndModel, LabelingOptions, Scored } from "./types.js";

const LABEL = "\u0000litml-label";
/** Terms kept per text column for the bag of words. */
const TEXT_TERMS = 1000;

/** A category column of mostly distinct strings of several words is text: it needs a bag of words, not one-hot codes. */
export function isTextColumn(dataset: Dataset, name: string): boolean {
  const column = dataset.column(name);
  if (column.type !== "category" || dataset.nRows === 0) return false;
  if (column.dictionary.length < Math.max(20, 0.3 * dataset.nRows)) return false;
  const sample = column.dictionary.slice(0, 500);
  return sample.reduce((s, t) => s + t.trim().split(/\s+/).length, 0) / sample.length >= 3;
}

/** A column whose every value differs and holds no spaces names rows (an id): it is left out of the default features, since ids can leak the label (spam-assassin's say which folder a message came from). */
export function isIdentifier(dataset: Dataset, name: string): boolean {
  const column = dataset.column(name);
  return column.type === "category" && column.dictionary.length === dataset.nRows && dataset.nRows > 1 && !column.dictionary.slice(0, 500).some((t) => /\s/.test(t.trim()));
}

export function scored(correct: number, n: number): Scored {
  const { low, high } = wilson(correct, n);
  return { correct, n, accuracy: n > 0 ? correct / n : NaN, low, high };
}

function withLabels(base: Dataset, rows: Int32Array, codes: Int32Array, classes: readonly string[]): Dataset {
  const part = base.take(rows);
  const label: CategoryColumn = { type: "category", codes: Int32Array.from(rows, (r) => codes[r]), dictionary: classes };
  return new Dataset([...part.names.map((n) => [n, part.column(n)] as const), [LABEL, label]], {}, part.meta);
}

/** The user's model via chooseModel; text columns first become a bag of words (the user's own Pipeline is used as given). */
function endModelFor(analysis: string, options: LabelingOptions, sample: Dataset, features: readonly string[]): { choice: ModelChoice; text: readonly string[] } {
  const text = features.filter((f) => isTextColumn(sample, f));
  if (text.length === 0 || (options.model !== undefined && typeof options.model !== "string")) {
    return { choice: chooseModel(analysis, { model: options.model, params: options.params }, sample, LABEL, { features }), text: [] };
  }
  // Counts of words suit multinomial naive Bayes, the classic text classifier; a named model gets the same counts.
  const name = options.model ?? "naive-bayes";
  const params = options.params ?? (options.model === undefined ? { variant: "multinomial" } : {});
  chooseModel(analysis, { model: name, params }, sample, LABEL, { features });
  const pipeline = new Pipeline([new TextVectorize({ columns: text, maxTerms: TEXT_TERMS })], createModel(name, params), { features: text });
  return { choice: { name, pipeline, predictor: asPredictor(pipeline) }, text };
}

function defaultSizes(trainRows: number): number[] {
  const sizes: number[] = [];
  for (let s = 25; s < trainRows; s *= 2) sizes.push(s);
  return sizes;
}

/** The first `size` rows of a seeded shuffle, with one row of each missing class swapped in so every class is seen. */
function subset(rows: Int32Array, codes: Int32Array, size: number, k: number, random: Random): Int32Array {
  const order = random.permutation(rows.length);
  const chosen = Int32Array.from(order.subarray(0, size), (o) => rows[o]);
  const seen = new Set(Array.from(chosen, (r) => codes[r]));
  let slot = 0;
  for (let o = size; o < order.length && seen.size < k; o++) {
    const r = rows[order[o]];
    if (!seen.has(codes[r]) && slot < size) {
      seen.add(codes[r]);
      chosen[slot++] = r;
    }
  }
  return chosen.sort();
}

export interface EndModelInput {
  readonly dataset: Dataset;
  readonly features: readonly string[];
  readonly classes: readonly string[];
  /** Gold class codes, −1 where unknown. */
  readonly gold: Int32Array;
  /** The label model's class codes, −1 where no function voted. */
  readonly weak: Int32Array;
}

export async function endModelCost(analysis: string, input: EndModelInput, options: LabelingOptions): Promise<EndModel> {
  const { dataset, features, classes, gold, weak } = input;
  const k = classes.length;
  const goldRows = Int32Array.from(gold.keys()).filter((i) => gold[i] >= 0);
  const unlabelledWeak = Int32Array.from(gold.keys()).filter((i) => gold[i] < 0 && weak[i] >= 0);
  const base = dataset.select(features);
  const goldTarget = { kind: "classification" as const, codes: Int32Array.from(goldRows, (r) => gold[r]), classes };
  const folds = options.folds ?? 5;
  const seed = options.seed ?? 0;
  const plan = planFolds(analysis, base.take(goldRows), goldTarget, { split: "stratified", folds, seed });
  const { choice, text } = endModelFor(analysis, options, withLabels(base, goldRows.subarray(0, Math.min(goldRows.length, 2000)), gold, classes), features);
  const predictor: Predictor = choice.predictor;
  const minTrain = Math.min(...plan.folds.map((f) => f.train.length));
  const sizes = (options.goldSizes ?? defaultSizes(minTrain)).filter((s) => s >= k && s < minTrain);
  const progress = new Progress("training end models on weak and gold labels", plan.folds.length * (2 + sizes.length));
  const random = new Random(seed);
  const tally = { weak: [0, 0], gold: [0, 0], curve: sizes.map(() => [0, 0]) };
  const score = async (train: Int32Array, codes: Int32Array, test: Int32Array, into: number[]) => {
    const fitted = await predictor.fit(withLabels(base, train, codes, classes), LABEL);
    const predicted = fitted.predict(base.take(test)) as Int32Array;
    const index = fitted.classes!.map((c) => classes.indexOf(c));
    for (let t = 0; t < test.length; t++) if (index[predicted[t]] === gold[test[t]]) into[0]++;
    into[1] += test.length;
    await progress.step();
  };
  let trainRows = 0;
  for (const fold of plan.folds) {
    const train = Int32Array.from(fold.train, (i) => goldRows[i]);
    const test = Int32Array.from(fold.test, (i) => goldRows[i]);
    trainRows += train.length / plan.folds.length;
    const weakTrain = Int32Array.from([...train.filter((r) => weak[r] >= 0), ...unlabelledWeak]).sort();
    await score(weakTrain, weak, test, tally.weak);
    await score(train, gold, test, tally.gold);
    for (const [s, size] of sizes.entries()) await score(subset(train, gold, size, k, random), gold, test, tally.curve[s]);
  }
  progress.finish();
  const weakScore = scored(tally.weak[0], tally.weak[1]);
  const goldScore = scored(tally.gold[0], tally.gold[1]);
  const curve: CurvePoint[] = [...sizes.map((size, s) => ({ size, ...scored(tally.curve[s][0], tally.curve[s][1]) })), { size: Math.round(trainRows), ...goldScore }].map(({ size, accuracy, low, high }) => ({ size, accuracy, low, high }));
  const match = curve.find((p) => p.accuracy >= weakScore.accuracy);
  return { model: choice.name, folds: plan.folds.length, weak: weakScore, gold: goldScore, curve, goldToMatch: match ? match.size : null, trainRows: Math.round(trainRows), textColumns: text };
}
