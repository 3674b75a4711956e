/**
 * What `tune` computes: the folds from the validation engine, the search over them, the
 * defaults scored on the same folds, and the gain of the tuned model over the defaults
 * with a paired interval over folds. With `nested`, the whole search runs again inside
 * each outer fold's training rows and the params it picks are scored on the outer test
 * rows, which the search never saw: the honest estimate of "tune, then use the best".
 */
import type { Dataset } from "../../data/dataset.js";
import type { Fold } from "../../data/splits/fold.js";
import { targetOf } from "../../features/target.js";
import { framedMetric, framedMinGain } from "../../frame/defaults.js";
import { message } from "../../messages.js";
import { defaultMetric, metric } from "../../metrics/registry.js";
import { modelParams } from "../../models/registry.js";
import { Progress } from "../../runtime/context.js";
import { pairedFoldInterval } from "../../stats/paired-folds.js";
import { chooseModel } from "../../validate/model.js";
import { planFolds } from "../../validate/plan.js";
import { labelledRows, targetName as targetNameOf } from "../../validate/target.js";
import { scoreCandidates } from "../../validate/candidates.js";
import { candidatesOf, runSearch, type SearchSetup } from "./search.js";
import { checkSpace, isGrid, isRange, type Params, searchedBounds } from "./space.js";
import type { FoldedScore, Gain, NestedEstimate, ParamValue, TuneData, TuneOptions } from "./types.js";

export const ANALYSIS = "tune";

export async function computeTune(given: Dataset, options: TuneOptions): Promise<TuneData> {
  const targetName = targetNameOf(ANALYSIS, given, options.target);
  const labelled = labelledRows(ANALYSIS, given, targetName);
  const notes: string[] = labelled.note ? [labelled.note] : [];
  let dataset = labelled.dataset;
  const target = targetOf(dataset, targetName);
  const spec = metric(options.metric ?? framedMetric(options.card, target.kind) ?? defaultMetric(target.kind), target.kind);
  const chosen = chooseModel(ANALYSIS, { model: options.model, params: options.params }, dataset, targetName);
  const pipeline = chosen.pipeline!;
  const modelName = pipeline.model.model;
  const names = checkSpace(ANALYSIS, options.space, modelName, modelParams(modelName), options.search);
  const space = options.space!;
  const search = options.search ?? (isGrid(space) ? "grid" : "random");
  if (options.budget !== undefined && search === "grid") throw message.badOption(ANALYSIS, "budget", options.budget, "no budget with a grid search (it tries every combination); use --search random or halving to try a budget of candidates");
  const minResources = minResourcesOf(options);
  const seed = options.seed ?? 0;
  const split = { split: options.split, folds: options.folds, group: options.group, time: options.time, gap: options.gap, seed };
  const plan = planFolds(ANALYSIS, dataset, target, split, options.card);
  // The column that orders time-ordered folds is their clock, not a feature (as in the engine's runFolds).
  if (plan.split === "time" && plan.column !== undefined && dataset.roles.time === undefined) dataset = dataset.withRoles({ time: plan.column });
  const classes = target.kind === "classification" ? target.classes.length : 1;
  const setup: Omit<SearchSetup, "progress"> = { target: targetName, pipeline, spec, search, space, names, budget: options.budget, minResources, factor: options.factor ?? 3, classes, seed };
  const planned = candidatesOf(setup, dataset.nRows, plan.folds.length);
  if (planned.halving && planned.halving.minResources > dataset.nRows) {
    throw message.badOption(ANALYSIS, "minResources", options.minResources ?? "smallest", `at most the ${dataset.nRows} rows (the first iteration cannot use more rows than the data has)`);
  }
  if (search !== "grid" && isGrid(space) && options.budget !== undefined && options.budget > planned.candidates.length) {
    notes.push(`The budget of ${options.budget} candidates exceeds the ${planned.candidates.length} combinations of the lists, so each combination was tried once.`);
  }
  const k = plan.folds.length;
  const innerFolds = options.innerFolds ?? k;
  const perSearch = (planned.halving ? planned.halving.candidates.reduce((a, b) => a + b, 0) : planned.candidates.length) * k;
  const progress = new Progress(`tuning ${chosen.name}`, perSearch + 2 * k + (options.nested ? k * (perSearch * (innerFolds / k) + 1) : 0));
  const found = await runSearch(dataset, plan.folds, { ...setup, progress });
  if (found.records.every((r) => Number.isNaN(r.mean))) throw found.firstError ?? message.badOption(ANALYSIS, "space", space, "params with which the model can be fitted");
  const scoreOn = async (params: Params, folds: readonly Fold[]) => (await scoreCandidates(dataset, targetName, pipeline, [params], folds, spec, progress)).scores[0];
  const defaults = folded({}, await scoreOn({}, plan.folds));
  const best = folded(found.bestParams, found.bestFoldScores ?? (await scoreOn(found.bestParams, plan.folds)));
  const sign = spec.greaterIsBetter ? 1 : -1;
  const testShare = plan.folds.reduce((s, f) => s + f.test.length / f.train.length, 0) / k;
  let gain: Gain;
  let nested: NestedEstimate | undefined;
  if (options.nested) {
    const outer = [];
    for (const fold of plan.folds) {
      const inner = dataset.take(fold.train);
      const innerPlan = planFolds(ANALYSIS, inner, targetOf(inner, targetName), { ...split, folds: innerFolds }, options.card);
      const innerFound = await runSearch(inner, innerPlan.folds, { ...setup, progress });
      const [tuned] = await scoreOn(innerFound.bestParams, [fold]);
      outer.push({ params: innerFound.bestParams, tuned, defaults: defaults.foldScores[outer.length] });
    }
    const diffs = outer.map((o) => sign * (o.tuned - o.defaults));
    const interval = pairedFoldInterval(diffs, testShare);
    gain = { mean: interval.mean, low: interval.low, high: interval.high, basis: "outer folds" };
    nested = { folds: k, innerFolds, outer, tuned: meanOf(outer.map((o) => o.tuned)), defaults: defaults.mean };
  } else {
    const interval = pairedFoldInterval(best.foldScores.map((s, f) => sign * (s - defaults.foldScores[f])), testShare);
    gain = { mean: interval.mean, low: interval.low, high: interval.high, basis: "search folds" };
  }
  progress.finish();
  if (found.failures > 0) notes.push(`${found.failures} of the search's fits failed (${errorText(found.firstError)}); they score as missing, as scikit-learn's error_score=nan, and rank last.`);
  const minGain = framedMinGain(options.card, target.kind);
  return {
    target: targetName,
    model: chosen.name,
    metric: spec.name,
    greaterIsBetter: spec.greaterIsBetter,
    search,
    space,
    searched: names,
    folds: k,
    foldDescription: plan.description,
    rows: dataset.nRows,
    candidates: found.records,
    best,
    defaults,
    gain,
    ...(found.halving ? { halving: found.halving } : {}),
    ...(nested ? { nested } : {}),
    ...(minGain !== undefined ? { minGain } : {}),
    atEdge: names.filter((n) => onEdge(space, n, found.bestParams[n])),
    seed,
    notes,
  };
}

function minResourcesOf(options: TuneOptions): number | "exhaust" | "smallest" {
  const given = options.minResources;
  if (given !== "exhaust" && given !== "smallest" && given !== undefined) return Number(given);
  if (given === "exhaust" && options.budget === undefined) {
    throw message.badOption(ANALYSIS, "minResources", given, 'a number or "smallest" without a budget (as in scikit-learn, the candidates and the first rows cannot both be "exhaust"): give --budget too');
  }
  return given ?? (options.budget !== undefined ? "exhaust" : "smallest");
}

const meanOf = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function folded(params: Params, foldScores: readonly number[]): FoldedScore {
  return { params, foldScores, mean: meanOf(foldScores) };
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

/** The best value lies at the edge of what was searched (for a range, in its outer 5%, on a log scale for log ranges). */
function onEdge(space: TuneOptions["space"] & object, name: string, value: ParamValue | undefined): boolean {
  const bounds = searchedBounds(space, name);
  if (bounds === undefined || typeof value !== "number") return false;
  const [lo, hi] = bounds;
  if (lo === hi) return false;
  const range = space[name];
  if (!isRange(range)) return value === lo || value === hi;
  const at = range.log ? (Math.log(value) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (value - lo) / (hi - lo);
  return at <= 0.05 || at >= 0.95;
}
