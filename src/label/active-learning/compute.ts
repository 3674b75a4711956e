/**
 * The simulated comparison: for each seed, the validation engine holds out one fold as the
 * test set (the latest one when the split follows time) and the other rows become the pool,
 * whose labels stay hidden until picked. Every strategy starts from the same random start
 * set and spends the same budget; the score after each batch is averaged over seeds with a
 * t-interval. Each strategy is then compared with random picks seed by seed (paired), and
 * the labels each needs to reach the success value are read off the mean curves.
 */
import type { Dataset } from "../../data/dataset.js";
import { targetOf } from "../../features/target.js";
import { featureColumns } from "../../features/pipeline.js";
import { framedMetric, framedSuccess } from "../../frame/defaults.js";
import { message } from "../../messages.js";
import { metric, type MetricSpec } from "../../metrics/registry.js";
import { Progress } from "../../runtime/context.js";
import { tInterval } from "../../stats/t-interval.js";
import { Random } from "../../util/random.js";
import { chooseModel } from "../../validate/model.js";
import { planFolds } from "../../validate/plan.js";
import { labelledTarget } from "../../validate/target.js";
import { type LoopRun, simulate } from "./loop.js";
import { standardizedSpace } from "./space.js";
import { type ActiveLearningData, type ActiveLearningOptions, type CurvePoint, STRATEGIES, type Strategy, type StrategyCurve } from "./types.js";

export const ANALYSIS = "activeLearning";
const CONFIDENCE = 0.95;
/**
 * The smallest gain over random that matters, averaged along the curve: one point of a
 * score bounded by 0 and 1 (accuracy 0.01), else 1% of random's final score. Below it,
 * active learning's extra machinery (a model in the loop, batches waiting on it) is not
 * worth having; a gain interval that reaches above it and below zero at once is a
 * question the seeds have not answered, not a tie.
 */
export const PRACTICAL_GAIN = 0.01;

/** The strategies asked for, in the usual order, with random always among them (it is the yardstick). */
export function strategiesOf(asked: ActiveLearningOptions["strategy"]): Strategy[] {
  const list = asked === undefined ? STRATEGIES : typeof asked === "string" ? [asked] : asked;
  for (const s of list) if (!STRATEGIES.includes(s)) throw message.badOption(ANALYSIS, "strategy", s, STRATEGIES.map((x) => `"${x}"`).join(", "));
  return STRATEGIES.filter((s) => s === "random" || list.includes(s));
}

export async function computeActiveLearning(raw: Dataset, options: ActiveLearningOptions): Promise<ActiveLearningData> {
  const notes: string[] = [];
  const { target, dataset } = labelledTarget(ANALYSIS, raw, options.target, notes);
  const truth = targetOf(dataset, target);
  if (truth.kind !== "classification") throw message.badOption(ANALYSIS, "target", target, `a class column ("${target}" holds numbers; label classes, e.g. above and below a threshold, to simulate labelling them)`);
  const classes = truth.classes;
  if (classes.length < 2) throw message.singleClassTarget(ANALYSIS, target, classes[0] ?? "(no rows)");
  const spec = metric(options.metric ?? framedMetric(options.card, "classification") ?? "accuracy", "classification");
  const strategies = strategiesOf(options.strategy);
  const baseSeed = options.seed ?? 0;
  const seeds = options.seeds ?? 5;
  const start = options.start ?? Math.max(20, 2 * classes.length);
  if (start < classes.length) throw message.startBelowClasses(ANALYSIS, start, target, classes);
  const batch = options.batch ?? 10;
  let budget = options.budget ?? start + 20 * batch;
  if (options.budget === undefined) {
    // The default budget is cut to the pool on small data (a budget asked for is not: it fails below, naming the pool).
    const first = planFolds(ANALYSIS, dataset, truth, { folds: options.folds, seed: baseSeed }, options.card);
    const pool = first.folds[first.split === "time" ? first.folds.length - 1 : 0].train.length - classes.length;
    if (budget > pool) {
      notes.push(`The default budget (${budget} labels) is more than the pool holds; it was cut to ${pool}.`);
      budget = pool;
    }
  }
  if (start >= budget) throw message.startOverBudget(ANALYSIS, start, budget);
  const rounds = Math.ceil((budget - start) / batch);
  const candidates = options.candidates ?? 10_000;
  const shortlist = options.shortlist ?? 10;
  const testCap = options.testRows ?? 10_000;
  const uncertainty = options.uncertainty ?? "margin";
  const chosen = chooseModel(ANALYSIS, options, dataset, target);
  const features = chosen.pipeline?.options.features ?? featureColumns(dataset, target);
  const featureData = dataset.select(features);
  const spreads = strategies.includes("diversity") || strategies.includes("combined");

  const scores = new Map<Strategy, number[][]>(strategies.map((s) => [s, []]));
  let labelsAt: readonly number[] = [];
  let poolRows = 0;
  let testRows = 0;
  let extended = 0;
  let validation = "";
  const progress = new Progress(`active learning with ${chosen.name}`, seeds * strategies.length * (rounds + 1));
  for (let s = 0; s < seeds; s++) {
    const seed = baseSeed + s;
    const plan = planFolds(ANALYSIS, dataset, truth, { folds: options.folds, seed }, options.card);
    const fold = plan.split === "time" ? plan.folds[plan.folds.length - 1] : plan.folds[0];
    validation = plan.split === "time" ? `the latest of ${plan.description} held out` : `one of ${plan.description} held out`;
    if (budget > fold.train.length) throw message.budgetOverPool(ANALYSIS, budget, fold.train.length, dataset.nRows, fold.test.length);
    const random = new Random(seed);
    const test = fold.test.length > testCap ? random.permutation(fold.test.length).subarray(0, testCap).sort().map((i) => fold.test[i]) : fold.test;
    poolRows = fold.train.length;
    testRows = test.length;
    const pool = featureData.take(fold.train);
    const space = spreads ? standardizedSpace(pool)[0] : undefined;
    const setup = {
      pool,
      space,
      test: featureData.take(test),
      testTruth: { kind: "classification" as const, codes: Int32Array.from(test, (r) => truth.codes[r]), classes },
      target,
      classes,
      predictor: chosen.predictor,
      spec,
      order: random.permutation(pool.nRows),
      start,
      batch,
      budget,
      candidates,
      shortlist,
      uncertainty,
    };
    // The one way to a pool row's label: asked only for the rows a strategy picks.
    const reveal = (row: number) => truth.codes[fold.train[row]];
    for (const strategy of strategies) {
      const run: LoopRun = await simulate(setup, strategy, reveal, seed * 7919 + 13, progress);
      scores.get(strategy)!.push([...run.scores]);
      labelsAt = run.labels;
      extended = Math.max(extended, run.extended);
    }
  }
  progress.finish();
  if (validation.startsWith("the latest")) notes.push("The split follows time, so every seed holds out the same latest block and labels only earlier rows; the seeds differ in their start labels and their random draws.");
  if (extended > 0) notes.push(`In some seeds the ${start} random start labels held one class only, so up to ${extended} more random labels were bought before the loop began; the first points then stand for slightly more labels than they show.`);
  if (candidates < poolRows) notes.push(`Each round the model scores ${candidates.toLocaleString("en-US")} unlabelled rows drawn at random from the pool of ${poolRows.toLocaleString("en-US")} (uncertainty and combined pick among them); diversity measures distances over the whole pool.`);
  return summarise({ target, classes, model: chosen.name, spec, options, start, batch, budget, rounds, seeds, poolRows, testRows, candidates, uncertainty, labelsAt, scores, strategies, validation, notes });
}

interface Summary {
  target: string;
  classes: readonly string[];
  model: string;
  spec: MetricSpec;
  options: ActiveLearningOptions;
  start: number;
  batch: number;
  budget: number;
  rounds: number;
  seeds: number;
  poolRows: number;
  testRows: number;
  candidates: number;
  uncertainty: ActiveLearningData["uncertainty"];
  labelsAt: readonly number[];
  scores: Map<Strategy, number[][]>;
  strategies: Strategy[];
  validation: string;
  notes: string[];
}

/** Mean curves with t-intervals, the success value, the labels to reach it, and each strategy against random, paired by seed. */
export function summarise(d: Summary): ActiveLearningData {
  const sign = d.spec.greaterIsBetter ? 1 : -1;
  const reaches = (score: number, goal: number) => sign * (score - goal) >= -1e-12;
  const curveOf = (runs: number[][]): CurvePoint[] =>
    d.labelsAt.map((labels, k) => {
      const { mean, low, high } = tInterval(runs.map((r) => r[k]), CONFIDENCE);
      // A score cannot leave its metric's range (accuracy above 1), whatever the normal approximation says.
      return { labels, mean, low: Math.max(d.spec.range[0], low), high: Math.min(d.spec.range[1], high) };
    });
  const randomRuns = d.scores.get("random")!;
  const randomCurve = curveOf(randomRuns);
  const framed = framedSuccess(d.options.card, "classification");
  const successSource = d.options.successValue !== undefined ? "option" : framed !== undefined ? "card" : "random at full budget";
  const successValue = d.options.successValue ?? framed ?? randomCurve[randomCurve.length - 1].mean;
  const toSuccess = (points: readonly CurvePoint[]) => points.find((p) => reaches(p.mean, successValue))?.labels ?? null;
  const randomNeeds = toSuccess(randomCurve);
  const compared = d.strategies.filter((s) => s !== "random").length;
  // Bonferroni over the strategies compared with random, so that a null case stays quiet across all of them at once.
  const confidence = 1 - (1 - CONFIDENCE) / Math.max(1, compared);
  const bounded = d.spec.range[0] === 0 && d.spec.range[1] === 1;
  const practicalGain = bounded ? PRACTICAL_GAIN : PRACTICAL_GAIN * Math.abs(randomCurve[randomCurve.length - 1].mean);
  const curves: StrategyCurve[] = d.strategies.map((strategy) => {
    const runs = d.scores.get(strategy)!;
    const points = strategy === "random" ? randomCurve : curveOf(runs);
    const labelsToSuccess = toSuccess(points);
    if (strategy === "random") return { strategy, points, scores: runs, labelsToSuccess };
    // Per seed: the mean over the points after the start (where every strategy is the same) of the gain over random.
    const gains = runs.map((run, seed) => {
      let sum = 0;
      for (let k = 1; k < run.length; k++) sum += sign * (run[k] - randomRuns[seed][k]);
      return run.length > 1 ? sum / (run.length - 1) : NaN;
    });
    const gain = tInterval(gains, confidence);
    const labelsSaved =
      labelsToSuccess === null ? null : randomNeeds === null ? { labels: d.budget - labelsToSuccess, share: (d.budget - labelsToSuccess) / d.budget, atLeast: true } : { labels: randomNeeds - labelsToSuccess, share: (randomNeeds - labelsToSuccess) / randomNeeds, atLeast: false };
    return {
      strategy,
      points,
      scores: runs,
      labelsToSuccess,
      gainOverRandom: { mean: gain.mean, low: gain.low, high: gain.high },
      beatsRandom: gain.low > 0,
      losesToRandom: gain.high < 0,
      inconclusive: !(gain.low > 0) && !(gain.high < 0) && gain.high > practicalGain,
      labelsSaved,
    };
  });
  return {
    target: d.target,
    classes: d.classes,
    model: d.model,
    metric: d.spec.name,
    greaterIsBetter: d.spec.greaterIsBetter,
    uncertainty: d.uncertainty,
    start: d.start,
    batch: d.batch,
    budget: d.budget,
    rounds: d.rounds,
    seeds: d.seeds,
    poolRows: d.poolRows,
    testRows: d.testRows,
    candidates: d.candidates,
    successValue,
    successSource,
    confidence,
    practicalGain,
    curves,
    validation: d.validation,
    notes: d.notes,
  };
}
