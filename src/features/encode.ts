/**
 * Category encoders. One-hot: an indicator column per training category, with rare
 * categories pooled into one "(rare)" column and categories never seen in training
 * mapped to all zeros (or the rare column), never to an error. Ordinal (label
 * encoding): the category's index in training order, NaN for missing or unseen ones.
 */
import { type Column, MISSING_CODE } from "../data/column.js";
import type { Dataset } from "../data/dataset.js";
import { categoryCounts } from "../data/summary.js";
import { message } from "../messages.js";
import { replaceColumns } from "./replace.js";
import { selectColumns, type FittedStep, type Step } from "./step.js";

export interface OneHotParams {
  readonly columns?: readonly string[];
  /** Categories seen fewer times than this (a count ≥ 1, or a share < 1) go to the "(rare)" column. */
  readonly minFrequency?: number;
  /** Keep at most this many categories per column (the most frequent); the rest are rare. */
  readonly maxCategories?: number;
}

/** `pooled`: how many training categories went to "(rare)" (absent in pipelines saved before it was kept). */
type Levels = Record<string, { readonly levels: readonly string[]; readonly rare: boolean; readonly missing: boolean; readonly pooled?: number }>;

export class OneHot implements Step<OneHotParams> {
  readonly step = "one-hot";
  constructor(readonly params: OneHotParams = {}) {}

  fit(data: Dataset): FittedStep {
    const levels: Levels = {};
    for (const name of selectColumns(data, this.params.columns, ["category"])) {
      const column = categoryColumn(data, name, "one-hot");
      const { counts, missing } = categoryCounts(column.codes, column.dictionary.length);
      const present = column.codes.length - missing;
      const minFrequency = this.params.minFrequency ?? 1;
      const threshold = minFrequency < 1 ? minFrequency * present : minFrequency;
      const order = Array.from(counts.keys()).filter((c) => counts[c] > 0).sort((a, b) => counts[b] - counts[a]);
      const kept = order.filter((c, rank) => counts[c] >= threshold && rank < (this.params.maxCategories ?? Infinity));
      levels[name] = { levels: kept.map((c) => column.dictionary[c]), rare: kept.length < order.length, missing: missing > 0, pooled: order.length - kept.length };
    }
    return fittedOneHot(this.params, levels);
  }
}

export function fittedOneHot(params: OneHotParams, levels: Levels): FittedStep {
  return {
    step: "one-hot",
    transform(data) {
      const replacements = new Map<string, (readonly [string, Column])[]>();
      for (const [name, spec] of Object.entries(levels)) {
        const column = categoryColumn(data, name, "one-hot");
        const n = column.codes.length;
        const position = new Map(spec.levels.map((label, i) => [label, i]));
        const outputs = spec.levels.map(() => new Float64Array(n));
        const rare = new Float64Array(n);
        const missing = new Float64Array(n);
        // Map this data's codes to training positions once, not per row.
        const mapped = column.dictionary.map((label) => position.get(label) ?? -1);
        for (let i = 0; i < n; i++) {
          const code = column.codes[i];
          if (code === MISSING_CODE) missing[i] = 1;
          else if (mapped[code] >= 0) outputs[mapped[code]][i] = 1;
          else if (spec.rare) rare[i] = 1;
        }
        const out: (readonly [string, Column])[] = spec.levels.map((label, i) => [`${name}=${label}`, { type: "number", values: outputs[i] }] as const);
        if (spec.rare) out.push([`${name}=(rare)`, { type: "number", values: rare }]);
        if (spec.missing) out.push([`${name}=(missing)`, { type: "number", values: missing }]);
        replacements.set(name, out);
      }
      return replaceColumns(data, replacements);
    },
    toJSON: () => ({ step: "one-hot", params, state: levels }),
  };
}

/** A one-hot column that kept only its most frequent categories and pooled the rest into "(rare)". */
export interface PooledColumn {
  readonly column: string;
  readonly kept: number;
  readonly pooled: number;
}

/**
 * The columns whose categories a fitted pipeline's one-hot steps cut at `maxCategories`,
 * for a note beside a result (pooling a handful of rare categories needs no note).
 */
export function pooledCategories(steps: readonly FittedStep[]): PooledColumn[] {
  return steps
    .filter((s) => s.step === "one-hot")
    .flatMap((s) => {
      const { params, state } = s.toJSON() as { params: OneHotParams; state: Levels };
      return Object.entries(state)
        .filter(([, spec]) => (spec.pooled ?? 0) > 0 && spec.levels.length === params.maxCategories)
        .map(([column, spec]) => ({ column, kept: spec.levels.length, pooled: spec.pooled! }));
    });
}

/**
 * The columns a one-hot encoding of `column` adds, before fitting: its present
 * categories up to `maxCategories`, a "(rare)" column when some are pooled, and a
 * "(missing)" column when values are missing. Rare-by-frequency pooling is ignored, so
 * this is an upper bound, which is what a memory check needs.
 */
export function oneHotWidth(column: Column, maxCategories = Infinity): number {
  if (column.type !== "category") return 1;
  const { counts, missing } = categoryCounts(column.codes, column.dictionary.length);
  let present = 0;
  for (let c = 0; c < counts.length; c++) if (counts[c] > 0) present++;
  return Math.min(present, maxCategories) + (present > maxCategories ? 1 : 0) + (missing > 0 ? 1 : 0);
}

export interface OrdinalParams {
  readonly columns?: readonly string[];
}

export class Ordinal implements Step<OrdinalParams> {
  readonly step = "ordinal";
  constructor(readonly params: OrdinalParams = {}) {}

  fit(data: Dataset): FittedStep {
    const dictionaries: Record<string, readonly string[]> = {};
    for (const name of selectColumns(data, this.params.columns, ["category"])) {
      const column = categoryColumn(data, name, "ordinal");
      const { counts } = categoryCounts(column.codes, column.dictionary.length);
      dictionaries[name] = column.dictionary.filter((_, c) => counts[c] > 0);
    }
    return fittedOrdinal(this.params, dictionaries);
  }
}

export function fittedOrdinal(params: OrdinalParams, dictionaries: Record<string, readonly string[]>): FittedStep {
  return {
    step: "ordinal",
    transform(data) {
      const replacements = new Map<string, (readonly [string, Column])[]>();
      for (const [name, dictionary] of Object.entries(dictionaries)) {
        const column = categoryColumn(data, name, "ordinal");
        const position = new Map(dictionary.map((label, i) => [label, i]));
        const mapped = column.dictionary.map((label) => position.get(label) ?? NaN);
        const values = Float64Array.from(column.codes, (code) => (code === MISSING_CODE ? NaN : mapped[code]));
        replacements.set(name, [[name, { type: "number", values }]]);
      }
      return replaceColumns(data, replacements);
    },
    toJSON: () => ({ step: "ordinal", params, state: dictionaries }),
  };
}

export function categoryColumn(data: Dataset, name: string, step: string) {
  const column = data.column(name);
  if (column.type !== "category") throw message.badOption(step, "columns", name, "category columns");
  return column;
}
