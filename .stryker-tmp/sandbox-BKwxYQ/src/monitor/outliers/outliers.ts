/**
 * outliers(DATA): rows unlike the rest, by three detectors that look differently: an
 * isolation forest (rows that random splits isolate quickly), the distance to the k-th
 * nearest neighbour, and the reconstruction error from the principal components that hold
 * 90% of the variance. A row is an outlier when at least two of the three put it in their
 * top `contamination` share. With a target, the model's out-of-fold errors add the book's
 * distinction: an *edge case* is a row the model gets badly wrong, an outlier is a row
 * unlike the others, and the two overlap less than one expects.
 */
// @ts-nocheck

import { outliersChart } from "../../charts/outliers.js";
import { type DataInput, resolveData } from "../../data/convert.js";
import type { Dataset } from "../../data/dataset.js";
import type { Matrix } from "../../data/matrix.js";
import { formatCell, formatPercent } from "../../display/format.js";
import type { FramingCard } from "../../frame/card.js";
import { OneHot, Impute, Scale } from "../../features/steps.js";
import { targetOf } from "../../features/target.js";
import { toMatrix } from "../../features/to-matrix.js";
import { message } from "../../messages.js";
import { buildKdTree, queryKdTree } from "../../models/kdtree.js";
import { checkOptions, columnOf, columnsOf, MODEL_OPTIONS, numberOption, shareOption } from "../../options.js";
import { createResult, type Result, type VerdictLevel } from "../../result.js";
import { Progress } from "../../runtime/context.js";
import { chooseModel, type ModelInput } from "../../validate/model.js";
import { outOfFold } from "../../validate/out-of-fold.js";
import { planFolds } from "../../validate/plan.js";
import { wilson } from "../../stats/intervals.js";
import { isolationForestScores } from "./isolation-forest.js";
import { pcaReconstructionErrors } from "./pca.js";

export interface OutliersOptions {
  /** With a target, the model's errors tell edge cases from harmless outliers. */
  readonly target?: string;
  readonly columns?: readonly string[];
  /** The share of rows each detector flags. Default 0.01. */
  readonly contamination?: number;
  /** Neighbours for the distance detector. Default 5. */
  readonly k?: number;
  /** A registry name (with `params`) or your own Pipeline, to find the edge cases. */
  readonly model?: ModelInput;
  readonly params?: object;
  readonly folds?: number;
  readonly seed?: number;
  readonly card?: FramingCard;
}

export interface OutlierRow {
  readonly row: number;
  readonly isolation: number;
  readonly distance: number;
  readonly reconstruction: number;
  /** How many of the three detectors flag the row. */
  readonly votes: number;
  /** The features furthest from typical, as "name = value (z = …)". */
  readonly unusual: string;
  readonly edgeCase?: boolean;
}

export interface EdgeCaseSummary {
  readonly definition: string;
  readonly outlierErrorRate: number;
  readonly outlierLow: number;
  readonly outlierHigh: number;
  readonly inlierErrorRate: number;
  readonly inlierLow: number;
  readonly inlierHigh: number;
  readonly outliersHandledWell: number;
  readonly edgeCasesAmongOutliers: number;
  readonly edgeCasesAmongInliers: number;
}

export interface OutliersData {
  readonly rows: number;
  readonly features: readonly string[];
  /** Date columns, left out: a date is a position in time, not a property to be unusual in. */
  readonly dates: readonly string[];
  readonly contamination: number;
  readonly components: number;
  readonly outliers: number;
  /** Every flagged row, most votes and highest isolation score first (at most 200). */
  readonly flagged: readonly OutlierRow[];
  /** Detector scores of a sample of rows, for the chart. */
  readonly sample: readonly { readonly isolation: number; readonly distance: number; readonly status: string }[];
  readonly model?: string;
  readonly edgeCases?: EdgeCaseSummary;
}

const ANALYSIS = "outliers";

/** The top `share` of scores, as a 0/1 flag per row. */
function topShare(scores: Float64Array, share: number): Uint8Array {
  const cut = Float64Array.from(scores).sort()[Math.max(0, Math.floor(scores.length * (1 - share)))];
  return Uint8Array.from(scores, (s) => (s >= cut ? 1 : 0));
}

/** Numbers as they are, categories one-hot, missing values imputed, everything standardised. */
function numericMatrix(data: Dataset): Matrix {
  let current = data;
  for (const step of [new Impute({ strategy: "median", indicator: false }), new OneHot({ minFrequency: 5 }), new Scale({ method: "standard" })]) current = step.fit(current).transform(current);
  return toMatrix(current, current.names);
}

function kthNeighbourDistance(X: Matrix, k: number): Float64Array {
  const tree = buildKdTree(X.data, X.rows, X.cols);
  const { distance } = queryKdTree(tree, X.data, X.rows, k + 1);
  // The nearest "neighbour" of a row is itself, at distance 0.
  return Float64Array.from({ length: X.rows }, (_, r) => Math.sqrt(distance[r * (k + 1) + k]));
}

export async function outliers(data: DataInput, options: OutliersOptions = {}): Promise<Result<OutliersData>> {
  const dataset = await resolveData(data);
  const column = columnOf(ANALYSIS, dataset);
  checkOptions(ANALYSIS, options, {
    target: column,
    columns: columnsOf(ANALYSIS, dataset),
    contamination: shareOption(ANALYSIS, "a share of rows between 0 and 0.5", 0, 0.5),
    k: numberOption(ANALYSIS, 1, true),
    model: MODEL_OPTIONS.model,
    folds: numberOption(ANALYSIS, 2, true),
    seed: numberOption(ANALYSIS, 0, true),
  });
  const target = options.target;
  const candidates = options.columns ?? dataset.names.filter((n) => n !== target);
  const features = candidates.filter((n) => dataset.column(n).type !== "date");
  const dates = candidates.filter((n) => !features.includes(n));
  if (features.length === 0) throw message.badOption(ANALYSIS, "columns", options.columns, "at least one numeric or category column");
  const n = dataset.nRows;
  const contamination = options.contamination ?? 0.01;
  const k = options.k ?? 5;
  if (n < Math.max(20, k + 2)) throw message.badOption(ANALYSIS, "DATA", `${n} rows`, `at least ${Math.max(20, k + 2)} rows`);
  const seed = options.seed ?? 0;

  const X = numericMatrix(dataset.select(features));
  const isolation = isolationForestScores(X, { seed });
  const distance = kthNeighbourDistance(X, k);
  const { errors: reconstruction, components } = pcaReconstructionErrors(X);
  const flags = [topShare(isolation, contamination), topShare(distance, contamination), topShare(reconstruction, contamination)];
  const votes = Uint8Array.from({ length: n }, (_, r) => flags[0][r] + flags[1][r] + flags[2][r]);
  const isOutlier = Uint8Array.from(votes, (v) => (v >= 2 ? 1 : 0));

  let edge: Uint8Array | undefined;
  let edgeCases: EdgeCaseSummary | undefined;
  let model: string | undefined;
  if (target !== undefined) {
    const chosen = chooseModel(ANALYSIS, options, dataset, target, { features });
    model = chosen.name;
    const truth = targetOf(dataset, target);
    const plan = planFolds(ANALYSIS, dataset, truth, { folds: options.folds, seed }, options.card);
    const progress = new Progress("predicting out of fold", plan.folds.length);
    const { rows: tested, predictions: predicted, truth: actual } = await outOfFold(dataset, target, chosen.predictor, plan, { withProba: false, progress });
    progress.finish();
    // Rows no fold tested (the earliest, in time-ordered folds) are never called edge cases.
    const rowErrors =
      actual.kind === "classification"
        ? Float64Array.from(actual.codes, (code, i) => (code === predicted.labels![i] ? 0 : 1))
        : Float64Array.from(actual.values, (v, i) => Math.abs(v - predicted.values![i]));
    const meanError = rowErrors.reduce((a, b) => a + b, 0) / rowErrors.length;
    const definition = actual.kind === "classification" ? "misclassified" : `an error of at least 3 × the mean absolute error (${formatCell(3 * meanError)})`;
    const edgeRows = new Uint8Array(n);
    tested.forEach((row, i) => (edgeRows[row] = actual.kind === "classification" ? rowErrors[i] : rowErrors[i] >= 3 * meanError ? 1 : 0));
    edge = edgeRows;
    const tally = (outlier: 0 | 1) => {
      let rows = 0;
      let errors = 0;
      for (const r of tested) if (isOutlier[r] === outlier) [rows, errors] = [rows + 1, errors + edgeRows[r]];
      return { rows, errors };
    };
    const out = tally(1);
    const inl = tally(0);
    const outInterval = wilson(out.errors, out.rows);
    const inInterval = wilson(inl.errors, inl.rows);
    edgeCases = {
      definition,
      outlierErrorRate: out.rows ? out.errors / out.rows : NaN,
      outlierLow: outInterval.low,
      outlierHigh: outInterval.high,
      inlierErrorRate: inl.errors / inl.rows,
      inlierLow: inInterval.low,
      inlierHigh: inInterval.high,
      outliersHandledWell: out.rows - out.errors,
      edgeCasesAmongOutliers: out.errors,
      edgeCasesAmongInliers: inl.errors,
    };
  }

  const means = Float64Array.from({ length: X.cols }, (_, c) => X.data.subarray(c * n, (c + 1) * n).reduce((a, b) => a + b, 0) / n);
  // A one-hot column below its mean only says "not this category": not worth naming.
  const describe = (r: number) =>
    Array.from({ length: X.cols }, (_, c) => c)
      .filter((c) => !X.names![c].includes("=") || X.data[c * n + r] > means[c])
      .sort((a, b) => Math.abs(X.data[b * n + r] - means[b]) - Math.abs(X.data[a * n + r] - means[a]))
      .slice(0, 3)
      .map((c) => `${X.names![c]} (z = ${formatCell(X.data[c * n + r] - means[c])})`)
      .join(", ");
  const flaggedRows = Array.from({ length: n }, (_, r) => r)
    .filter((r) => isOutlier[r])
    .sort((a, b) => votes[b] - votes[a] || isolation[b] - isolation[a])
    .slice(0, 200);
  const flagged: OutlierRow[] = flaggedRows.map((row) => ({
    row,
    isolation: isolation[row],
    distance: distance[row],
    reconstruction: reconstruction[row],
    votes: votes[row],
    unusual: describe(row),
    ...(edge ? { edgeCase: edge[row] === 1 } : {}),
  }));
  const statusOf = (r: number) => (isOutlier[r] ? (edge?.[r] ? "outlier, mispredicted" : "outlier") : edge?.[r] ? "edge case, not an outlier" : "ordinary");
  const every = Math.max(1, Math.floor(n / 1500));
  const sampled = Array.from({ length: n }, (_, r) => r).filter((r) => isOutlier[r] || edge?.[r] || r % every === 0).slice(0, 3000);
  const outliersData: OutliersData = {
    rows: n,
    features,
    dates,
    contamination,
    components,
    outliers: isOutlier.reduce((a, b) => a + b, 0),
    flagged,
    sample: sampled.map((r) => ({ isolation: Math.round(isolation[r] * 1e4) / 1e4, distance: Math.round(distance[r] * 1e3) / 1e3, status: statusOf(r) })),
    ...(model ? { model } : {}),
    ...(edgeCases ? { edgeCases } : {}),
  };
  return createResult({
    kind: "outliers",
    version: 1,
    title: `Outliers${target ? ` and edge cases of ${model} on ${target}` : ""} (${features.length} columns)`,
    verdict: verdictOf(outliersData),
    notes: notesOf(outliersData),
    table: {
      columns: ["row", "detectors agreeing", "isolation score", "neighbour distance", "reconstruction error", "most unusual", ...(edge ? ["edge case"] : [])],
      rows: flagged.slice(0, 20).map((f) => [f.row, f.votes, f.isolation, f.distance, f.reconstruction, f.unusual, ...(edge ? [f.edgeCase ? "yes" : "no"] : [])]),
    },
    chart: outliersChart(outliersData),
    data: outliersData,
    datasets: [{ name: dataset.meta.name ?? "data", hash: dataset.contentHash(), rows: n }],
    seed,
  });
}

function verdictOf(d: OutliersData) {
  const found = `${d.outliers.toLocaleString("en-US")} of ${d.rows.toLocaleString("en-US")} rows (${formatPercent(d.outliers / d.rows)}) are outliers by at least two of three detectors`;
  const e = d.edgeCases;
  if (!e) return { level: (d.outliers > 0 ? "warn" : "ok") as VerdictLevel, text: `${found}. Look at them: data errors, rare but real cases, or a population the data barely covers.` };
  const harder = e.outlierLow > e.inlierHigh;
  return {
    level: (harder ? "warn" : "ok") as VerdictLevel,
    text:
      `${found}. ${harder ? "The model does worse on them" : "The model handles them about as well as the rest"}: ` +
      `${formatPercent(e.outlierErrorRate)} of outliers are edge cases (${e.definition}) against ${formatPercent(e.inlierErrorRate)} of other rows. ` +
      `${e.outliersHandledWell} outliers are predicted well, and ${e.edgeCasesAmongInliers} edge cases are not outliers at all: being unusual and being mispredicted are different things.`,
  };
}

function notesOf(d: OutliersData): string[] {
  return [
    `Detectors: an isolation forest (100 trees of 256 rows), the distance to the 5th nearest neighbour, and the reconstruction error from ${d.components} principal components (90% of the variance); each flags its top ${formatPercent(d.contamination)}, and a row needs two votes.`,
    "Columns are standardised and categories one-hot encoded first (missing values set to the median), so every column counts on the same scale.",
    ...(d.dates.length ? [`Date columns left out: ${d.dates.map((n) => `"${n}"`).join(", ")}; compare periods with %drift instead.`] : []),
  ];
}
