/**
 * learningCurve(DATA, { target }): would more data help? Training and validation scores
 * on growing subsets, a power law with an irreducible floor fitted to the validation
 * error (weighted by its spread over folds), and a verdict that agrees with the points:
 * whether the curve still rises, whether the success value is already reached or lies
 * beyond the floor, and otherwise about how many rows would reach it.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { createResult, type Result } from "../../result.js";
import { learningCurveChart } from "./chart.js";
import { computeLearningCurve } from "./compute.js";
import { LEARNING_CURVE_OPTIONS } from "./options.js";
import type { LearningCurveData, LearningCurveOptions } from "./types.js";
import { learningCurveVerdict } from "./verdict.js";

export type { CurvePoint, LearningCurveData, LearningCurveOptions, PowerLaw, RowsNeeded } from "./types.js";

export async function learningCurve(data: DataInput, options: LearningCurveOptions = {}): Promise<Result<LearningCurveData>> {
  const dataset = await resolveData(data);
  LEARNING_CURVE_OPTIONS.check(options, dataset);
  const d = await computeLearningCurve(dataset, options);
  const { verdict, notes } = learningCurveVerdict(d);
  return createResult({
    kind: "learning-curve",
    version: 2,
    title: `Learning curve of ${d.model} for ${d.target} (${d.metric})`,
    verdict,
    notes: [...d.notes, ...notes],
    table: {
      columns: ["training rows", `train ${d.metric}`, "± (sd over folds)", `validation ${d.metric}`, "± (sd over folds)"],
      rows: d.points.map((p) => [p.size, p.train, p.trainStd, p.validation, p.validationStd]),
    },
    chart: learningCurveChart(d),
    data: d,
    seed: options.seed ?? 0,
    datasets: [dataset.provenance()],
  });
}
