/**
 * Which predictions should a person make? The user's classifier is scored out of fold (each
 * row predicted by a model that never saw it), and three routing policies are replayed on
 * those predictions: ask when the top-class probability is low, ask when acting is expected
 * to cost more than asking, and ask when the model erred on the most similar past requests
 * (k nearest neighbours among the other out-of-fold rows, on standardized numeric features).
 * Each policy is judged by coverage, accuracy on the automated rows and total cost over its
 * parameter; its cheapest setting gets a bootstrap interval of its cost.
 */
import type { Dataset } from "../../data/dataset.js";
import { targetOf } from "../../features/target.js";
import { framedCosts } from "../../frame/defaults.js";
import { message } from "../../messages.js";
import { Progress } from "../../runtime/context.js";
import { bootstrap } from "../../stats/intervals.js";
import { Random } from "../../util/random.js";
import { chooseModel } from "../../validate/model.js";
import { outOfFold } from "../../validate/out-of-fold.js";
import { planFolds } from "../../validate/plan.js";
import { labelledTarget } from "../../validate/target.js";
import type { Costs, HumanInTheLoopData, HumanInTheLoopOptions, PolicyName, PolicyPoint, PolicyResult, Saving } from "./types.js";

const ANALYSIS = "humanInTheLoop";
/** Rows beyond this are sampled (seeded): the neighbour search compares every pair. */
export const MAX_ROWS = 10_000;
export const DEFAULT_NEIGHBOURS = 10;
const RESAMPLES = 1000;
/** Threshold grid: 0, 0.01, …, 1. */
export const THRESHOLDS = Array.from({ length: 101 }, (_, i) => i / 100);
/** Trust factors of the cost rule: 2^-3 … 2^3 in quarter steps; 1 trusts the probabilities as they are. */
export const TRUST = Array.from({ length: 25 }, (_, i) => 2 ** ((i - 12) / 4));

/** The costs from the options, the error cost from the card when only act,ask are given (the larger of its two error costs). */
export function resolveCosts(options: HumanInTheLoopOptions): Costs {
  const given = options.costs;
  const card = framedCosts(options.card);
  const bad = () => message.hitlCosts(given, card !== undefined);
  if (given === undefined || given.some((c) => !Number.isFinite(c) || c < 0)) throw bad();
  if (given.length === 3) return { act: given[0], ask: given[1], error: given[2], errorSource: "options" };
  if (given.length === 2 && card) return { act: given[0], ask: given[1], error: Math.max(card.falsePositive, card.falseNegative), errorSource: "card" };
  throw bad();
}

/** Per-row cost of a routing: asking costs `ask`; acting costs `act`, plus `error` when the prediction is wrong. */
export function rowCosts(askMask: Uint8Array, correct: Uint8Array, costs: Costs): Float64Array {
  const out = new Float64Array(askMask.length);
  for (let i = 0; i < askMask.length; i++) out[i] = askMask[i] ? costs.ask : costs.act + (correct[i] ? 0 : costs.error);
  return out;
}

/** Coverage, accuracy on the automated rows and total cost of a routing. */
export function judge(parameter: number, askMask: Uint8Array, correct: Uint8Array, costs: Costs): PolicyPoint {
  let automated = 0;
  let right = 0;
  let cost = 0;
  for (let i = 0; i < askMask.length; i++) {
    if (askMask[i]) cost += costs.ask;
    else {
      automated++;
      right += correct[i];
      cost += costs.act + (correct[i] ? 0 : costs.error);
    }
  }
  return { parameter, coverage: automated / askMask.length, accuracy: automated > 0 ? right / automated : NaN, cost };
}

/** Ask when the top-class probability is below t. */
export function askByThreshold(top: Float64Array, t: number): Uint8Array {
  return Uint8Array.from(top, (p) => (p < t ? 1 : 0));
}

/** Ask when the expected cost of acting, trust·(1 − p_top)·error + act, exceeds the cost of asking. */
export function askByCost(top: Float64Array, costs: Costs, trust = 1): Uint8Array {
  return Uint8Array.from(top, (p) => (trust * (1 - p) * costs.error + costs.act > costs.ask ? 1 : 0));
}

/** Ask when the model's error rate on the row's neighbours exceeds `level`. */
export function askByNeighbours(neighbourError: Float64Array, level: number): Uint8Array {
  return Uint8Array.from(neighbourError, (e) => (e > level + 1e-12 ? 1 : 0));
}

/** Each column standardized to mean 0 and (population) standard deviation 1, as scikit-learn's StandardScaler; missing values become the mean. Row-major, n × d. */
export function standardize(columns: readonly ArrayLike<number>[], n: number): Float64Array {
  const d = columns.length;
  const out = new Float64Array(n * d);
  columns.forEach((values, j) => {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < n; i++) if (Number.isFinite(values[i])) (sum += values[i]), count++;
    const mean = count > 0 ? sum / count : 0;
    let squares = 0;
    for (let i = 0; i < n; i++) if (Number.isFinite(values[i])) squares += (values[i] - mean) ** 2;
    const sd = count > 0 ? Math.sqrt(squares / count) : 0;
    for (let i = 0; i < n; i++) out[i * d + j] = Number.isFinite(values[i]) && sd > 0 ? (values[i] - mean) / sd : 0;
  });
  return out;
}

/** The k nearest other rows of every row (Euclidean, brute force; ties to the lower row), row-major n × k, nearest first. */
export async function nearestOthers(x: Float64Array, n: number, d: number, k: number, progress?: Progress): Promise<Int32Array> {
  const out = new Int32Array(n * k);
  const best = new Float64Array(k);
  const at = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    best.fill(Infinity);
    at.fill(-1);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let s = 0;
      for (let c = 0; c < d; c++) {
        const diff = x[i * d + c] - x[j * d + c];
        s += diff * diff;
      }
      if (s >= best[k - 1]) continue;
      let p = k - 1;
      while (p > 0 && best[p - 1] > s) {
        best[p] = best[p - 1];
        at[p] = at[p - 1];
        p--;
      }
      best[p] = s;
      at[p] = j;
    }
    out.set(at, i * k);
    if (progress && (i + 1) % 250 === 0) await progress.step(250);
  }
  return out;
}

function bestOf(curve: readonly PolicyPoint[]): PolicyPoint {
  return curve.reduce((b, p) => (p.cost < b.cost - 1e-9 || (Math.abs(p.cost - b.cost) <= 1e-9 && p.coverage > b.coverage) ? p : b));
}

const sumOf = (values: Float64Array) => (rows: Int32Array) => {
  let s = 0;
  for (const r of rows) s += values[r];
  return s;
};

/** The routed requests: each one's top-class probability, whether the model was right, and its standardized numeric features (row-major). */
export interface Requests {
  readonly target: string;
  readonly classes: readonly string[];
  readonly model: string;
  readonly validation: string;
  readonly costs: Costs;
  readonly n: number;
  readonly top: Float64Array;
  readonly correct: Uint8Array;
  readonly features: readonly string[];
  readonly x: Float64Array;
  /** Each routed request's row number in the data as given. */
  readonly rows: Int32Array;
  readonly notes: string[];
}

export async function routedRequests(raw: Dataset, options: HumanInTheLoopOptions): Promise<Requests> {
  const notes: string[] = [];
  const costs = resolveCosts(options);
  if (costs.errorSource === "card") notes.push(`The error cost, ${costs.error}, is the larger of the framing card's false positive and false negative costs.`);
  const labelled = labelledTarget(ANALYSIS, raw, options.target, notes);
  const { target, dataset } = labelled;
  const truth = targetOf(dataset, target);
  if (truth.kind !== "classification") throw message.hitlNotClassification(target);
  const roles = dataset.roles;
  const skip = new Set([target, roles.time, roles.group, roles.weight, options.time, options.group, ...(roles.prediction ?? [])]);
  const features = dataset.names.filter((name) => !skip.has(name) && dataset.column(name).type === "number");
  if (features.length === 0) throw message.hitlNoFeatures(target);
  const seed = options.seed ?? 0;

  const chosen = chooseModel(ANALYSIS, options, dataset, target);
  const plan = planFolds(ANALYSIS, dataset, truth, { folds: options.folds, seed, split: options.split, group: options.group, time: options.time }, options.card);
  const scoring = new Progress("scoring out of fold", plan.folds.length);
  const oof = await outOfFold(dataset, target, chosen.predictor, plan, { withProba: true, progress: scoring });
  scoring.finish();
  const tested = oof.truth as Extract<typeof truth, { kind: "classification" }>;
  const proba = oof.predictions.proba!;
  const all = oof.rows.length;
  if (!plan.coversEveryRow) notes.push(`The folds follow time (${plan.description}): the ${dataset.nRows - all} earliest rows only train and are not routed.`);
  let keep: Int32Array = Int32Array.from({ length: all }, (_, i) => i);
  if (all > MAX_ROWS) {
    keep = new Random(seed).permutation(all).slice(0, MAX_ROWS).sort();
    notes.push(`${all.toLocaleString("en-US")} rows were scored; a seeded sample of ${MAX_ROWS.toLocaleString("en-US")} is routed, since the neighbour search compares every pair.`);
  }
  const n = keep.length;
  const names = proba.names!;
  const columns = tested.classes.length;
  const top = new Float64Array(n);
  const correct = new Uint8Array(n);
  keep.forEach((r, i) => {
    let bestClass = -1;
    let bestP = -Infinity;
    for (let c = 0; c < names.length; c++) {
      const p = proba.data[c * all + r];
      if (p > bestP) (bestP = p), (bestClass = c);
    }
    top[i] = bestP;
    correct[i] = tested.classes[tested.codes[r]] === names[bestClass] ? 1 : 0;
  });
  if (names.length < columns) notes.push(`Some classes never appear in a fold's training rows, so the model never predicts them.`);

  // The similar-requests policy: standardized numeric features of the routed rows, their k nearest other rows and the model's error rate there.
  const x = standardize(
    features.map((name) => {
      const col = dataset.column(name) as { values: Float64Array };
      return Float64Array.from(keep, (i) => col.values[oof.rows[i]]);
    }),
    n,
  );
  const rows = Int32Array.from(keep, (i) => labelled.rows[oof.rows[i]]);
  return { target, classes: tested.classes, model: chosen.name, validation: plan.description, costs, n, top, correct, features, x, rows, notes };
}

export async function computeHumanInTheLoop(raw: Dataset, options: HumanInTheLoopOptions): Promise<HumanInTheLoopData> {
  const { target, classes, model, validation, costs, n, top, correct, features, x, rows, notes } = await routedRequests(raw, options);
  const k = options.neighbours ?? DEFAULT_NEIGHBOURS;
  const seed = options.seed ?? 0;
  if (k >= n) throw message.badOption(ANALYSIS, "neighbours", k, `a whole number below the ${n} routed rows`);
  const searching = new Progress("finding similar past requests", n);
  const neighbours = await nearestOthers(x, n, features.length, k, searching);
  searching.finish();
  const neighbourError = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let wrong = 0;
    for (let j = 0; j < k; j++) wrong += 1 - correct[neighbours[i * k + j]];
    neighbourError[i] = wrong / k;
  }

  const levels = Array.from({ length: k + 1 }, (_, j) => j / k);
  const grids: Record<PolicyName, { parameterName: string; values: readonly number[]; ask: (v: number) => Uint8Array }> = {
    threshold: { parameterName: "ask when the top-class probability is below", values: THRESHOLDS, ask: (t) => askByThreshold(top, t) },
    cost: { parameterName: "trust factor on the expected cost of acting (1: the probabilities as they are)", values: TRUST, ask: (m) => askByCost(top, costs, m) },
    neighbours: { parameterName: `ask when the error rate of the ${k} most similar past requests exceeds`, values: levels, ask: (l) => askByNeighbours(neighbourError, l) },
  };
  const everything = new Uint8Array(n);
  const nothing = new Uint8Array(n).fill(1);
  const actAll = rowCosts(everything, correct, costs);
  const askAll = rowCosts(nothing, correct, costs);
  const policies: PolicyResult[] = [];
  const bestRows = new Map<PolicyName, Float64Array>();
  const bestAsks = new Map<PolicyName, Uint8Array>();
  for (const policy of ["threshold", "cost", "neighbours"] as const) {
    const grid = grids[policy];
    const curve = grid.values.map((v) => judge(v, grid.ask(v), correct, costs));
    const best = bestOf(curve);
    const asks = grid.ask(best.parameter);
    bestAsks.set(policy, asks);
    const perRow = rowCosts(asks, correct, costs);
    bestRows.set(policy, perRow);
    const interval = bootstrap(n, sumOf(perRow), { seed, resamples: RESAMPLES });
    policies.push({ policy, parameterName: grid.parameterName, curve, best, low: interval.low, high: interval.high });
  }
  const bestPolicy = policies.reduce((b, p) => (p.best.cost < b.best.cost - 1e-9 ? p : b)).policy;
  const winner = bestRows.get(bestPolicy)!;
  const savings: Saving[] = (
    [
      ["act-all", actAll],
      ["ask-all", askAll],
    ] as const
  ).map(([against, other]) => {
    const difference = Float64Array.from(other, (c, i) => c - winner[i]);
    const interval = bootstrap(n, sumOf(difference), { seed: seed + 1, resamples: RESAMPLES });
    return { against, saving: difference.reduce((a, b) => a + b, 0), low: interval.low, high: interval.high };
  });
  const data: HumanInTheLoopData = {
    target,
    classes,
    rows: n,
    model,
    validation,
    costs,
    accuracy: correct.reduce((a, b) => a + b, 0) / n,
    actAllCost: actAll.reduce((a, b) => a + b, 0),
    askAllCost: askAll.reduce((a, b) => a + b, 0),
    neighbours: k,
    features,
    policies,
    bestPolicy,
    savings,
    askedRows: [],
    notes,
  };
  // The rows the best policy sends to a person stay on the result for code to use, but out of its JSON.
  const asked = bestAsks.get(bestPolicy)!;
  Object.defineProperty(data, "askedRows", { value: [...rows].filter((_, i) => asked[i]), enumerable: false });
  return data;
}
