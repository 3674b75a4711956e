/**
 * Weak supervision, measured: apply the labeling functions, summarise the label matrix
 * (Snorkel's LFAnalysis), fit a Dawid–Skene label model without gold labels, and, where gold
 * labels exist, score each function, the label model and majority vote on them, and train
 * the end model on weak labels against gold labels.
 */
import { valueAt } from "../../data/column.js";
import type { Dataset } from "../../data/dataset.js";
import { featureColumns } from "../../features/pipeline.js";
import { message } from "../../messages.js";
import { fitLabelModel, majorityVote } from "../../stats/label-model.js";
import { fitMatrixCompletion } from "../../stats/matrix-completion.js";
import { Random } from "../../util/random.js";
import { labelingFunctionsOf } from "../functions.js";
import { endModelCost, isIdentifier, scored } from "./end-model.js";
import { labelMatrix, summarizeMatrix } from "./label-matrix.js";
import type { FunctionSummary, LabelingData, LabelingOptions } from "./types.js";

export const ANALYSIS = "labeling";
/** Gradient steps of the matrix completion: Snorkel's default 100 stop short of the answer on clear-cut functions (perfect ones learn 0.9); 500 cost milliseconds. */
const MATRIX_COMPLETION_STEPS = 500;

function goldCodes(dataset: Dataset, column: string, classes: readonly string[]): Int32Array {
  const col = dataset.column(column);
  const index = new Map(classes.map((c, y) => [c, y]));
  return Int32Array.from({ length: dataset.nRows }, (_, i) => {
    const v = valueAt(col, i);
    return v === null ? -1 : (index.get(String(v)) ?? -1);
  });
}

function goldClasses(dataset: Dataset, column: string): string[] {
  const col = dataset.column(column);
  const seen = new Set<string>();
  for (let i = 0; i < dataset.nRows; i++) {
    const v = valueAt(col, i);
    if (v !== null) seen.add(String(v));
  }
  return [...seen].sort();
}

export async function computeLabeling(dataset: Dataset, options: LabelingOptions): Promise<LabelingData> {
  const lfs = labelingFunctionsOf(options.lfs);
  if (lfs === undefined || lfs.length === 0) throw message.labelingNoFunctions(ANALYSIS, options.lfs);
  const names = new Set<string>();
  for (const f of lfs) {
    if (names.has(f.name)) throw message.labelingDuplicateName(ANALYSIS, f.name);
    names.add(f.name);
    if (f.column !== undefined && !dataset.has(f.column)) throw message.labelingMissingColumn(ANALYSIS, f.name, f.column, dataset.names);
  }
  const goldNames = options.gold !== undefined ? goldClasses(dataset, options.gold) : undefined;
  if (options.gold !== undefined && goldNames!.length < 2) throw message.labelingGoldOneClass(ANALYSIS, options.gold, goldNames![0]);
  const classes = options.classes ?? goldNames;
  const matrix = await labelMatrix(ANALYSIS, dataset, lfs, classes);
  const { votes, n, m } = matrix;
  const k = matrix.classes.length;
  if (k < 2) throw message.labelingOneClass(ANALYSIS, matrix.classes);
  const summary = summarizeMatrix(votes, n, m);
  if (options.classBalance !== undefined && options.classBalance.length !== k) throw message.badOption(ANALYSIS, "classBalance", options.classBalance, `${k} positive shares, one per class (${matrix.classes.join(", ")})`);
  const method = options.method ?? "matrix-completion";
  const model =
    method === "dawid-skene"
      ? fitLabelModel(votes, n, m, k, { classBalance: options.classBalance })
      : { ...fitMatrixCompletion(votes, n, m, k, { classBalance: options.classBalance, epochs: MATRIX_COMPLETION_STEPS }), iterations: MATRIX_COMPLETION_STEPS, converged: true };
  const covered = new Uint8Array(n);
  for (let j = 0; j < m; j++) for (let i = 0; i < n; i++) if (votes[j * n + i] >= 0) covered[i] = 1;
  const weak = Int32Array.from(model.predictions, (y, i) => (covered[i] ? y : -1));
  const gold = options.gold !== undefined ? goldCodes(dataset, options.gold, matrix.classes) : undefined;
  const functions: FunctionSummary[] = lfs.map((f, j) => {
    let right = 0;
    let voted = 0;
    if (gold) {
      for (let i = 0; i < n; i++) {
        const v = votes[j * n + i];
        if (v < 0 || gold[i] < 0) continue;
        voted++;
        if (v === gold[i]) right++;
      }
    }
    return {
      name: f.name,
      kind: f.kind,
      description: f.description,
      polarity: summary.polarity[j].map((y) => matrix.classes[y]),
      coverage: summary.coverage[j],
      overlap: summary.overlap[j],
      conflict: summary.conflict[j],
      learnedAccuracy: model.accuracies[j],
      ...(gold ? { gold: scored(right, voted) } : {}),
      errors: matrix.errors[j],
    };
  });
  const base = {
    rows: n,
    classes: matrix.classes,
    functions,
    coverage: summary.labelCoverage,
    overlap: summary.labelOverlap,
    conflict: summary.labelConflict,
    labelModel: { method, priors: Object.fromEntries(matrix.classes.map((c, y) => [c, model.priors[y]])), iterations: model.iterations, converged: model.converged },
    threw: matrix.threw,
    alwaysAbstain: functions.filter((f) => f.coverage === 0).map((f) => f.name),
  };
  const labels = Array.from(weak, (y) => (y >= 0 ? matrix.classes[y] : null));
  // One label per row is for training on, not for reading: kept off the result's JSON (a result stays small at any row count).
  const withLabels = (d: Omit<LabelingData, "labels">): LabelingData => Object.defineProperty(d, "labels", { value: labels, enumerable: false }) as LabelingData;
  if (!gold || options.gold === undefined) return withLabels(base);
  const majority = majorityVote(votes, n, m, k, new Random(options.seed ?? 0));
  let goldRows = 0;
  let rows = 0;
  let ties = 0;
  const tallies = { model: 0, majority: 0 };
  const tied = new Uint8Array(n);
  // Rows where the majority had to break a tie: the top count shared.
  for (let i = 0; i < n; i++) {
    if (!covered[i]) continue;
    const tally = new Int32Array(k);
    for (let j = 0; j < m; j++) if (votes[j * n + i] >= 0) tally[votes[j * n + i]]++;
    const top = Math.max(...tally);
    tied[i] = tally.filter((t) => t === top).length > 1 ? 1 : 0;
  }
  for (let i = 0; i < n; i++) {
    if (gold[i] < 0) continue;
    goldRows++;
    if (!covered[i]) continue;
    rows++;
    ties += tied[i];
    if (weak[i] === gold[i]) tallies.model++;
    if (majority.predictions[i] === gold[i]) tallies.majority++;
  }
  const features = options.features ?? featureColumns(dataset, options.gold).filter((f) => !isIdentifier(dataset, f));
  const endModel = rows > 0 && features.length > 0 ? await endModelCost(ANALYSIS, { dataset, features, classes: matrix.classes, gold, weak }, options) : undefined;
  return withLabels({
    ...base,
    gold: { column: options.gold, rows: goldRows, covered: rows, labelModel: scored(tallies.model, rows), majorityVote: scored(tallies.majority, rows), ties },
    ...(endModel ? { endModel } : {}),
  });
}
