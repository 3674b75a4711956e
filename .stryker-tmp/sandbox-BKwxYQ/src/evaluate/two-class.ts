/** Helpers shared by the analyses of a two-class target and of groups (thresholds, fairness, invariance). */
// @ts-nocheck

import { type Column, MISSING_CODE } from "../data/column.js";
import { formatCell } from "../display/format.js";
import { message } from "../messages.js";
import type { Target } from "../models/contract.js";

type ClassTarget = Extract<Target, { kind: "classification" }>;

/** The positive class (default: the rarer one) of a target that must have exactly two classes; returns the target narrowed to classes. */
export function positiveClass(analysis: string, targetName: string, truth: Target, positive?: string): { positive: string; positiveCode: number; classes: ClassTarget } {
  if (truth.kind !== "classification") throw message.badOption(analysis, "target", targetName, "a class column");
  const counts = truth.classes.map((_, k) => truth.codes.filter((c) => c === k).length);
  if (truth.classes.length < 2) throw message.singleClassTarget(analysis, targetName, truth.classes[0] ?? "(no rows)");
  const chosen = positive ?? truth.classes[counts.indexOf(Math.min(...counts))];
  const positiveCode = truth.classes.indexOf(chosen);
  if (positiveCode < 0) throw message.badOption(analysis, "positive", chosen, `one of the classes of "${targetName}": ${truth.classes.map((c) => `"${c}"`).join(", ")}`);
  if (truth.classes.length > 2) throw message.badOption(analysis, "target", targetName, `two classes (it has ${truth.classes.length}); make it "${chosen}" against the rest first`);
  return { positive: chosen, positiveCode, classes: truth };
}

/** A column's groups: category codes as they are, a number's distinct values as labels (missing: −1). */
export function groupCodes(analysis: string, name: string, column: Column): { codes: Int32Array; labels: readonly string[] } {
  if (column.type === "category") return { codes: column.codes, labels: column.dictionary };
  const distinct = [...new Set(column.values.filter((v) => !Number.isNaN(v)))].sort((a, b) => a - b);
  if (distinct.length > 20) throw message.badOption(analysis, "sensitive", name, "a column of groups (at most 20 distinct values); bucketize it first");
  const index = new Map(distinct.map((v, i) => [v, i]));
  return { codes: Int32Array.from(column.values, (v) => index.get(v) ?? MISSING_CODE), labels: distinct.map((v) => formatCell(v)) };
}
