/**
 * baseline(DATA, { target }): does the model beat the simplest things that could work?
 * Random guessing, guessing by class frequency, the zero rule, any heuristic given,
 * and a human or current-process score from the framing card, against the candidate
 * models: all on the same folds, scored out of fold with seeded bootstrap intervals.
 * The verdict asks whether the best model beats the best baseline by enough, with the
 * gain's interval (paired: the same resampled rows for both) clear of zero.
 */
import { baselineChart } from "../charts/baseline.js";
import { type DataInput, resolveData } from "../data/convert.js";
import { formatCell } from "../display/format.js";
import type { FramingCard } from "../frame/card.js";
import { targetOf } from "../features/target.js";
import type { Target } from "../models/contract.js";
import { framedHuman, framedMetric, framedMinGain } from "../frame/defaults.js";
import { message } from "../messages.js";
import { checkOptions, columnOf, numberOption } from "../options.js";
import { createResult, type Result, type Verdict } from "../result.js";
import { Progress } from "../runtime/context.js";
import { Random } from "../util/random.js";
import { chooseModel, type ModelInput } from "../validate/model.js";
import { collect, runFolds, subsetPredictions, subsetTarget } from "../validate/out-of-fold.js";
import { planFolds } from "../validate/plan.js";
import { asPredictor, type Predictor } from "../validate/predictor.js";
import { pipelineFor } from "../features/default-pipeline.js";
import { heuristic, type PatternRule, type RowRule } from "./heuristic.js";
import { quantileSorted } from "../stats/intervals.js";
import { defaultMetric, metric, type MetricSpec, type Predictions } from "../metrics/registry.js";

export interface BaselineOptions {
  readonly target?: string;
  /** Candidate models: registry names or your own Pipelines; default logistic (classes) or ridge (numbers). */
  readonly models?: readonly ModelInput[];
  /** One candidate (the same as `models: [model]`). */
  readonly model?: ModelInput;
  /** Params for the registry models named. */
  readonly params?: object;
  readonly metric?: string;
  readonly folds?: number;
  readonly seed?: number;
  readonly heuristic?: RowRule | PatternRule | Predictor;
  /** A human or current-process score on the same metric, with where it comes from. */
  readonly human?: { readonly score: number; readonly source?: string };
  /** The gain over the best baseline that counts as success, in metric units (from the framing card). */
  readonly minGain?: number;
  readonly resamples?: number;
  readonly card?: FramingCard;
}

export type ContenderKind = "baseline" | "heuristic" | "human" | "model";

export interface Contender {
  readonly name: string;
  readonly kind: ContenderKind;
  readonly score: number;
  readonly low: number;
  readonly high: number;
  readonly foldScores: readonly number[];
  readonly source?: string;
}

export interface BaselineData {
  readonly target: string;
  readonly metric: string;
  readonly greaterIsBetter: boolean;
  readonly folds: number;
  readonly contenders: readonly Contender[];
  readonly bestBaseline: string;
  readonly bestModel: string;
  readonly gain: { readonly value: number; readonly low: number; readonly high: number };
  readonly normalizedGain: { readonly value: number; readonly low: number; readonly high: number };
  readonly rule: string;
  readonly beats: boolean;
}

const ANALYSIS = "baseline";
const NORMALIZED_GAIN = 0.1;

export async function baseline(data: DataInput, options: BaselineOptions = {}): Promise<Result<BaselineData>> {
  const dataset = await resolveData(data);
  const number = numberOption(ANALYSIS);
  checkOptions(ANALYSIS, options, {
    target: columnOf(ANALYSIS, dataset),
    models: (v, o) => {
      if (!Array.isArray(v) || v.length === 0) throw message.badOption(ANALYSIS, o, v, "a list of model names, e.g. logistic,gbdt");
    },
    metric: () => {},
    folds: number,
    seed: number,
    heuristic: () => {},
    human: (v, o) => {
      if (v === null || typeof v !== "object" || typeof (v as { score?: unknown }).score !== "number") throw message.badOption(ANALYSIS, o, v, "{ score: number, source?: string }");
    },
    minGain: number,
    resamples: number,
    model: () => {},
    params: () => {},
    card: () => {},
  });
  const targetName = options.target ?? dataset.roles.target;
  if (targetName === undefined) throw message.badOption(ANALYSIS, "target", undefined, "the column to predict (--target COL)");
  if (dataset.nRows === 0) throw message.emptyData(dataset.meta.name ? `"${dataset.meta.name}"` : "the data");
  const target = targetOf(dataset, targetName);
  const spec = metric(options.metric ?? framedMetric(options.card, target.kind) ?? defaultMetric(target.kind), target.kind);
  const minGain = options.minGain ?? framedMinGain(options.card, target.kind);
  const human = options.human ?? framedHuman(options.card, target.kind);
  const seed = options.seed ?? 0;
  const plan = planFolds(ANALYSIS, dataset, target, { folds: options.folds, seed }, options.card);
  const folds = plan.folds;
  const candidates = options.models ?? (options.model !== undefined ? [options.model] : [undefined]);
  const predictors: { predictor: Predictor; kind: ContenderKind }[] = [
    ...baselinesFor(target.kind, seed).map((predictor) => ({ predictor, kind: "baseline" as const })),
    ...(options.heuristic ? [{ predictor: toPredictor(options.heuristic), kind: "heuristic" as const }] : []),
    ...candidates.map((model) => ({ predictor: chooseModel(ANALYSIS, { model, params: options.params }, dataset, targetName).predictor, kind: "model" as const })),
  ];
  const progress = new Progress("comparing with baselines", predictors.length * folds.length);
  const resamples = options.resamples ?? (dataset.nRows > 20_000 ? 200 : 1000);
  const random = new Random(seed);
  const scored: (Contender & { oof?: Predictions; resampled?: Float64Array })[] = [];
  // Every contender runs on the same folds, so the out-of-fold truth and the resampled rows are the same for all.
  let truth: Target | undefined;
  let draws: Int32Array[] = [];
  for (const { predictor, kind } of predictors) {
    const runs = await runFolds(dataset, targetName, predictor, folds, { withProba: spec.needs === "proba", progress });
    const collected = collect(runs, dataset.nRows);
    if (truth === undefined) {
      truth = collected.truth;
      const n = collected.rows.length;
      draws = Array.from({ length: resamples }, () => Int32Array.from({ length: n }, () => random.int(n)));
    }
    const oof = collected.predictions;
    const observed = truth;
    const resampled = Float64Array.from(draws, (rows) => spec.compute(subsetTarget(observed, rows), subsetPredictions(oof, rows)));
    const sorted = Float64Array.from(resampled.filter((v) => !Number.isNaN(v))).sort();
    scored.push({
      name: predictor.name,
      kind,
      score: spec.compute(observed, oof),
      low: quantileSorted(sorted, 0.025),
      high: quantileSorted(sorted, 0.975),
      foldScores: runs.map((r) => spec.compute(r.truth, r.predictions)),
      oof,
      resampled,
    });
  }
  progress.finish();
  if (human) scored.push({ name: "human", kind: "human", score: human.score, low: human.score, high: human.score, foldScores: [], ...(human.source ? { source: human.source } : {}) });
  const better = (a: number, b: number) => (spec.greaterIsBetter ? a > b : a < b);
  const pick = (kinds: ContenderKind[]) => scored.filter((c) => kinds.includes(c.kind)).reduce((best, c) => (better(c.score, best.score) ? c : best));
  const bestBaseline = pick(["baseline", "heuristic", "human"]);
  const bestModel = pick(["model"]);
  const direction = spec.greaterIsBetter ? 1 : -1;
  const room = direction * (spec.perfect - bestBaseline.score);
  const gains = Float64Array.from(bestModel.resampled!, (m, i) => direction * (m - (bestBaseline.resampled ? bestBaseline.resampled[i] : bestBaseline.score)));
  const gain = summary(direction * (bestModel.score - bestBaseline.score), gains);
  const normalizedGain = summary(gain.value / room, gains.map((g) => g / room));
  const rule =
    minGain !== undefined
      ? `a gain of at least ${formatCell(minGain)} ${spec.name} (the framing card's minimum) with its interval above zero`
      : `a normalized gain (model − baseline) / (perfect − baseline) of at least ${NORMALIZED_GAIN} with its interval above zero`;
  const beats = minGain !== undefined ? gain.value >= minGain && gain.low > 0 : normalizedGain.value >= NORMALIZED_GAIN && normalizedGain.low > 0;
  const contenders: Contender[] = scored.map(({ oof: _oof, resampled: _resampled, ...c }) => c);
  const baselineData: BaselineData = { target: targetName, metric: spec.name, greaterIsBetter: spec.greaterIsBetter, folds: folds.length, contenders, bestBaseline: bestBaseline.name, bestModel: bestModel.name, gain, normalizedGain, rule, beats };
  return createResult({
    kind: "baseline-comparison",
    version: 1,
    title: `Baselines for ${targetName} (${spec.name}, ${folds.length}-fold)`,
    verdict: verdictOf(baselineData, spec),
    notes: notesOf(baselineData),
    table: {
      columns: ["contender", "kind", spec.name, "95% CI", "per-fold range"],
      rows: contenders.map((c) => [
        c.name,
        c.kind,
        c.score,
        c.kind === "human" ? (c.source ?? "given") : `${formatCell(c.low)} to ${formatCell(c.high)}`,
        c.foldScores.length ? `${formatCell(Math.min(...c.foldScores))} to ${formatCell(Math.max(...c.foldScores))}` : null,
      ]),
    },
    chart: baselineChart(baselineData),
    data: baselineData,
    seed,
    datasets: [{ name: dataset.meta.name ?? "data", hash: dataset.contentHash(), rows: dataset.nRows }],
  });
}

function baselinesFor(task: "classification" | "regression", seed: number): Predictor[] {
  const names = task === "classification" ? ["random", "stratified", "zero-rule"] : ["random", "zero-rule"];
  const predictors = names.map((name) => asPredictor(pipelineFor(name, { seed })));
  if (task === "regression") predictors.push({ ...asPredictor(pipelineFor("zero-rule", { statistic: "median" })), name: "zero-rule (median)" });
  return predictors;
}

function toPredictor(h: RowRule | PatternRule | Predictor): Predictor {
  return typeof h === "object" && "fit" in h ? h : heuristic(h);
}

function summary(value: number, draws: Float64Array): { value: number; low: number; high: number } {
  const sorted = Float64Array.from(draws.filter((v) => Number.isFinite(v))).sort();
  return { value, low: quantileSorted(sorted, 0.025), high: quantileSorted(sorted, 0.975) };
}

function verdictOf(d: BaselineData, spec: MetricSpec): Verdict {
  const model = d.contenders.find((c) => c.name === d.bestModel)!;
  const base = d.contenders.find((c) => c.name === d.bestBaseline)!;
  const numbers =
    `${d.bestModel} scores ${spec.name} ${formatCell(model.score)} (95% CI ${formatCell(model.low)} to ${formatCell(model.high)}) against ${formatCell(base.score)} for the best baseline, ${d.bestBaseline}; ` +
    `gain ${formatCell(d.gain.value)} (${formatCell(d.gain.low)} to ${formatCell(d.gain.high)}), normalized gain ${formatCell(d.normalizedGain.value)} (${formatCell(d.normalizedGain.low)} to ${formatCell(d.normalizedGain.high)})`;
  return d.beats
    ? { level: "ok", text: `${d.bestModel} beats the baselines: ${numbers}, which meets ${d.rule}.` }
    : {
        level: "fail",
        text:
          `${d.bestModel} does not beat the baselines convincingly: ${numbers}; success needs ${d.rule}. ` +
          (base.kind === "baseline"
            ? "A model that cannot beat a naive baseline has not learned anything useful yet."
            : `It adds nothing measurable over the ${base.kind === "human" ? "human baseline" : "hand-written rule"}: keep the simpler solution, or give the model information the ${base.kind === "human" ? "people" : "rule"} do not have.`),
      };
}

function notesOf(d: BaselineData): string[] {
  const notes: string[] = [];
  const zeroRule = d.contenders.find((c) => c.name === "zero-rule");
  if (zeroRule && d.metric === "accuracy" && zeroRule.score > 0.8) {
    notes.push(`The zero rule alone reaches accuracy ${formatCell(zeroRule.score)}: one class dominates, so also judge the model by balanced accuracy or per-class recall.`);
  }
  const human = d.contenders.find((c) => c.kind === "human");
  if (human) notes.push(`Human or current-process baseline: ${formatCell(human.score)}${human.source ? ` (${human.source})` : ""}.`);
  return notes;
}
