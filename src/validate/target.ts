/**
 * The target an analysis validates against, resolved the same way everywhere: from the
 * options or the data set's target role, with the rows that carry no target left out (and
 * counted in a note) instead of stopping the analysis, and, for two-class analyses, the
 * positive class checked against the classes the column really holds.
 */
import { isMissing } from "../data/column.js";
import type { Dataset } from "../data/dataset.js";
import { message } from "../messages.js";
import type { Target } from "../models/contract.js";

/** The target column's name: the option, or the data set's target role; an error when neither is set. */
export function targetName(analysis: string, dataset: Dataset, target: string | undefined): string {
  const name = target ?? dataset.roles.target;
  if (name === undefined) throw message.badOption(analysis, "target", undefined, "the column to predict (--target COL)");
  dataset.column(name);
  return name;
}

export interface Labelled {
  /** The rows whose target is present (the data set itself when none is missing). */
  readonly dataset: Dataset;
  /** Row numbers of `dataset` in the data as given. */
  readonly rows: Int32Array;
  readonly dropped: number;
  /** One sentence for the result's notes when rows were left out. */
  readonly note?: string;
}

/**
 * The rows an analysis can learn and score on: an unlabelled row can neither train a
 * model nor be scored, so it is left out, and the note says how many (the first one named,
 * so a reader can look). No row left is an error.
 */
export function labelledRows(analysis: string, dataset: Dataset, target: string): Labelled {
  const column = dataset.column(target);
  const kept: number[] = [];
  let first = -1;
  for (let r = 0; r < dataset.nRows; r++) {
    if (!isMissing(column, r)) kept.push(r);
    else if (first < 0) first = r;
  }
  const dropped = dataset.nRows - kept.length;
  if (dropped === 0) return { dataset, rows: Int32Array.from({ length: dataset.nRows }, (_, i) => i), dropped };
  if (kept.length === 0) throw message.noLabelledRows(analysis, target, dataset.nRows);
  const rows = Int32Array.from(kept);
  return { dataset: dataset.take(rows), rows, dropped, note: message.unlabelledRowsLeftOut(target, dropped, dataset.nRows, first) };
}

type ClassTarget = Extract<Target, { kind: "classification" }>;

/** The positive class (default: the rarer one) of a target that must have exactly two classes; returns the target narrowed to classes. */
export function positiveClass(analysis: string, targetName: string, truth: Target, positive?: string): { positive: string; positiveCode: number; classes: ClassTarget } {
  if (truth.kind !== "classification") throw message.badOption(analysis, "target", targetName, "a class column");
  const counts = truth.classes.map((_, k) => truth.codes.filter((c) => c === k).length);
  if (truth.classes.length < 2) throw message.singleClassTarget(analysis, targetName, truth.classes[0] ?? "(no rows)");
  const chosen = positive ?? truth.classes[counts.indexOf(Math.min(...counts))];
  const positiveCode = truth.classes.indexOf(chosen);
  if (positiveCode < 0) throw message.unknownClass(analysis, "positive", chosen, targetName, truth.classes);
  if (truth.classes.length > 2) throw message.badOption(analysis, "target", targetName, `two classes (it has ${truth.classes.length}); make it "${chosen}" against the rest first`);
  return { positive: chosen, positiveCode, classes: truth };
}

/** The target the options name (else the data's target role) and the rows that have it; the note on rows left out goes to `notes`. */
export function labelledTarget(analysis: string, raw: Dataset, option: string | undefined, notes: string[]): Labelled & { readonly target: string } {
  const target = targetName(analysis, raw, option);
  const labelled = labelledRows(analysis, raw, target);
  if (labelled.note) notes.push(labelled.note);
  return { ...labelled, target };
}
