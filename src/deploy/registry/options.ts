import { defineOptions } from "../../options/schema.js";
import { STAGES } from "../../state/registry.js";
import type { ModelsOptions, RegisterOptions } from "./types.js";

export const REGISTER_OPTIONS = defineOptions<RegisterOptions>("register", {
  name: { kind: "string", help: 'the model\'s name in the registry (letters, digits, "-", "_", ".")' },
  description: { kind: "string", help: "what this version is, in a sentence", default: "none" },
  stage: { kind: "choice", choices: STAGES, help: "the new version's stage", default: "staging" },
  run: { kind: "number", min: 1, whole: true, help: "the tracked run it came from (lineage)", default: "the run of its fit, in the kernel" },
  metrics: { kind: "value", expected: "an object of metrics, e.g. { auc: 0.91 }", test: (v) => typeof v === "object" && v !== null && !Array.isArray(v), help: "metrics to keep with the version" },
  data: { kind: "data", help: "the data it was fitted on, for its fingerprint", default: "the run's data" },
});

export const MODELS_OPTIONS = defineOptions<ModelsOptions>("models", {
  name: { kind: "string", help: "only this registered model's versions", default: "every name" },
});
