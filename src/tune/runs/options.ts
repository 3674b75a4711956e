import { defineOptions } from "../../options/schema.js";
import type { RunsOptions } from "./types.js";

export const RUNS_OPTIONS = defineOptions<RunsOptions>("runs", {
  notebook: { kind: "string", help: "only the runs of this notebook", default: "every notebook" },
  kind: { kind: "string", help: "only runs of this kind (a result kind such as baseline-comparison, fit or track)", default: "every kind" },
  last: { kind: "number", min: 1, whole: true, help: "the newest this many runs", default: "50" },
  metric: { kind: "string", help: "the metric to chart across runs", default: "the one most runs have" },
  parent: { kind: "number", min: 1, whole: true, help: "list this run's parts, e.g. a search's candidates (otherwise runs that are part of another are left out)", default: "runs that are no other run's part" },
  compare: { kind: "numbers", min: 1, help: "two run ids whose params and metrics to set side by side, e.g. 3,7" },
});
