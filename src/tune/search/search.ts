/**
 * One search over one set of folds: grid, random or successive halving, returning every
 * candidate's record (one per candidate and iteration, as scikit-learn's cv_results_) and
 * the best candidate: the best mean (the first among ties, in candidate order) or, for
 * halving, the best of the last iteration.
 */
import type { Dataset } from "../../data/dataset.js";
import type { Fold } from "../../data/splits/fold.js";
import type { Pipeline } from "../../features/pipeline.js";
import type { MetricSpec } from "../../metrics/registry.js";
import type { Progress } from "../../runtime/context.js";
import { populationStd } from "../../stats/summary.js";
import { Random } from "../../util/random.js";
import { halvingSchedule } from "./halving.js";
import { scoreCandidates } from "../../validate/candidates.js";
import { gridCandidates, gridSize, isGrid, type Params, randomCandidates } from "./space.js";
import type { CandidateRecord, HalvingSchedule, SearchKind, SearchSpace } from "./types.js";

export interface SearchSetup {
  readonly target: string;
  readonly pipeline: Pipeline;
  readonly spec: MetricSpec;
  readonly search: SearchKind;
  readonly space: SearchSpace;
  readonly names: readonly string[];
  readonly budget?: number;
  readonly minResources: number | "exhaust" | "smallest";
  readonly factor: number;
  readonly classes: number;
  readonly seed: number;
  readonly progress?: Progress;
}

export interface SearchOutcome {
  readonly records: CandidateRecord[];
  readonly bestParams: Params;
  /** The best candidate's fold scores when it was scored on every row of the folds (not so after halving on fewer rows). */
  readonly bestFoldScores?: readonly number[];
  readonly halving?: HalvingSchedule;
  readonly failures: number;
  readonly firstError?: unknown;
}

/** Default draws of a random search, as scikit-learn's RandomizedSearchCV (n_iter=10). */
export const RANDOM_BUDGET = 10;

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

export function candidatesOf(setup: SearchSetup, rows: number, folds: number): { candidates: Params[]; halving?: HalvingSchedule } {
  const random = new Random(setup.seed);
  if (setup.search === "grid") return { candidates: gridCandidates(setup.space, setup.names) };
  if (setup.search === "random") return { candidates: randomCandidates(setup.space, setup.names, setup.budget ?? RANDOM_BUDGET, random) };
  const halving = halvingSchedule({
    candidates: setup.budget ?? "exhaust",
    minResources: setup.minResources,
    maxResources: rows,
    factor: setup.factor,
    folds,
    classes: setup.classes,
    ...(isGrid(setup.space) ? { gridSize: gridSize(setup.space) } : {}),
  });
  return { candidates: randomCandidates(setup.space, setup.names, halving.candidates[0], random), halving };
}

/**
 * Each fold's training and test rows in a seeded order, drawn once: an iteration of
 * halving on r of the n rows takes the first ⌊r/n · size⌋ of each, so the rows of one
 * iteration include the previous one's (scikit-learn's subsampling with a fixed seed).
 */
export function halvingFolds(folds: readonly Fold[], seed: number): (resource: number, rows: number) => Fold[] {
  const random = new Random(seed + 7919);
  const orders = folds.map((fold) => ({ train: random.shuffle(Int32Array.from(fold.train)), test: random.shuffle(Int32Array.from(fold.test)) }));
  return (resource, rows) => {
    if (resource >= rows) return [...folds];
    const fraction = resource / rows;
    return orders.map((o) => ({
      train: o.train.slice(0, Math.trunc(fraction * o.train.length)).sort(),
      test: o.test.slice(0, Math.trunc(fraction * o.test.length)).sort(),
    }));
  };
}

export async function runSearch(dataset: Dataset, folds: readonly Fold[], setup: SearchSetup): Promise<SearchOutcome> {
  const { candidates, halving } = candidatesOf(setup, dataset.nRows, folds.length);
  const raw: Omit<CandidateRecord, "rank">[] = [];
  let failures = 0;
  let firstError: unknown;
  const score = async (indices: readonly number[], at: readonly Fold[], iteration: number, resource: number) => {
    const scored = await scoreCandidates(dataset, setup.target, setup.pipeline, indices.map((i) => candidates[i]), at, setup.spec, setup.progress);
    failures += scored.failures;
    firstError ??= scored.firstError;
    return indices.map((i, c) => {
      const foldScores = scored.scores[c];
      const record = { candidate: i, params: candidates[i], iteration, resource, foldScores, mean: mean(foldScores), sd: populationStd(foldScores), fitSeconds: scored.fitSeconds[c] };
      raw.push(record);
      return record;
    });
  };
  const better = (a: number, b: number) => (setup.spec.greaterIsBetter ? a > b : a < b);
  let best: Omit<CandidateRecord, "rank">;
  if (!halving) {
    const all = await score(candidates.map((_, i) => i), folds, 0, dataset.nRows);
    best = all.reduce((b, r) => (Number.isNaN(b.mean) || better(r.mean, b.mean) ? r : b));
  } else {
    const subsample = halvingFolds(folds, setup.seed);
    let current = candidates.map((_, i) => i);
    let last: Omit<CandidateRecord, "rank">[] = [];
    for (const [iteration, resource] of halving.resources.entries()) {
      last = await score(current, subsample(resource, dataset.nRows), iteration, resource);
      // scikit-learn's _top_k: ascending by score (missing scores lowest), the best ⌈n/factor⌉ kept in that order.
      const ordered = [...last].sort((a, b) => orderKey(a.mean, setup.spec.greaterIsBetter) - orderKey(b.mean, setup.spec.greaterIsBetter));
      current = ordered.slice(-Math.ceil(current.length / setup.factor)).map((r) => r.candidate);
    }
    best = last.reduce((b, r) => (Number.isNaN(b.mean) || better(r.mean, b.mean) ? r : b));
  }
  const records = rank(raw, setup.spec.greaterIsBetter);
  const full = best.resource >= dataset.nRows;
  return { records, bestParams: best.params, ...(full ? { bestFoldScores: best.foldScores } : {}), ...(halving ? { halving } : {}), failures, ...(firstError === undefined ? {} : { firstError }) };
}

/** Larger is better, NaN lowest. */
function orderKey(value: number, greaterIsBetter: boolean): number {
  return Number.isNaN(value) ? -Infinity : greaterIsBetter ? value : -value;
}

/** scikit-learn's rank_test_score: rankdata(−mean, "min") over every record; missing means share the last rank. */
function rank(records: readonly Omit<CandidateRecord, "rank">[], greaterIsBetter: boolean): CandidateRecord[] {
  const keys = records.map((r) => orderKey(r.mean, greaterIsBetter));
  const finite = keys.filter((k) => k !== -Infinity).length;
  const firstAt = new Map<number, number>();
  [...keys].sort((a, b) => b - a).forEach((k, i) => firstAt.has(k) || firstAt.set(k, i));
  return records.map((r, i) => ({ ...r, rank: keys[i] === -Infinity ? finite + 1 : 1 + firstAt.get(keys[i])! }));
}
