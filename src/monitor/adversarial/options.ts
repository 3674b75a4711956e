import { defineOptions } from "../../options/schema.js";
import type { AdversarialOptions } from "./types.js";

export const ADVERSARIAL_OPTIONS = defineOptions<AdversarialOptions>("adversarial", {
  columns: { kind: "columns", help: "the columns to use", default: "every column A and B share" },
  model: { kind: "model", help: "the classifier: a registry name or a Pipeline", default: "gbdt, 50 rounds" },
  params: { kind: "params", help: "the model's params as {expr}, checked against the model's own" },
  folds: { kind: "number", min: 2, whole: true, help: "out-of-fold rounds", default: "3" },
  threshold: { kind: "number", min: 0, max: 1, help: "drift score (2·AUC − 1) from which A and B count as different", default: "0.25" },
  seed: { kind: "number", min: 0, whole: true, help: "seed for the folds and the shuffles", default: "0" },
});
