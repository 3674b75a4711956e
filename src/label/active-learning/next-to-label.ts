/**
 * nextToLabel(model, pool): the rows of a real unlabelled pool to label next, chosen by a
 * fitted pipeline's doubt, by spread over the feature space, by both, or at random. Rows
 * of the pool that already carry a label (and rows passed as `labelled`) are never picked,
 * and diversity keeps away from them.
 */
import { isMissing } from "../../data/column.js";
import { type DataInput, resolveData } from "../../data/convert.js";
import type { Dataset } from "../../data/dataset.js";
import { stackRows } from "../../data/stack.js";
import { FittedPipeline } from "../../features/pipeline.js";
import { message } from "../../messages.js";
import { Random } from "../../util/random.js";
import { standardizedSpace } from "./space.js";
import { closerTo, coreSetPicks, distanceFromCentre, topByScore, uncertaintyScores } from "./strategies.js";
import { STRATEGIES, UNCERTAINTIES, type NextToLabelData, type NextToLabelOptions } from "./types.js";

const ANALYSIS = "nextToLabel";

export async function computeNextToLabel(model: unknown, poolInput: DataInput, options: NextToLabelOptions): Promise<{ data: NextToLabelData; pool: Dataset; unlabelled: Int32Array }> {
  if (!(model instanceof FittedPipeline)) throw message.badOption(ANALYSIS, "model", typeof model === "string" ? model : (model as object)?.constructor?.name ?? model, "a fitted pipeline (await pipeline.fit(labelled, target), or a saved one loaded with loadPipeline)");
  if (model.task !== "classification") throw message.badOption(ANALYSIS, "model", model.model.model, "a classifier (active learning reads class probabilities)");
  const pool = await resolveData(poolInput, "POOL");
  const strategy = options.strategy ?? "combined";
  if (!STRATEGIES.includes(strategy)) throw message.badOption(ANALYSIS, "strategy", strategy, STRATEGIES.map((s) => `"${s}"`).join(", "));
  const uncertainty = options.uncertainty ?? "margin";
  if (!UNCERTAINTIES.includes(uncertainty)) throw message.badOption(ANALYSIS, "uncertainty", uncertainty, UNCERTAINTIES.map((s) => `"${s}"`).join(", "));
  const batch = options.batch ?? 10;
  if (!Number.isInteger(batch) || batch < 1) throw message.badOption(ANALYSIS, "batch", batch, "a whole number ≥ 1");
  const shortlist = options.shortlist ?? 10;
  for (const name of model.inputs) pool.column(name);
  // Rows of the pool whose label is already known are labelled rows, not candidates.
  const known: number[] = [];
  const open: number[] = [];
  const targetColumn = pool.has(model.targetName) ? pool.column(model.targetName) : undefined;
  for (let r = 0; r < pool.nRows; r++) (targetColumn && !isMissing(targetColumn, r) ? known : open).push(r);
  const unlabelled = Int32Array.from(open);
  if (unlabelled.length === 0) throw message.badOption(ANALYSIS, "pool", `${pool.nRows} rows, all labelled`, `rows whose "${model.targetName}" is missing (the rows still to label)`);
  const size = Math.min(batch, unlabelled.length);
  const features = pool.select(model.inputs);
  const extra = options.labelled === undefined ? undefined : (await resolveData(options.labelled as DataInput, "labelled")).select(model.inputs);
  const candidates = features.take(unlabelled);
  const scores = uncertaintyScores(model.predictProba(candidates), uncertainty);
  let picks: Int32Array;
  if (strategy === "random") picks = new Random(options.seed ?? 0).permutation(unlabelled.length).subarray(0, size);
  else if (strategy === "uncertainty") picks = topByScore(scores, size);
  else {
    const reference = [features.take(Int32Array.from(known)), ...(extra ? [extra] : [])];
    const others = reference.filter((d) => d.nRows > 0);
    const stacked = others.length > 0 ? stackRows([candidates, ...others], model.inputs) : candidates;
    const [space] = standardizedSpace(stacked);
    const labelledRows = Int32Array.from({ length: stacked.nRows - candidates.nRows }, (_, i) => candidates.nRows + i);
    const among = strategy === "diversity" ? Int32Array.from({ length: candidates.nRows }, (_, i) => i) : topByScore(scores, shortlist * size);
    const nearest = new Float64Array(space.rows).fill(Infinity);
    if (labelledRows.length > 0) closerTo(space, among, nearest, labelledRows);
    else distanceFromCentre(space, among).forEach((d, i) => (nearest[among[i]] = d));
    picks = coreSetPicks(space, among, nearest, size);
  }
  const classes = model.classes ?? [];
  const guesses = model.predict(candidates.take(picks)) as Int32Array;
  return {
    data: {
      strategy,
      uncertainty,
      model: model.model.model,
      poolRows: unlabelled.length,
      rows: Array.from(picks, (i) => unlabelled[i]),
      scores: Array.from(picks, (i) => scores[i]),
      guesses: Array.from(guesses, (g) => classes[g] ?? String(g)),
    },
    pool,
    unlabelled,
  };
}
