/**
 * Target encoding: each category becomes the mean target of its training rows, shrunk
 * towards the overall mean when the category is small (m-estimate: (n·mean + m·prior) /
 * (n + m)). On training rows the encoding is out-of-fold: each row is encoded by a
 * model of the other folds, so it never sees its own label (the leak the book warns
 * about). Multiclass targets get one column per class.
 */
// @ts-nocheck

import { type Column, MISSING_CODE } from "../data/column.js";
import type { Dataset } from "../data/dataset.js";
import { kFold } from "../data/splits/kfold.js";
import { message } from "../messages.js";
import type { Target } from "../models/contract.js";
import { categoryColumn } from "./encode.js";
import { replaceColumns } from "./replace.js";
import { selectColumns, type FittedStep, type Step } from "./step.js";

export interface TargetEncodeParams {
  readonly columns?: readonly string[];
  /** m: how many rows' worth of weight the overall mean gets. Default 10. */
  readonly smoothing?: number;
  readonly folds?: number;
  readonly seed?: number;
}

/** Per column: the encoded value(s) of each training category, plus the prior for unseen ones. */
type Encodings = Record<string, { readonly labels: readonly string[]; readonly values: readonly number[][]; readonly prior: readonly number[] }>;

interface TargetEncodeState {
  readonly outputs: readonly string[];
  readonly encodings: Encodings;
}

export class TargetEncode implements Step<TargetEncodeParams> {
  readonly step = "target-encode";
  constructor(readonly params: TargetEncodeParams = {}) {}

  fit(data: Dataset, y?: Target): FittedStep {
    const target = requireTarget(y);
    const rows = Int32Array.from({ length: data.nRows }, (_, i) => i);
    return fittedTargetEncode(this.params, learn(data, target, rows, this.columns(data), this.params.smoothing ?? 10));
  }

  fitTransform(data: Dataset, y?: Target): { fitted: FittedStep; transformed: Dataset } {
    const target = requireTarget(y);
    const columns = this.columns(data);
    const smoothing = this.params.smoothing ?? 10;
    const fitted = this.fit(data, target);
    const state = (fitted.toJSON().state as TargetEncodeState);
    const outputs = new Map<string, Float64Array[]>(columns.map((name) => [name, state.outputs.map(() => new Float64Array(data.nRows))]));
    for (const { train, test } of kFold(data.nRows, this.params.folds ?? 5, { shuffle: true, seed: this.params.seed ?? 0 })) {
      const foldState = learn(data, target, train, columns, smoothing);
      for (const name of columns) encodeRows(data, name, foldState.encodings[name], test, outputs.get(name)!);
    }
    const replacements = new Map(columns.map((name) => [name, outputColumns(name, state.outputs, outputs.get(name)!)]));
    return { fitted, transformed: replaceColumns(data, replacements) };
  }

  private columns(data: Dataset): string[] {
    return selectColumns(data, this.params.columns, ["category"]);
  }
}

function requireTarget(y: Target | undefined): Target {
  if (!y) throw message.badOption("target-encode", "target", undefined, "a target: target encoding learns from the labels");
  return y;
}

/** What each output column is the mean of: the target, or membership of each class (one column for two classes). */
function targetChannels(y: Target): { outputs: string[]; value: (row: number, channel: number) => number } {
  if (y.kind === "regression") return { outputs: [""], value: (row) => y.values[row] };
  if (y.classes.length === 2) return { outputs: [""], value: (row) => (y.codes[row] === 1 ? 1 : 0) };
  return { outputs: y.classes.map((c) => ` → ${c}`), value: (row, channel) => (y.codes[row] === channel ? 1 : 0) };
}

function learn(data: Dataset, y: Target, rows: Int32Array, columns: readonly string[], smoothing: number): TargetEncodeState {
  const { outputs, value } = targetChannels(y);
  const prior = outputs.map((_, ch) => rows.reduce((s, r) => s + value(r, ch), 0) / rows.length);
  const encodings: Encodings = {};
  for (const name of columns) {
    const column = categoryColumn(data, name, "target-encode");
    const k = column.dictionary.length;
    const counts = new Float64Array(k);
    const sums = outputs.map(() => new Float64Array(k));
    for (const r of rows) {
      const code = column.codes[r];
      if (code === MISSING_CODE) continue;
      counts[code]++;
      outputs.forEach((_, ch) => (sums[ch][code] += value(r, ch)));
    }
    const seen = Array.from(counts.keys()).filter((c) => counts[c] > 0);
    encodings[name] = {
      labels: seen.map((c) => column.dictionary[c]),
      values: seen.map((c) => outputs.map((_, ch) => (sums[ch][c] + smoothing * prior[ch]) / (counts[c] + smoothing))),
      prior,
    };
  }
  return { outputs, encodings };
}

function encodeRows(data: Dataset, name: string, encoding: Encodings[string], rows: ArrayLike<number>, out: Float64Array[]): void {
  const column = categoryColumn(data, name, "target-encode");
  const position = new Map(encoding.labels.map((label, i) => [label, i]));
  const mapped = column.dictionary.map((label) => position.get(label) ?? -1);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const code = column.codes[r];
    const p = code === MISSING_CODE ? -1 : mapped[code];
    out.forEach((o, ch) => (o[r] = p >= 0 ? encoding.values[p][ch] : encoding.prior[ch]));
  }
}

function outputColumns(name: string, outputs: readonly string[], values: Float64Array[]): (readonly [string, Column])[] {
  return outputs.map((suffix, ch) => [`${name}${suffix}`, { type: "number", values: values[ch] }] as const);
}

export function fittedTargetEncode(params: TargetEncodeParams, state: TargetEncodeState): FittedStep {
  return {
    step: "target-encode",
    transform(data) {
      const all = Int32Array.from({ length: data.nRows }, (_, i) => i);
      const replacements = new Map<string, (readonly [string, Column])[]>();
      for (const [name, encoding] of Object.entries(state.encodings)) {
        const out = state.outputs.map(() => new Float64Array(data.nRows));
        encodeRows(data, name, encoding, all, out);
        replacements.set(name, outputColumns(name, state.outputs, out));
      }
      return replaceColumns(data, replacements);
    },
    toJSON: () => ({ step: "target-encode", params, state }),
  };
}
