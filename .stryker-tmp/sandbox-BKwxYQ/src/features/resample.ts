/**
 * Rebalancing the classes of the training rows: random undersampling of the larger classes,
 * random oversampling of the smaller ones, and SMOTE (Chawla et al. 2002), which synthesises
 * a minority row on the segment between a minority row and one of its k nearest minority
 * neighbours. Samplers act in `Pipeline.fit` only, so they never touch validation or test
 * rows; put SMOTE after the encoders and scalers, since it needs numbers and distances.
 */
// @ts-nocheck

import type { Column } from "../data/column.js";
import { Dataset } from "../data/dataset.js";
import { message } from "../messages.js";
import type { Target } from "../models/contract.js";
import { nearestK } from "../util/nearest.js";
import { Random } from "../util/random.js";
import type { FittedStep, Step } from "./step.js";

export interface SamplerParams {
  /** Each class's rows after sampling, as a share of the largest (oversampling, SMOTE) or smallest (undersampling) class. Default 1: balanced. */
  readonly ratio?: number;
  readonly seed?: number;
}

export interface SmoteParams extends SamplerParams {
  /** Neighbours to interpolate towards. Default 5. */
  readonly k?: number;
}

type ClassTarget = Extract<Target, { kind: "classification" }>;

/**
 * The classes a sampler rebalances. Row weights are refused: rebalancing and weights both
 * change how much each class counts, and combining them would count it twice.
 */
function classesToRebalance(step: string, y: Target, weights: Float64Array | undefined): ClassTarget {
  if (weights) throw message.badOption(step, "sampleWeight", "row weights", `no row weights with ${step}: resampling and row weights both rebalance; use one`);
  if (y.kind !== "classification") throw message.badOption(step, "target", "a numeric target", "a class column: resampling balances classes");
  return y;
}

function ratioOf(step: string, params: SamplerParams): number {
  const ratio = params.ratio ?? 1;
  if (!(ratio > 0 && ratio <= 1)) throw message.badOption(step, "ratio", params.ratio, "a share in (0, 1]");
  return ratio;
}

function rowsByClass(y: ClassTarget): number[][] {
  const rows: number[][] = y.classes.map(() => []);
  y.codes.forEach((code, row) => rows[code].push(row));
  return rows;
}

/** A sampler's fitted form: nothing learned, rows passed through at prediction time. */
export function passThrough(step: string, params: unknown): FittedStep {
  return { step, transform: (data) => data, toJSON: () => ({ step, params, state: null }) };
}

function takeWithTarget(data: Dataset, y: ClassTarget, rows: ArrayLike<number>): { data: Dataset; y: Target } {
  return { data: data.take(rows), y: { kind: "classification", classes: y.classes, codes: Int32Array.from(rows, (r) => y.codes[r]) } };
}

export class UnderSample implements Step<SamplerParams> {
  readonly step = "under-sample";
  constructor(readonly params: SamplerParams = {}) {}

  fit(): FittedStep {
    return passThrough(this.step, this.params);
  }

  resample(data: Dataset, target: Target, weights?: Float64Array): { data: Dataset; y: Target } {
    const y = classesToRebalance(this.step, target, weights);
    const byClass = rowsByClass(y).filter((rows) => rows.length > 0);
    const keep = Math.ceil(Math.min(...byClass.map((rows) => rows.length)) / ratioOf(this.step, this.params));
    const random = new Random(this.params.seed ?? 0);
    const kept = byClass.flatMap((rows) => (rows.length <= keep ? rows : [...random.shuffle(Int32Array.from(rows)).subarray(0, keep)]));
    return takeWithTarget(data, y, Int32Array.from(kept).sort());
  }
}

export class OverSample implements Step<SamplerParams> {
  readonly step = "over-sample";
  constructor(readonly params: SamplerParams = {}) {}

  fit(): FittedStep {
    return passThrough(this.step, this.params);
  }

  resample(data: Dataset, target: Target, weights?: Float64Array): { data: Dataset; y: Target } {
    const y = classesToRebalance(this.step, target, weights);
    const byClass = rowsByClass(y);
    const goal = Math.floor(Math.max(...byClass.map((rows) => rows.length)) * ratioOf(this.step, this.params));
    const random = new Random(this.params.seed ?? 0);
    const extra = byClass.flatMap((rows) => (rows.length === 0 ? [] : Array.from({ length: Math.max(0, goal - rows.length) }, () => rows[random.int(rows.length)])));
    return takeWithTarget(data, y, [...y.codes.keys(), ...extra]);
  }
}

export class Smote implements Step<SmoteParams> {
  readonly step = "smote";
  constructor(readonly params: SmoteParams = {}) {}

  fit(): FittedStep {
    return passThrough(this.step, this.params);
  }

  resample(data: Dataset, target: Target, weights?: Float64Array): { data: Dataset; y: Target } {
    const y = classesToRebalance(this.step, target, weights);
    const k = this.params.k ?? 5;
    if (!Number.isInteger(k) || k < 1) throw message.badOption(this.step, "k", this.params.k, "a whole number ≥ 1");
    const columns = data.names.map((name) => {
      const column = data.column(name);
      if (column.type !== "number") throw message.badOption(this.step, "columns", name, "numbers only: put SMOTE after the encoders and the imputer");
      return column.values;
    });
    const byClass = rowsByClass(y);
    const goal = Math.floor(Math.max(...byClass.map((rows) => rows.length)) * ratioOf(this.step, this.params));
    const random = new Random(this.params.seed ?? 0);
    const synthetic: number[][] = columns.map(() => []);
    const syntheticCodes: number[] = [];
    byClass.forEach((rows, code) => {
      const needed = goal - rows.length;
      if (needed <= 0 || rows.length === 0) return;
      if (rows.length < 2) throw message.badOption(this.step, "target", `one row of class "${y.classes[code]}"`, "at least two rows of each class to interpolate between");
      const neighbours = nearestWithin(columns, rows, Math.min(k, rows.length - 1));
      for (let s = 0; s < needed; s++) {
        const i = random.int(rows.length);
        const choices = neighbours[i];
        const j = choices[random.int(choices.length)];
        const gap = random.float();
        columns.forEach((values, c) => synthetic[c].push(values[rows[i]] + gap * (values[rows[j]] - values[rows[i]])));
        syntheticCodes.push(code);
      }
    });
    const grown = new Dataset(
      data.names.map((name, c) => {
        const values = new Float64Array(data.nRows + syntheticCodes.length);
        values.set(columns[c]);
        values.set(synthetic[c], data.nRows);
        return [name, { type: "number", values } satisfies Column] as const;
      }),
      data.roles,
      data.meta,
      data.nRows + syntheticCodes.length,
    );
    const codes = new Int32Array(data.nRows + syntheticCodes.length);
    codes.set(y.codes);
    codes.set(syntheticCodes, data.nRows);
    return { data: grown, y: { kind: "classification", classes: y.classes, codes } };
  }
}

/** For each of `rows`, the positions (in `rows`) of its k nearest others by Euclidean distance. */
function nearestWithin(columns: readonly Float64Array[], rows: readonly number[], k: number): Int32Array[] {
  const m = rows.length;
  const points = new Float64Array(m * columns.length);
  rows.forEach((row, i) => columns.forEach((values, c) => (points[i * columns.length + c] = values[row])));
  const distances = new Float64Array(m);
  return rows.map((_, i) => {
    for (let j = 0; j < m; j++) {
      let d = 0;
      for (let c = 0; c < columns.length; c++) d += (points[i * columns.length + c] - points[j * columns.length + c]) ** 2;
      distances[j] = j === i ? Infinity : d;
    }
    const nearest = new Int32Array(k);
    nearestK(distances, k, nearest, new Float64Array(k));
    return nearest;
  });
}
