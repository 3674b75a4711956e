/**
 * The target column as a model reads it. A category column (or a numeric one with two
 * values, such as 0/1) is a classification target; other numbers are a regression
 * target, unless the task is given. Rows without a target cannot train.
 */
// @ts-nocheck

import { MISSING_CODE } from "../data/column.js";
import type { Dataset } from "../data/dataset.js";
import { message } from "../messages.js";
import type { Target, Task } from "../models/contract.js";

export function targetOf(data: Dataset, name: string, task?: Task): Target {
  const column = data.column(name);
  if (column.type === "date") throw message.badOption("target", "target", name, "a category or numeric column, not a date");
  if (column.type === "category") {
    if (task === "regression") throw message.badOption("target", "task", task, `"classification": "${name}" holds categories`);
    const used = new Int32Array(column.dictionary.length).fill(-1);
    const classes: string[] = [];
    const codes = new Int32Array(column.codes.length);
    for (let i = 0; i < codes.length; i++) {
      const code = column.codes[i];
      if (code === MISSING_CODE) throw message.missingTarget(i);
      if (used[code] < 0) {
        used[code] = classes.length;
        classes.push(column.dictionary[code]);
      }
      codes[i] = used[code];
    }
    return sortedClasses({ kind: "classification", codes, classes });
  }
  const values = column.values;
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) throw message.missingTarget(i);
  const pair = task === "regression" ? undefined : twoValues(values);
  if (pair) {
    // The common numeric case, 0/1: code by comparison, no hashing of every row.
    const codes = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) codes[i] = values[i] === pair[0] ? 0 : 1;
    // (With a single value every code is 0: a one-class target, which fit then reports.)
    return { kind: "classification", codes, classes: pair.map(String) };
  }
  if (task === "classification") {
    const distinct = [...new Set(values)].sort((a, b) => a - b);
    const index = new Map(distinct.map((v, i) => [v, i]));
    const codes = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) codes[i] = index.get(values[i])!;
    return { kind: "classification", codes, classes: distinct.map(String) };
  }
  return { kind: "regression", values: Float64Array.from(values) };
}

/** The distinct values, ascending, when there are at most two; otherwise undefined. */
function twoValues(values: Float64Array): number[] | undefined {
  let first = NaN;
  let second = NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === first || v === second) continue;
    if (first !== first) first = v;
    else if (second !== second) second = v;
    else return undefined;
  }
  if (first !== first) return undefined;
  if (second !== second) return [first];
  return first < second ? [first, second] : [second, first];
}

/**
 * Classes in sorted order (as scikit-learn orders them), so that "the positive class"
 * of a yes/no or true/false target is the second one, whatever order rows came in.
 */
function sortedClasses(target: Extract<Target, { kind: "classification" }>): Target {
  const order = target.classes.map((label, code) => ({ label, code })).sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const remap = new Int32Array(order.length);
  order.forEach(({ code }, i) => (remap[code] = i));
  return { kind: "classification", codes: Int32Array.from(target.codes, (c) => remap[c]), classes: order.map((o) => o.label) };
}
