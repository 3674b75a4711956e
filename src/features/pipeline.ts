/**
 * A pipeline: feature steps then a model, fitted together on training rows only, and
 * applied together to any rows. It is the unit every analysis fits inside each fold,
 * so no statistic of a test row ever reaches training.
 */
import type { Dataset } from "../data/dataset.js";
import type { Matrix } from "../data/matrix.js";
import { message } from "../messages.js";
import type { FittedModel, Model, SavedModel, Target, Task } from "../models/contract.js";
import { loadModel } from "../models/registry.js";
import type { FittedStep, SavedStep, Step } from "./step.js";
import { loadStep } from "./steps.js";
import { inputSchemaOf, type InputSchema } from "./input-schema.js";
import { targetOf } from "./target.js";
import { toMatrix } from "./to-matrix.js";

export interface PipelineOptions {
  /** Input columns to use; default every column without a role (target, time, group, weight, predictions). */
  readonly features?: readonly string[];
  readonly task?: Task;
}

export interface SavedPipeline {
  readonly format: "litml-pipeline";
  readonly version: number;
  readonly target: string;
  readonly inputs: readonly string[];
  readonly steps: readonly SavedStep[];
  readonly model: SavedModel;
  /** The inputs' types and training categories (absent in pipelines saved before it was kept). */
  readonly schema?: InputSchema;
}

const VERSION = 1;

export class Pipeline {
  constructor(
    readonly steps: readonly Step[],
    readonly model: Model,
    readonly options: PipelineOptions = {},
  ) {}

  /** `warmStart`: this pipeline fitted earlier on similar rows, for its model to start from (see FitOptions). */
  async fit(data: Dataset, targetName: string, fitOptions: { sampleWeight?: ArrayLike<number>; warmStart?: FittedPipeline } = {}): Promise<FittedPipeline> {
    return (await this.prepare(data, targetName, fitOptions)).fit(this.model, fitOptions.warmStart?.model);
  }

  /**
   * Fits the feature steps only, on these rows: the prepared matrix then fits any model
   * (the pipeline's own, or the same model with other params) without refitting the steps,
   * which is what a search over a model's params needs from each fold.
   */
  async prepare(data: Dataset, targetName: string, fitOptions: { sampleWeight?: ArrayLike<number> } = {}): Promise<PreparedPipeline> {
    const originalTarget = targetOf(data, targetName, this.options.task);
    let target = originalTarget;
    const inputs = this.options.features ?? featureColumns(data, targetName);
    let current = data.select(inputs);
    const given = fitOptions.sampleWeight ?? (data.roles.weight ? weightsOf(data, data.roles.weight) : undefined);
    let sampleWeight: Float64Array | undefined = given ? Float64Array.from(given) : undefined;
    const fitted: FittedStep[] = [];
    for (const step of this.steps) {
      if (step.resample) {
        ({ data: current, y: target, weights: sampleWeight } = step.resample(current, target, sampleWeight));
        fitted.push(step.fit(current, target));
      } else if (step.fitTransform) {
        const result = step.fitTransform(current, target);
        fitted.push(result.fitted);
        current = result.transformed;
      } else {
        const f = step.fit(current, target);
        fitted.push(f);
        current = f.transform(current);
      }
    }
    const schema = inputSchemaOf(data.select(inputs));
    return new PreparedPipeline(targetName, originalTarget, inputs, fitted, toMatrix(current, current.names), target, sampleWeight, schema);
  }
}

/** A pipeline's fitted steps and the matrix they made of the training rows, ready for a model. */
export class PreparedPipeline {
  constructor(
    readonly targetName: string,
    readonly originalTarget: Target,
    readonly inputs: readonly string[],
    readonly steps: readonly FittedStep[],
    readonly X: Matrix,
    readonly y: Target,
    readonly sampleWeight: Float64Array | undefined,
    readonly schema?: InputSchema,
  ) {}

  async fit(model: Model, warmStart?: FittedModel): Promise<FittedPipeline> {
    const fitted = await model.fit(this.X, this.y, { sampleWeight: this.sampleWeight, warmStart });
    return new FittedPipeline(this.targetName, this.originalTarget, this.inputs, this.steps, fitted, this.schema);
  }

  /** The matrix any model fitted from here sees for these rows. */
  features(data: Dataset): Matrix {
    let current = data.select(this.inputs);
    for (const step of this.steps) current = step.transform(current);
    return toMatrix(current, this.X.names);
  }
}

export class FittedPipeline {
  constructor(
    readonly targetName: string,
    /** The target of the rows it was fitted on, as the model read it (not kept when saved). */
    readonly trainingTarget: Target | undefined,
    readonly inputs: readonly string[],
    readonly steps: readonly FittedStep[],
    readonly model: FittedModel,
    /** What each input is (type, training categories): the contract a prediction server checks rows against. */
    readonly schema?: InputSchema,
  ) {}

  get task(): Task {
    return this.model.task;
  }

  get classes(): readonly string[] | undefined {
    return this.model.task === "classification" ? this.model.classes : undefined;
  }

  /** The matrix the model sees for these rows. */
  features(data: Dataset): Matrix {
    let current = data.select(this.inputs);
    for (const step of this.steps) current = step.transform(current);
    return toMatrix(current, this.model.features);
  }

  /** Class codes (into `classes`) or numbers. */
  predict(data: Dataset): Int32Array | Float64Array {
    return this.model.predict(this.features(data));
  }

  predictProba(data: Dataset): Matrix {
    if (this.model.task !== "classification") throw message.badOption("predictProba", "model", this.model.model, "a classifier");
    return this.model.predictProba(this.features(data));
  }

  /** The target of these rows, coded with the classes seen in training. */
  targetOf(data: Dataset): Target {
    const target = targetOf(data, this.targetName, this.model.task);
    if (target.kind === "regression" || this.model.task !== "classification") return target;
    // Re-code through a small table (this data's class code → the training classes' code), not per row.
    const index = new Map(this.model.classes.map((c, i) => [c, i]));
    const remap = Int32Array.from(target.classes, (label) => index.get(label) ?? -1);
    const codes = new Int32Array(target.codes.length);
    for (let i = 0; i < codes.length; i++) codes[i] = remap[target.codes[i]];
    return { kind: "classification", codes, classes: this.model.classes };
  }

  toJSON(): SavedPipeline {
    return {
      format: "litml-pipeline",
      version: VERSION,
      target: this.targetName,
      inputs: this.inputs,
      steps: this.steps.map((s) => s.toJSON()),
      model: this.model.toJSON(),
      ...(this.schema === undefined ? {} : { schema: this.schema }),
    };
  }
}

export function loadPipeline(saved: unknown): FittedPipeline {
  const s = saved as SavedPipeline;
  if (s?.format !== "litml-pipeline") throw message.badSavedModel('it is not a litml pipeline (no format: "litml-pipeline")');
  if (s.version !== VERSION) throw message.badSavedModel(`it was saved as pipeline version ${s.version}; this litml reads version ${VERSION}`);
  return new FittedPipeline(s.target, undefined, s.inputs, s.steps.map(loadStep), loadModel(s.model), s.schema);
}

/** Every column that is neither the target nor given another role. */
export function featureColumns(data: Dataset, target: string): string[] {
  const { time, group, weight, prediction } = data.roles;
  const excluded = new Set([target, time, group, weight, ...(prediction ?? [])].filter((x): x is string => x !== undefined));
  return data.names.filter((name) => !excluded.has(name));
}

function weightsOf(data: Dataset, name: string): Float64Array {
  const column = data.column(name);
  if (column.type !== "number") throw message.badOption("pipeline", "weight", name, "a numeric weight column");
  return column.values;
}
