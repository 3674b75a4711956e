/**
 * Rows unlike the rest, by three detectors that look differently: an isolation forest
 * (rows that random splits isolate quickly), the distance to the k-th nearest neighbour,
 * and the reconstruction error from the principal components that hold 90% of the
 * variance. Each puts its top `contamination` share to the vote, which flags that many rows
 * on any data, clean or not; so a row is an outlier only when it is also extreme beyond what
 * the bulk of the data predicts (its robust Mahalanobis distance past the χ² cut, Bonferroni-
 * corrected over the rows) and at least one detector agrees. Rows two detectors flag that are
 * not extreme are kept as candidates. With a target, the model's out-of-fold errors tell an *edge case*
 * (a row the model gets badly wrong) from an outlier (a row unlike the others).
 */
import type { Dataset } from "../../data/dataset.js";
import type { Matrix } from "../../data/matrix.js";
import { formatCell, formatFigures } from "../../display/format.js";
import { Impute, OneHot, Scale } from "../../features/steps.js";
import { targetOf } from "../../features/target.js";
import { toMatrix } from "../../features/to-matrix.js";
import { message } from "../../messages.js";
import { buildKdTree, queryKdTree } from "../../models/kdtree.js";
import { Progress } from "../../runtime/context.js";
import { wilson } from "../../stats/intervals.js";
import { chooseModel } from "../../validate/model.js";
import { outOfFold } from "../../validate/out-of-fold.js";
import { planFolds } from "../../validate/plan.js";
import { labelledRows } from "../../validate/target.js";
import { isolationForestScores } from "./isolation-forest.js";
import { extremeness } from "./extremeness.js";
import { pcaReconstructionErrors } from "./pca.js";
import type { EdgeCaseSummary, OutlierRow, OutliersData, OutliersOptions } from "./types.js";

const ANALYSIS = "outliers";
/** The Bonferroni-corrected χ² tail probability below which a row is extreme. */
const EXTREME = 0.05;

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

export async function computeOutliers(raw: Dataset, options: OutliersOptions): Promise<OutliersData> {
  const notes: string[] = [];
  const target = options.target;
  // With a target, only labelled rows can be edge cases; they are the rows examined, numbered as given.
  const labelled = target === undefined ? undefined : labelledRows(ANALYSIS, raw, target);
  if (labelled?.note) notes.push(labelled.note);
  const dataset = labelled?.dataset ?? raw;
  const rowNumber = (r: number) => (labelled ? labelled.rows[r] : r);
  const candidates = options.columns ?? dataset.names.filter((n) => n !== target);
  const features = candidates.filter((n) => dataset.column(n).type !== "date");
  const dates = candidates.filter((n) => !features.includes(n));
  if (!features.some((n) => dataset.column(n).type === "number")) throw message.noNumericColumns(ANALYSIS, candidates);
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
  const extreme = extremeness(X);
  const isExtreme = (r: number) => extreme.adjustedPValue[r] < EXTREME;
  // The χ² test is a fourth judge: an outlier needs two of the four, the χ² test among them.
  // (A tight cluster of planted rows hides from the neighbour distance, not from the χ² test.)
  const isCandidate = Uint8Array.from(votes, (v, r) => (v >= 2 || (v >= 1 && isExtreme(r)) ? 1 : 0));
  const isOutlier = Uint8Array.from(votes, (v, r) => (v >= 1 && isExtreme(r) ? 1 : 0));

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
    ({ edge, edgeCases } = edgeCasesOf(n, tested, actual, predicted, isOutlier));
  }

  const means = Float64Array.from({ length: X.cols }, (_, c) => X.data.subarray(c * n, (c + 1) * n).reduce((a, b) => a + b, 0) / n);
  // A one-hot column below its mean only says "not this category": not worth naming.
  const describe = (r: number) =>
    Array.from({ length: X.cols }, (_, c) => c)
      .filter((c) => !X.names[c].includes("=") || X.data[c * n + r] > means[c])
      .sort((a, b) => Math.abs(X.data[b * n + r] - means[b]) - Math.abs(X.data[a * n + r] - means[a]))
      .slice(0, 3)
      // A table cell (the row listing): 4 figures, like every table.
      .map((c) => `${X.names[c]} (z = ${formatCell(X.data[c * n + r] - means[c])})`)
      .join(", ");
  const flaggedRows = Array.from({ length: n }, (_, r) => r)
    .filter((r) => isCandidate[r])
    .sort((a, b) => isOutlier[b] - isOutlier[a] || votes[b] - votes[a] || isolation[b] - isolation[a])
    .slice(0, 200);
  const flagged: OutlierRow[] = flaggedRows.map((r) => ({
    row: rowNumber(r),
    isolation: isolation[r],
    distance: distance[r],
    reconstruction: reconstruction[r],
    votes: votes[r],
    robustDistance: extreme.distance[r],
    adjustedPValue: extreme.adjustedPValue[r],
    outlier: isOutlier[r] === 1,
    unusual: describe(r),
    ...(edge ? { edgeCase: edge[r] === 1 } : {}),
  }));
  const statusOf = (r: number) => (isOutlier[r] ? (edge?.[r] ? "outlier, mispredicted" : "outlier") : edge?.[r] ? "edge case, not an outlier" : "ordinary");
  const every = Math.max(1, Math.floor(n / 1500));
  const sampled = Array.from({ length: n }, (_, r) => r).filter((r) => isOutlier[r] || edge?.[r] || r % every === 0).slice(0, 3000);
  return {
    rows: n,
    features,
    dates,
    contamination,
    k,
    components,
    outliers: isOutlier.reduce((a, b) => a + b, 0),
    candidates: isCandidate.reduce((a, b) => a + b, 0),
    df: extreme.df,
    flagged,
    sample: sampled.map((r) => ({ isolation: Math.round(isolation[r] * 1e4) / 1e4, distance: Math.round(distance[r] * 1e3) / 1e3, status: statusOf(r) })),
    ...(model ? { model } : {}),
    ...(edgeCases ? { edgeCases } : {}),
    notes,
  };
}

type OutOfFold = Awaited<ReturnType<typeof outOfFold>>;

/** Edge cases among the tested rows (never the untested earliest rows of time-ordered folds), split by outlier status. */
function edgeCasesOf(n: number, tested: Int32Array, actual: OutOfFold["truth"], predicted: OutOfFold["predictions"], isOutlier: Uint8Array): { edge: Uint8Array; edgeCases: EdgeCaseSummary } {
  const rowErrors =
    actual.kind === "classification"
      ? Float64Array.from(actual.codes, (code, i) => (code === predicted.labels![i] ? 0 : 1))
      : Float64Array.from(actual.values, (v, i) => Math.abs(v - predicted.values![i]));
  const meanError = rowErrors.reduce((a, b) => a + b, 0) / rowErrors.length;
  const definition = actual.kind === "classification" ? "misclassified" : `an error of at least ${formatFigures(3 * meanError)}, 3 × the mean absolute error`;
  const edge = new Uint8Array(n);
  tested.forEach((row, i) => (edge[row] = actual.kind === "classification" ? rowErrors[i] : rowErrors[i] >= 3 * meanError ? 1 : 0));
  const tally = (outlier: 0 | 1) => {
    let rows = 0;
    let errors = 0;
    for (const r of tested) if (isOutlier[r] === outlier) [rows, errors] = [rows + 1, errors + edge[r]];
    return { rows, errors };
  };
  const out = tally(1);
  const inl = tally(0);
  const outInterval = wilson(out.errors, out.rows);
  const inInterval = wilson(inl.errors, inl.rows);
  return {
    edge,
    edgeCases: {
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
    },
  };
}
