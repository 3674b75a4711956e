/**
 * What crosses to a worker thread of the fitting pool (src/validate/pool.ts): a data set
 * as typed columns over SharedArrayBuffers (copied once per run, then shared by every
 * worker without another copy), and an unfitted pipeline as its spec (each step's name
 * and params, the model's registry name and params), rebuilt in the worker with the same
 * constructors, so it fits the same numbers as the original.
 */
import type { Column } from "../data/column.js";
import { Dataset, type DatasetMeta, type Roles } from "../data/dataset.js";
import { Pipeline, type PipelineOptions } from "../features/pipeline.js";
import type { Step } from "../features/step.js";
import { Bucketize, DateToYear, Impute, Mixup, OneHot, Ordinal, OverSample, Scale, Smote, TargetEncode, TemplateText, TextVectorize, UnderSample } from "../features/steps.js";
import { createModel } from "../models/registry.js";

const STEPS: Record<string, new (params: any) => Step> = {
  impute: Impute,
  "one-hot": OneHot,
  ordinal: Ordinal,
  scale: Scale,
  "target-encode": TargetEncode,
  bucketize: Bucketize,
  "under-sample": UnderSample,
  "over-sample": OverSample,
  smote: Smote,
  mixup: Mixup,
  "template-text": TemplateText,
  "text-vectorize": TextVectorize,
  "date-to-year": DateToYear,
};

export interface PipelineSpec {
  readonly steps: readonly { readonly step: string; readonly params: unknown }[];
  readonly model: { readonly name: string; readonly params: unknown };
  readonly options: PipelineOptions;
}

/**
 * The spec of `pipeline`, or undefined when a worker could not rebuild the very same
 * pipeline: a subclass of Pipeline, a step or a model of the user's own class, or params
 * holding functions or class instances (a template function of TemplateText, say), or the
 * MLP. Such a pipeline is fitted in the calling thread.
 */
export function pipelineSpec(pipeline: Pipeline): PipelineSpec | undefined {
  if (pipeline.constructor !== Pipeline) return undefined;
  const steps = [];
  for (const step of pipeline.steps) {
    if (STEPS[step.step] === undefined || step.constructor !== STEPS[step.step] || !plain(step.params)) return undefined;
    steps.push({ step: step.step, params: step.params });
  }
  const model = pipeline.model;
  // The MLP trains with TensorFlow.js, whose backend and threads are per process and untested inside worker threads: it fits here.
  if (model.model === "mlp") return undefined;
  try {
    if (createModel(model.model, (model.params ?? {}) as object).constructor !== model.constructor) return undefined;
  } catch {
    return undefined;
  }
  if (!plain(model.params) || !plain(pipeline.options)) return undefined;
  return { steps, model: { name: model.model, params: model.params }, options: pipeline.options };
}

export function pipelineOf(spec: PipelineSpec): Pipeline {
  return new Pipeline(
    spec.steps.map((s) => new STEPS[s.step](s.params)),
    createModel(spec.model.name, (spec.model.params ?? {}) as object),
    spec.options,
  );
}

/** Data that survives structured cloning unchanged: primitives, arrays, plain objects, typed arrays. */
function plain(value: unknown, depth = 0): boolean {
  if (depth > 20) return false;
  if (value === null || value === undefined) return true;
  const type = typeof value;
  if (type === "string" || type === "number" || type === "boolean") return true;
  if (type !== "object") return false;
  if (ArrayBuffer.isView(value)) return true;
  if (Array.isArray(value)) return value.every((v) => plain(v, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value as object).every((v) => plain(v, depth + 1));
}

export interface PackedColumn {
  readonly name: string;
  readonly type: Column["type"];
  readonly values: Float64Array | Int32Array;
  readonly dictionary?: readonly string[];
}

export interface PackedDataset {
  readonly columns: readonly PackedColumn[];
  readonly roles: Roles;
  readonly meta: DatasetMeta;
  readonly nRows: number;
}

/** The columns copied into SharedArrayBuffers: posting the result to a worker shares them, it does not copy. */
export function packDataset(dataset: Dataset): PackedDataset {
  const columns = dataset.names.map((name): PackedColumn => {
    const column = dataset.column(name);
    if (column.type === "category") {
      const codes = new Int32Array(new SharedArrayBuffer(column.codes.byteLength));
      codes.set(column.codes);
      return { name, type: "category", values: codes, dictionary: column.dictionary };
    }
    const values = new Float64Array(new SharedArrayBuffer(column.values.byteLength));
    values.set(column.values);
    return { name, type: column.type, values };
  });
  return { columns, roles: dataset.roles, meta: dataset.meta, nRows: dataset.nRows };
}

export function unpackDataset(packed: PackedDataset): Dataset {
  const columns = packed.columns.map((c): [string, Column] => [
    c.name,
    c.type === "category" ? { type: "category", codes: c.values as Int32Array, dictionary: c.dictionary! } : { type: c.type, values: c.values as Float64Array },
  ]);
  return new Dataset(columns, packed.roles, packed.meta, packed.nRows);
}
