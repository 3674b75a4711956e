/**
 * One simulated labelling loop: a model is fitted on the labels bought so far, scored on
 * held-out rows, and a strategy picks the next batch from the unlabelled pool; a label is
 * revealed only when its row is picked (through `reveal`, the loop's one way to a label).
 * The pool holds features alone, so nothing else can read a label early.
 */
import { Dataset } from "../../data/dataset.js";
import { matrix, type Matrix } from "../../data/matrix.js";
import type { MetricSpec } from "../../metrics/registry.js";
import type { Target } from "../../models/contract.js";
import { type Progress, quietly } from "../../runtime/context.js";
import { Random } from "../../util/random.js";
import type { FittedPredictor, Predictor } from "../../validate/predictor.js";
import { closerTo, coreSetPicks, type Space, topByScore, uncertaintyScores } from "./strategies.js";
import type { Strategy, Uncertainty } from "./types.js";

/** The class code (into `classes`) of a pool row; the loop asks once per row, when it picks the row. */
export type Reveal = (row: number) => number;

export interface LoopSetup {
  /** Feature columns of the pool, no target. */
  readonly pool: Dataset;
  /** The pool's rows in the standardized space (needed by diversity and combined). */
  readonly space?: Space;
  readonly test: Dataset;
  readonly testTruth: Extract<Target, { kind: "classification" }>;
  readonly target: string;
  readonly classes: readonly string[];
  readonly predictor: Predictor;
  readonly spec: MetricSpec;
  /** Pool rows in the order the start set (and, while it holds one class, its extension) is drawn; shared by every strategy of a seed. */
  readonly order: Int32Array;
  readonly start: number;
  readonly batch: number;
  readonly budget: number;
  readonly candidates: number;
  readonly shortlist: number;
  readonly uncertainty: Uncertainty;
}

export interface LoopRun {
  /** Labels spent at each scored point, and the score there. */
  readonly labels: readonly number[];
  readonly scores: readonly number[];
  /** Pool rows in the order they were labelled. */
  readonly picked: Int32Array;
  /** Labels bought beyond `start` because the start set held a single class. */
  readonly extended: number;
}

/** The strategy's next `size` rows among the unlabelled ones. */
function choose(strategy: Strategy, setup: LoopSetup, fitted: FittedPredictor, unlabelled: Int32Array, nearest: Float64Array | undefined, size: number, random: Random): Int32Array {
  if (strategy === "random") return partialShuffle(unlabelled, size, random);
  // Core-set picks lower `nearest` for the rows they scan; the loop brings the other unlabelled rows up to date.
  if (strategy === "diversity") return coreSetPicks(setup.space!, unlabelled, nearest!, size);
  const candidates = unlabelled.length > setup.candidates ? partialShuffle(unlabelled, setup.candidates, random) : unlabelled;
  const proba = fitted.predictProba(setup.pool.take(candidates));
  const scores = uncertaintyScores(proba, setup.uncertainty);
  const top = topByScore(scores, strategy === "uncertainty" ? size : setup.shortlist * size);
  for (let i = 0; i < top.length; i++) top[i] = candidates[top[i]];
  return strategy === "uncertainty" ? top : coreSetPicks(setup.space!, top, nearest!, size);
}

/** `size` entries of `rows` drawn without replacement (a partial Fisher–Yates on a copy). */
function partialShuffle(rows: Int32Array, size: number, random: Random): Int32Array {
  const copy = Int32Array.from(rows);
  const k = Math.min(size, copy.length);
  for (let i = 0; i < k; i++) {
    const j = i + random.int(copy.length - i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, k);
}

/** Class probabilities over every class of the target (a class the model has not met gets 0), and the argmax. */
export function globalPredictions(fitted: FittedPredictor, data: Dataset, classes: readonly string[]): { proba: Matrix; labels: Int32Array } {
  const own = fitted.predictProba(data);
  const n = own.rows;
  const proba = matrix(n, classes.length, classes);
  (fitted.classes ?? []).forEach((name, c) => {
    const g = classes.indexOf(name);
    proba.data.set(own.data.subarray(c * n, (c + 1) * n), g * n);
  });
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < classes.length; c++) if (proba.data[c * n + i] > proba.data[best * n + i]) best = c;
    labels[i] = best;
  }
  return { proba, labels };
}

function trainingSet(setup: LoopSetup, picked: readonly number[], codes: Int32Array): Dataset {
  const rows = Int32Array.from(picked);
  const features = setup.pool.take(rows);
  const labels = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) labels[i] = codes[rows[i]];
  const target = { type: "category" as const, codes: labels, dictionary: setup.classes };
  return new Dataset([...features.names.map((name) => [name, features.column(name)] as const), [setup.target, target] as const], {}, features.meta, rows.length);
}

export async function simulate(setup: LoopSetup, strategy: Strategy, reveal: Reveal, seed: number, progress?: Progress): Promise<LoopRun> {
  const n = setup.pool.nRows;
  const random = new Random(seed);
  const codes = new Int32Array(n).fill(-1);
  const picked: number[] = [];
  const seen = new Set<number>();
  // The unlabelled rows, kept as a list with each row's position for O(1) removal.
  const unlabelled = Int32Array.from({ length: n }, (_, i) => i);
  const position = Int32Array.from({ length: n }, (_, i) => i);
  let remaining = n;
  const label = (rows: ArrayLike<number>) => {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (position[r] < 0) throw new Error(`active learning: row ${r} was picked twice`);
      const code = reveal(r);
      codes[r] = code;
      seen.add(code);
      picked.push(r);
      const at = position[r];
      const last = unlabelled[--remaining];
      unlabelled[at] = last;
      position[last] = at;
      position[r] = -1;
    }
  };
  label(setup.order.subarray(0, setup.start));
  let next = setup.start;
  while (seen.size < 2 && next < n) label([setup.order[next++]]);
  const extended = next - setup.start;

  const spreads = strategy === "diversity" || strategy === "combined";
  const nearest = spreads ? new Float64Array(n).fill(Infinity) : undefined;
  if (nearest) closerTo(setup.space!, unlabelled.subarray(0, remaining), nearest, picked);

  const labels: number[] = [];
  const scores: number[] = [];
  for (;;) {
    const fitted = await quietly(() => setup.predictor.fit(trainingSet(setup, picked, codes), setup.target));
    const predictions = globalPredictions(fitted, setup.test, setup.classes);
    labels.push(picked.length);
    scores.push(setup.spec.compute(setup.testTruth, predictions));
    await progress?.step();
    const size = Math.min(setup.batch, setup.budget - picked.length, remaining);
    if (size <= 0) break;
    const rows = choose(strategy, setup, fitted, unlabelled.subarray(0, remaining), nearest, size, random);
    label(rows);
    if (strategy === "combined") closerTo(setup.space!, unlabelled.subarray(0, remaining), nearest!, rows);
  }
  return { labels, scores, picked: Int32Array.from(picked), extended };
}
