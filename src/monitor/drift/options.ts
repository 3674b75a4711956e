import { FittedPipeline } from "../../features/pipeline.js";
import { defineOptions } from "../../options/schema.js";
import type { DriftOptions } from "./types.js";

export const DRIFT_OPTIONS = defineOptions<DriftOptions>("drift", {
  columns: { kind: "columns", help: "the columns to compare", default: "all of the reference's" },
  largeSample: { kind: "number", min: 1, whole: true, help: "reference rows from which effect sizes replace tests", default: "1000" },
  threshold: { kind: "number", min: 0, help: "effect size that counts as drift", default: "0.1" },
  psi: { kind: "flag", help: "also report the population stability index" },
  model: { kind: "value", expected: "a fitted pipeline (await litml.pipelineFor(name).fit(data, target))", test: (v) => v instanceof FittedPipeline, help: "a fitted pipeline whose predictions are compared too, as {expr}" },
  seed: { kind: "number", min: 0, whole: true, help: "seed for the permutations that size a category's sampling noise", default: "0" },
});
