/**
 * The split policy, decided in one place for every analysis: a time column (from the
 * options or the framing card) gives time-ordered folds, a group column keeps each
 * group on one side, otherwise classes are stratified and numbers shuffled into k folds.
 * Errors name the analysis that asked, so `%slices --folds 1` blames slices.
 */
import type { Dataset } from "../data/dataset.js";
import { type Fold } from "../data/splits/fold.js";
import { groupKFold } from "../data/splits/group-kfold.js";
import { kFold, stratifiedKFold } from "../data/splits/kfold.js";
import { timeSplit } from "../data/splits/time-split.js";
import { framedTime } from "../frame/defaults.js";
import { dayMonthOrders, parseYearFirst } from "../data/parse-date.js";
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

/** The column that orders rows in time: the option, else the framing card's (which must be in the data), else the data set's time role. */
export function timeColumn(analysis: string, dataset: Dataset, time: string | undefined, card?: FramingCard): string | undefined {
  return time ?? cardTime(analysis, dataset, card) ?? dataset.roles.time;
}

function cardTime(analysis: string, dataset: Dataset, card: FramingCard | undefined): string | undefined {
  const time = framedTime(card);
  if (time !== undefined && !dataset.has(time)) throw message.cardTimeMissing(analysis, time, dataset.names);
  return time;
}

/** Rows in time order; a missing or unreadable time value stops the analysis, naming the row. */
export function timeOrder(analysis: string, dataset: Dataset, time: string): Int32Array {
  const column = dataset.column(time);
  if (column.type === "category") throw notDates(analysis, time, column);
  const values = column.values;
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) throw message.badTimeValue(analysis, time, i);
  return Int32Array.from({ length: dataset.nRows }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
}

/**
 * Text in a time column. Dates written as text with a few unreadable values: name the
 * first unreadable row, so the reader can find it. Text that holds no dates at all (a
 * wrong column): say the column is not a time.
 */
function notDates(analysis: string, time: string, column: { codes: Int32Array; dictionary: readonly string[] }) {
  const isDate = column.dictionary.map((text) => parseYearFirst(text.trim()) !== undefined || dayMonthOrders(text.trim()) !== 0);
  if (isDate.some(Boolean)) {
    for (let r = 0; r < column.codes.length; r++) {
      const code = column.codes[r];
      if (code < 0) return message.badTimeValue(analysis, time, r);
      if (!isDate[code]) return message.timeNotDates(analysis, time, r, column.dictionary[code]);
    }
  }
  return message.badOption(analysis, "time", time, `a date or numeric column ("${time}" holds text: parse it as dates first)`);
}

export interface TimePlanOptions {
  readonly folds?: number;
  /** Time steps left out between training and test. */
  readonly gap?: number;
  /** "expanding" trains on everything before the test block; "sliding" on the latest `trainSize` steps. */
  readonly window?: "expanding" | "sliding";
  /** Time steps per test block (default: steps / (folds + 1)). */
  readonly horizon?: number;
  /** Time steps of training for a sliding window (default: twice the horizon). */
  readonly trainSize?: number;
  /** A column telling interleaved series apart (several stocks or cities in one table). */
  readonly series?: string;
}

export interface TimeFoldPlan extends FoldPlan {
  readonly split: "time";
  readonly column: string;
  /** Every row, in time order (ties in row order). */
  readonly order: Int32Array;
  /** The series of each row, when the plan follows a series column. */
  readonly series?: { readonly column: string; readonly codes: Int32Array; readonly labels: readonly string[] };
  /** What a reader should know about the folds (rows moved out of training). */
  readonly notes: readonly string[];
}

/**
 * Time-ordered folds: test blocks at the end of the time line, each trained only on what
 * came before it (minus the gap), in an expanding or sliding window. Without a series a
 * step is a row, and rows that share a timestamp with a block's first test row are moved
 * out of its training, so nothing from the test period trains. With a series column the
 * series run side by side: a step is one timestamp, so a test block holds the same period
 * of every series and no timestamp straddles training and test.
 */
export function timeFolds(analysis: string, dataset: Dataset, time: string, options: TimePlanOptions = {}): TimeFoldPlan {
  const k = options.folds ?? 5;
  const gap = options.gap ?? 0;
  if (!Number.isInteger(k) || k < 2) throw message.badOption(analysis, "folds", options.folds, "a whole number ≥ 2 (a backtest needs at least two test periods)");
  const order = timeOrder(analysis, dataset, time);
  const times = (dataset.column(time) as { values: Float64Array }).values;
  const series = options.series === undefined ? undefined : seriesOf(analysis, dataset, options.series);
  // Steps: one per row, or one per distinct timestamp when series run side by side.
  const stepOf = new Int32Array(dataset.nRows);
  let steps = 0;
  order.forEach((row, i) => (stepOf[row] = series === undefined ? i : i > 0 && times[row] === times[order[i - 1]] ? steps - 1 : steps++));
  if (series === undefined) steps = dataset.nRows;
  const unit = series === undefined ? "rows" : "time steps";
  const testSize = options.horizon ?? Math.floor(steps / (k + 1));
  if (testSize < 1 || testSize * k + gap >= steps) {
    throw message.badOption(analysis, options.horizon === undefined ? "folds" : "horizon", options.horizon ?? k, `fewer or shorter test periods: ${k} periods of ${testSize} ${unit} with a gap of ${gap} need more than the ${steps} ${unit} the data has`);
  }
  const stepFolds = timeSplit(steps, { folds: k, gap, testSize, window: options.window ?? "expanding", ...(options.trainSize !== undefined ? { maxTrainSize: options.trainSize } : {}) });
  const notes: string[] = [];
  let moved = 0;
  const folds: Fold[] = stepFolds.map((fold, f) => {
    const [trainFrom, trainTo] = [fold.train[0] ?? 0, fold.train.length ? fold.train[fold.train.length - 1] : -1];
    const [testFrom, testTo] = [fold.test[0], fold.test[fold.test.length - 1]];
    const train = order.filter((row) => stepOf[row] >= trainFrom && stepOf[row] <= trainTo);
    const test = order.filter((row) => stepOf[row] >= testFrom && stepOf[row] <= testTo);
    const first = times[test[0]];
    const kept = train.filter((row) => times[row] < first);
    moved += train.length - kept.length;
    if (kept.length === 0) throw message.badOption(analysis, "folds", k, `fewer test periods: period ${f + 1} has no earlier rows to train on`);
    return { train: kept, test };
  });
  if (moved > 0) notes.push(`${moved} training rows shared a timestamp with the first test row of their fold and were left out of that fold's training, so nothing from the test period trains.`);
  const by = series ? ` of each series in ${series.column}` : "";
  return {
    split: "time",
    folds,
    column: time,
    coversEveryRow: false,
    description: `${k} time-ordered folds on ${time}${by}`,
    order,
    ...(series ? { series } : {}),
    notes,
  };
}

function seriesOf(analysis: string, dataset: Dataset, name: string): { column: string; codes: Int32Array; labels: readonly string[] } {
  const column = dataset.column(name);
  let codes: Int32Array;
  let labels: string[];
  if (column.type === "category") {
    const first = column.codes.indexOf(-1);
    if (first >= 0) throw message.missingSeries(analysis, name, first);
    codes = column.codes;
    labels = [...column.dictionary];
  } else {
    const first = column.values.findIndex((v) => Number.isNaN(v));
    if (first >= 0) throw message.missingSeries(analysis, name, first);
    const distinct = [...new Set(column.values)].sort((a, b) => a - b);
    const index = new Map(distinct.map((v, i) => [v, i]));
    codes = Int32Array.from(column.values, (v) => index.get(v)!);
    labels = distinct.map((v) => (column.type === "date" ? new Date(v).toISOString().slice(0, 10) : String(v)));
  }
  const used = new Set(codes);
  if (used.size < 2) throw message.singleSeries(analysis, name, labels[codes[0]] ?? "");
  return { column: name, codes, labels };
}

function timePlan(analysis: string, dataset: Dataset, time: string, k: number, gap: number): FoldPlan {
  return timeFolds(analysis, dataset, time, { folds: k, gap });
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
