/**
 * stageAttribution(stages, DATA): for a pipeline of models (each stage's prediction an input
 * of the next), replace each stage in turn with perfect predictions (its ground truth) and
 * measure the end-to-end gain, to show which stage is worth improving.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { createResult, type Result } from "../../result.js";
import { stageAttributionChart } from "./chart.js";
import { computeStageAttribution } from "./compute.js";
import { STAGE_ATTRIBUTION_OPTIONS } from "./options.js";
import type { PipelineStage, StageAttributionData, StageAttributionOptions } from "./types.js";
import { stageAttributionNotes, stageAttributionVerdict } from "./verdict.js";

export type { PipelineStage, StageAttributionData, StageAttributionOptions, StageGain } from "./types.js";

export async function stageAttribution(stages: readonly PipelineStage[], data: DataInput, options: StageAttributionOptions = {}): Promise<Result<StageAttributionData>> {
  const dataset = await resolveData(data);
  STAGE_ATTRIBUTION_OPTIONS.check(options, dataset);
  const d = await computeStageAttribution(dataset, stages, options);
  return createResult({
    kind: "stage-attribution",
    version: 1,
    title: `Which stage to improve: ${d.stages.map((s) => s.target).join(" → ")} (${d.rows.toLocaleString("en-US")} rows)`,
    verdict: stageAttributionVerdict(d),
    notes: stageAttributionNotes(d),
    table: {
      columns: ["stage", "predicts", "model", "own score", `end-to-end ${d.metric} when perfect`, "gain", "95% CI low", "95% CI high", "share of the gap"],
      rows: [
        ["pipeline as it is", "", "", null, d.endToEnd, 0, null, null, 0],
        ...d.stages.map((s) => [s.stage, s.target, s.model, s.ownScore, s.score, s.gain, s.low, s.high, s.shareOfGap]),
      ],
    },
    chart: stageAttributionChart(d),
    data: d,
    datasets: [dataset.provenance()],
    seed: options.seed ?? 0,
  });
}
