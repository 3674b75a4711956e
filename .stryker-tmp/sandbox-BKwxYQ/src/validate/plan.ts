/**
 * The split policy, decided in one place for every analysis: a time column (from the
 * options or the framing card) gives time-ordered folds, a group column keeps each
 * group on one side, otherwise classes are stratified and numbers shuffled into k folds.
 * Errors name the analysis that asked, so `%slices --folds 1` blames slices.
 */
// @ts-nocheck

import type { Dataset } from "../data/dataset.js";
import { type Fold } from "../data/splits/fold.js";
import { groupKFold } from "../data/splits/group-kfold.js";
import { kFold, stratifiedKFold } from "../data/splits/kfold.js";
import { timeSplit } from "../data/splits/time-split.js";
import { framedTime } from "../frame/defaults.js";
import type { FramingCard } from "../frame/card.js";
import { message } from "../messages.js";
import type { Target } from "../models/contract.js";

export type SplitKind = "kfold" | "stratified" | "group" | "time";
export const SPLIT_KINDS: readonly SplitKind[] = ["kfold", "stratified", "group", "time"];

export interface SplitOptions {
  readonly split?: SplitKind;
  readonly folds?: number;
  readonly group?: string;
  readonly time?: string;
  /** Rows left out between training and test in time-ordered folds. */
  readonly gap?: number;
  readonly seed?: number;
}

export interface FoldPlan {
  readonly split: SplitKind;
  readonly folds: readonly Fold[];
  /** The time or group column the split follows. */
  readonly column?: string;
  /** Whether every row is tested exactly once (not so in time-ordered folds: the earliest rows only train). */
  readonly coversEveryRow: boolean;
  /** One clause for verdicts and notes: "5 stratified folds", "5 time-ordered folds on date". */
  readonly description: string;
}

/**
 * The folds `analysis` validates on. `target` may be undefined for analyses without one
 * (then no stratification). The card's time column applies unless the options choose
 * another split; "time: none" on the card means the data is not time-ordered.
 */
export function planFolds(analysis: string, dataset: Dataset, target: Target | undefined, options: SplitOptions = {}, card?: FramingCard): FoldPlan {
  const k = options.folds ?? 5;
  const seed = options.seed ?? 0;
  if (!Number.isInteger(k) || k < 2) throw message.badOption(analysis, "folds", options.folds, "a whole number ≥ 2 (cross-validation needs at least two folds)");
  if (k > dataset.nRows) throw message.badOption(analysis, "folds", k, `at most the number of rows (${dataset.nRows})`);
  if (options.split !== undefined && !SPLIT_KINDS.includes(options.split)) throw message.badOption(analysis, "split", options.split, SPLIT_KINDS.map((s) => `"${s}"`).join(", "));
  const chooses = options.split !== undefined;
  const time = options.time ?? (chooses && options.split !== "time" ? undefined : (cardTime(analysis, dataset, card) ?? (options.split === "time" ? dataset.roles.time : undefined)));
  if (options.split === "time" || (!chooses && time !== undefined)) {
    if (time === undefined) throw message.badOption(analysis, "time", undefined, "a time column for time-ordered folds (--time COL, or time: COL on the framing card)");
    return timePlan(analysis, dataset, time, k, options.gap ?? 0);
  }
  const group = options.group ?? (options.split === "group" || !chooses ? dataset.roles.group : undefined);
  if (options.split === "group" || (!chooses && group !== undefined)) {
    if (group === undefined) throw message.badOption(analysis, "group", undefined, "a group column whose rows must stay together (--group COL)");
    const codes = groupCodes(dataset, group);
    const groups = new Set(codes).size;
    if (groups < k) throw message.badOption(analysis, "folds", k, `at most the number of groups in "${group}" (${groups})`);
    return { split: "group", folds: groupKFold(codes, k, { seed }), column: group, coversEveryRow: true, description: `${k} group folds on ${group}` };
  }
  if (target?.kind === "classification" && options.split !== "kfold") {
    return { split: "stratified", folds: stratifiedKFold(target.codes, k, { seed }), coversEveryRow: true, description: `${k} stratified folds` };
  }
  return { split: "kfold", folds: kFold(dataset.nRows, k, { shuffle: true, seed }), coversEveryRow: true, description: `${k} shuffled folds` };
}

function cardTime(analysis: string, dataset: Dataset, card: FramingCard | undefined): string | undefined {
  const time = framedTime(card);
  if (time !== undefined && !dataset.has(time)) throw message.cardTimeMissing(analysis, time, dataset.names);
  return time;
}

/** Rows in time order; a missing or unreadable time value stops the analysis, naming the row. */
export function timeOrder(analysis: string, dataset: Dataset, time: string): Int32Array {
  const column = dataset.column(time);
  if (column.type === "category") throw message.badOption(analysis, "time", time, `a date or numeric column ("${time}" holds text: parse it as dates first)`);
  const values = column.values;
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) throw message.badTimeValue(analysis, time, i);
  return Int32Array.from({ length: dataset.nRows }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
}

function timePlan(analysis: string, dataset: Dataset, time: string, k: number, gap: number): FoldPlan {
  const order = timeOrder(analysis, dataset, time);
  const testSize = Math.floor(dataset.nRows / (k + 1));
  if (testSize < 1 || testSize * k + gap >= dataset.nRows) throw message.badOption(analysis, "folds", k, `fewer time-ordered folds: ${k} folds with a gap of ${gap} need more than ${dataset.nRows} rows`);
  return { split: "time", folds: timeSplit(dataset.nRows, { folds: k, gap }, order), column: time, coversEveryRow: false, description: `${k} time-ordered folds on ${time}` };
}

function groupCodes(dataset: Dataset, group: string): Int32Array {
  const column = dataset.column(group);
  if (column.type === "category") return column.codes;
  const index = new Map<number, number>();
  return Int32Array.from(column.values, (v) => {
    let code = index.get(v);
    if (code === undefined) index.set(v, (code = index.size));
    return code;
  });
}
