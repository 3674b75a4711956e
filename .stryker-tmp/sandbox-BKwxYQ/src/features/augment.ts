/**
 * Data augmentation as pipeline samplers, acting on training rows only.
 *
 * Mixup (Zhang et al. 2018): each new row blends two training rows, x = λ·x_i + (1 − λ)·x_j
 * with λ drawn from Beta(α, α). For numbers the target blends the same way. For classes the
 * blended label is carried by two copies of the row, weighted λ and 1 − λ, one with each
 * label: cross-entropy is linear in the label distribution, so this is exactly training on
 * the soft label. Put it after the encoders and the scaler, like SMOTE.
 *
 * Template text: new labelled texts for a text column, each a template of its class with
 * its {slots} filled from word lists; the other columns of a new row are missing.
 */
// @ts-nocheck

import type { Column } from "../data/column.js";
import { MISSING_CODE } from "../data/column.js";
import { Dataset } from "../data/dataset.js";
import { message } from "../messages.js";
import type { Target } from "../models/contract.js";
import { Random } from "../util/random.js";
import { passThrough } from "./resample.js";
import type { FittedStep, Step } from "./step.js";

export interface MixupParams {
  /** Beta(α, α) for λ; small α keeps most blends close to one of the two rows. Default 0.2. */
  readonly alpha?: number;
  /** New rows per training row. Default 1. */
  readonly copies?: number;
  readonly seed?: number;
}

/** Gamma(shape, 1) by Marsaglia and Tsang (2000); shapes below 1 by the boost Gamma(a + 1)·U^(1/a). */
function gamma(random: Random, shape: number): number {
  if (shape < 1) return gamma(random, shape + 1) * random.float() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = random.normal();
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = random.float();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

export function betaSample(random: Random, a: number, b: number): number {
  const x = gamma(random, a);
  return x / (x + gamma(random, b));
}

export class Mixup implements Step<MixupParams> {
  readonly step = "mixup";
  constructor(readonly params: MixupParams = {}) {}

  fit(): FittedStep {
    return passThrough(this.step, this.params);
  }

  resample(data: Dataset, y: Target, weights?: Float64Array): { data: Dataset; y: Target; weights: Float64Array } {
    const alpha = this.params.alpha ?? 0.2;
    const copies = this.params.copies ?? 1;
    if (!(alpha > 0)) throw message.badOption(this.step, "alpha", this.params.alpha, "a number > 0");
    if (!Number.isInteger(copies) || copies < 1) throw message.badOption(this.step, "copies", this.params.copies, "a whole number ≥ 1");
    const columns = data.names.map((name) => {
      const column = data.column(name);
      if (column.type !== "number") throw message.badOption(this.step, "columns", name, "numbers only: put mixup after the encoders and the imputer");
      return column.values;
    });
    const n = data.nRows;
    const random = new Random(this.params.seed ?? 0);
    const perMix = y.kind === "classification" ? 2 : 1;
    const total = n + n * copies * perMix;
    const out = columns.map((values) => {
      const grown = new Float64Array(total);
      grown.set(values);
      return grown;
    });
    const rowWeights = new Float64Array(total);
    for (let i = 0; i < n; i++) rowWeights[i] = weights ? weights[i] : 1;
    const codes = y.kind === "classification" ? new Int32Array(total) : undefined;
    const values = y.kind === "regression" ? new Float64Array(total) : undefined;
    if (codes && y.kind === "classification") codes.set(y.codes);
    if (values && y.kind === "regression") values.set(y.values);
    let at = n;
    for (let copy = 0; copy < copies; copy++) {
      for (let i = 0; i < n; i++) {
        const j = random.int(n);
        const lambda = betaSample(random, alpha, alpha);
        const base = (weights ? (weights[i] + weights[j]) / 2 : 1);
        for (let k = 0; k < perMix; k++) out.forEach((grown, c) => (grown[at + k] = lambda * columns[c][i] + (1 - lambda) * columns[c][j]));
        if (codes && y.kind === "classification") {
          codes[at] = y.codes[i];
          rowWeights[at] = base * lambda;
          codes[at + 1] = y.codes[j];
          rowWeights[at + 1] = base * (1 - lambda);
        } else if (values && y.kind === "regression") {
          values[at] = lambda * y.values[i] + (1 - lambda) * y.values[j];
          rowWeights[at] = base;
        }
        at += perMix;
      }
    }
    const grownData = new Dataset(data.names.map((name, c) => [name, { type: "number", values: out[c] } satisfies Column] as const), data.roles, data.meta, total);
    const grownTarget: Target = codes ? { kind: "classification", classes: (y as Extract<Target, { kind: "classification" }>).classes, codes } : { kind: "regression", values: values! };
    return { data: grownData, y: grownTarget, weights: rowWeights };
  }
}

export interface TemplateTextParams {
  /** The text column the new rows fill. */
  readonly column: string;
  /** Templates per class, with {slot} placeholders. */
  readonly templates: Readonly<Record<string, readonly string[]>>;
  /** Words for each slot. */
  readonly slots: Readonly<Record<string, readonly string[]>>;
  /** New rows per class that has templates. Default 50. */
  readonly perClass?: number;
  readonly seed?: number;
}

export class TemplateText implements Step<TemplateTextParams> {
  readonly step = "template-text";
  constructor(readonly params: TemplateTextParams) {}

  fit(): FittedStep {
    return passThrough(this.step, this.params);
  }

  resample(data: Dataset, y: Target, weights?: Float64Array): { data: Dataset; y: Target; weights?: Float64Array } {
    const { column, templates, slots } = this.params;
    const perClass = this.params.perClass ?? 50;
    if (y.kind !== "classification") throw message.badOption(this.step, "target", "a numeric target", "a class column: templates are written per class");
    const text = data.column(column);
    if (text.type !== "category") throw message.badOption(this.step, "column", column, "a text column");
    const unknown = Object.keys(templates).filter((label) => !y.classes.includes(label));
    if (unknown.length) throw message.badOption(this.step, "templates", unknown.join(", "), `templates for the classes ${y.classes.map((c) => `"${c}"`).join(", ")}`);
    const random = new Random(this.params.seed ?? 0);
    const fill = (template: string) =>
      template.replace(/\{(\w+)\}/g, (_, slot: string) => {
        const words = slots[slot];
        if (!words?.length) throw message.badOption(this.step, "slots", slot, `words for every {slot} the templates use`);
        return words[random.int(words.length)];
      });
    const texts: string[] = [];
    const labels: number[] = [];
    for (const [label, list] of Object.entries(templates)) {
      for (let k = 0; k < perClass && list.length > 0; k++) {
        texts.push(fill(list[random.int(list.length)]));
        labels.push(y.classes.indexOf(label));
      }
    }
    const n = data.nRows;
    const total = n + texts.length;
    const dictionary = [...text.dictionary];
    const index = new Map(dictionary.map((t, i) => [t, i]));
    const newCodes = texts.map((t) => index.get(t) ?? (index.set(t, dictionary.push(t) - 1), dictionary.length - 1));
    const grown = new Dataset(
      data.names.map((name) => {
        const col = data.column(name);
        if (name === column) {
          const codes = new Int32Array(total);
          codes.set(text.codes);
          codes.set(newCodes, n);
          return [name, { type: "category", codes, dictionary } satisfies Column] as const;
        }
        if (col.type === "category") {
          const codes = new Int32Array(total).fill(MISSING_CODE);
          codes.set(col.codes);
          return [name, { type: "category", codes, dictionary: col.dictionary } satisfies Column] as const;
        }
        const values = new Float64Array(total).fill(NaN);
        values.set(col.values);
        return [name, { type: col.type, values } as Column] as const;
      }),
      data.roles,
      data.meta,
      total,
    );
    const codes = new Int32Array(total);
    codes.set(y.codes);
    codes.set(labels, n);
    const grownWeights = weights ? Float64Array.from({ length: total }, (_, i) => (i < n ? weights[i] : 1)) : undefined;
    return { data: grown, y: { kind: "classification", classes: y.classes, codes }, ...(grownWeights ? { weights: grownWeights } : {}) };
  }
}
