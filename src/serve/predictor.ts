/**
 * What the server calls: a fitted pipeline (or a bare fitted model, whose inputs are its
 * matrix columns, all numbers) as a schema and a function from checked rows to answers.
 */
import type { Dataset } from "../data/dataset.js";
import type { InputSchema } from "../features/input-schema.js";
import { FittedPipeline } from "../features/pipeline.js";
import { toMatrix } from "../features/to-matrix.js";
import { message } from "../messages.js";
import type { FittedModel } from "../models/contract.js";
import type { Prediction } from "./types.js";

export interface Predictor {
  readonly schema: InputSchema;
  readonly task: string;
  predict(data: Dataset): Prediction[];
}


export function predictorOf(model: FittedPipeline | FittedModel, name = "the model"): Predictor {
  const pipeline = model instanceof FittedPipeline ? model : undefined;
  const fitted = pipeline ? pipeline.model : (model as FittedModel);
  const schema: InputSchema | undefined = pipeline
    ? pipeline.schema
    : { fields: fitted.features.map((f) => ({ name: f, type: "number" as const, missing: true, min: -Infinity, max: Infinity })) };
  if (schema === undefined) throw message.noInputSchema(name);
  const matrix = (data: Dataset) => (pipeline ? pipeline.features(data) : toMatrix(data, fitted.features));
  return {
    schema,
    task: fitted.task,
    predict(data) {
      if (data.nRows === 0) return [];
      const X = matrix(data);
      if (fitted.task !== "classification") return Array.from(fitted.predict(X), (v) => ({ prediction: Number.isNaN(v) ? null : v }));
      const classes = fitted.classes;
      const proba = fitted.predictProba(X);
      const codes = fitted.predict(X);
      const n = data.nRows;
      return Array.from(codes, (code, i) => ({
        prediction: classes[code] ?? null,
        // Matrices are column-major: class k of row i is at k * n + i.
        probabilities: Object.fromEntries(classes.map((c, k) => [c, proba.data[k * n + i]])),
      }));
    },
  };
}
