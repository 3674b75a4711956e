/**
 * What profile measures: rows, columns, types, missing values (and whether missingness is
 * related to the target), distinct counts, ranges, infinite values, class balance and
 * duplicate rows; and the problems they add up to, each weighed by its size.
 */
import { countDuplicateRows } from "../../data/duplicates.js";
import type { Dataset } from "../../data/dataset.js";
import { missingnessVersusTarget } from "../../data/missingness.js";
import { categoryCounts, summarizeColumn } from "../../data/summary.js";
import { formatPercent, formatPValue } from "../../display/format.js";
import type { VerdictLevel } from "../../result.js";
import { holm } from "../../stats/adjust.js";
import type { ColumnProfile, Problem, ProfileData } from "./types.js";

const SIGNIFICANCE = 0.05;
export const FAIL_SEVERITY = 0.7;
export const WARN_SEVERITY = 0.05;

export function computeProfile(dataset: Dataset, target: string | undefined): ProfileData {
  const rows = dataset.nRows;
  const targetColumn = target === undefined ? undefined : dataset.column(target);
  const tests = dataset.names.map((name) => {
    const column = dataset.column(name);
    const summary = summarizeColumn(column);
    const test = targetColumn && name !== target && summary.missing > 0 ? missingnessVersusTarget(column, targetColumn) : undefined;
    return { name, type: column.type, summary, test, infinite: column.type === "number" ? infiniteIn(column.values) : undefined };
  });
  const adjusted = holm(tests.map((t) => t.test?.pValue ?? NaN));
  const columnProfiles: ColumnProfile[] = tests.map(({ name, type, summary, test, infinite }, i) => ({
    name,
    type,
    ...summary,
    missingShare: summary.missing / rows,
    ...(test ? { missingVsTarget: { ...test, adjustedPValue: adjusted[i], related: adjusted[i] < SIGNIFICANCE } } : {}),
    ...(infinite ? { infinite } : {}),
  }));
  const classBalance = targetColumn?.type === "category" ? balanceOf(targetColumn.codes, targetColumn.dictionary) : undefined;
  const duplicateRows = countDuplicateRows(dataset.names.map((n) => dataset.column(n)), rows);
  const base = { rows, columns: dataset.names.length, target, duplicateRows, columnProfiles, classBalance };
  return { ...base, problems: findProblems(base) };
}

function infiniteIn(values: Float64Array): ColumnProfile["infinite"] {
  let count = 0;
  let firstRow = -1;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === Infinity || values[i] === -Infinity) {
      if (count++ === 0) firstRow = i;
    }
  }
  return count === 0 ? undefined : { count, firstRow, firstValue: values[firstRow] > 0 ? "Infinity" : "-Infinity" };
}

function balanceOf(codes: Int32Array, dictionary: readonly string[]) {
  const { counts } = categoryCounts(codes, dictionary.length);
  const present = counts.reduce((a, b) => a + b, 0);
  return dictionary
    .map((label, code) => ({ label, count: counts[code], share: counts[code] / present }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count);
}

function levelOf(severity: number): VerdictLevel {
  return severity >= FAIL_SEVERITY ? "fail" : severity >= WARN_SEVERITY ? "warn" : "ok";
}

const count = (n: number) => n.toLocaleString("en-US");
/** A share to 2 significant figures however small (0.0064%, 0.67%, 3.2%): "0.0%" would hide a finding the verdict counts. */
const percent = (share: number) => formatPercent(share, 2);

type ProblemInput = Omit<ProfileData, "problems">;

/**
 * Every finding, weighed by its size: a share of rows (missing, duplicated) counts in
 * proportion, so 191 duplicates in 3 million rows is a note while 10% duplicates is a
 * warning; a problem that breaks a model whatever its size (an infinite value) keeps its weight.
 */
function findProblems(p: ProblemInput): Problem[] {
  const problems: Omit<Problem, "level">[] = [];
  for (const c of p.columnProfiles) {
    const where = `"${c.name}"`;
    if (c.name === p.target && c.missing > 0) {
      // Rows without a target are left out of training and evaluation: a few are a note, many change what the data says.
      problems.push({
        kind: "missing-target",
        column: c.name,
        severity: c.missingShare >= 0.05 ? 0.9 : c.missingShare >= 0.001 ? 0.3 : 0.03,
        text: `The target ${where} is missing in ${count(c.missing)} of ${count(p.rows)} rows (${percent(c.missingShare)}): those rows can neither train nor evaluate a model.`,
      });
    } else if (c.missing > 0) {
      const related = c.missingVsTarget?.related === true;
      const relation = c.missingVsTarget
        ? related
          ? `; its missingness is related to ${p.target} (${formatPValue(c.missingVsTarget.adjustedPValue)}, Holm-adjusted), so dropping those rows would bias the data`
          : `; its missingness shows no relation to ${p.target} (${formatPValue(c.missingVsTarget.adjustedPValue)}, Holm-adjusted)`
        : "";
      problems.push({
        kind: "missing-values",
        column: c.name,
        severity: Math.min(1, c.missingShare * 2 + (related ? Math.min(0.3, c.missingShare * 5) : 0)),
        text: `${where} is missing in ${count(c.missing)} of ${count(p.rows)} rows (${percent(c.missingShare)})${relation}.`,
      });
    }
    if (c.missing === p.rows) continue;
    if (c.infinite) {
      // Models refuse infinite values and means and spreads become meaningless, so this outranks a few missing values.
      problems.push({
        kind: "infinite-values",
        column: c.name,
        severity: 0.5,
        text: `${where} holds ${c.infinite.count} infinite value${c.infinite.count > 1 ? "s" : ""} (${c.infinite.firstValue} first in row ${c.infinite.firstRow}), read from a number too large for a double (such as 1e400) or the text "Infinity": models need finite numbers, so replace ${c.infinite.count > 1 ? "them" : "it"} with a real value or mark ${c.infinite.count > 1 ? "them" : "it"} missing.`,
      });
    }
    if (c.distinct === 1) {
      problems.push({ kind: "constant", column: c.name, severity: 0.2, text: `${where} has a single value: it carries no information.` });
    }
    if (c.type === "category" && c.numericLabels !== undefined && c.numericLabels > 0) {
      const present = p.rows - c.missing;
      if (c.numericLabels / present >= 0.8) {
        problems.push({
          kind: "text-in-numeric",
          column: c.name,
          severity: 0.5,
          text: `${where} is mostly numbers but ${present - c.numericLabels} values are text, so it was read as a category: clean or convert those values.`,
        });
      }
    }
    if (c.type === "category" && c.distinct === p.rows - c.missing && p.rows >= 20 && c.name !== p.target) {
      problems.push({
        kind: "identifier",
        column: c.name,
        severity: 0.25,
        text: `${where} has a different value in every row: it is an identifier, not a feature; use it as an id or group role.`,
      });
    }
  }
  if (p.classBalance && p.classBalance.length > 1) {
    const majority = p.classBalance[0];
    const minority = p.classBalance[p.classBalance.length - 1];
    const ratio = minority.count / majority.count;
    if (ratio < 0.2) {
      problems.push({
        kind: "imbalance",
        column: p.target,
        severity: ratio < 0.05 ? 0.6 : 0.35,
        text: `The classes are imbalanced: "${minority.label}" has ${count(minority.count)} rows (${percent(minority.share)}) against ${count(majority.count)} for "${majority.label}"; accuracy will flatter a model, so judge it by balanced accuracy or per-class recall.`,
      });
    }
  }
  if (p.duplicateRows > 0) {
    const share = p.duplicateRows / p.rows;
    problems.push({
      kind: "duplicates",
      severity: Math.min(0.6, share * 4),
      text: `${count(p.duplicateRows)} ${p.duplicateRows === 1 ? "row" : "rows"} (${percent(share)}) ${p.duplicateRows === 1 ? "repeats" : "repeat"} an earlier row exactly; duplicates that land in both training and test sets inflate the scores${share < 0.01 ? ", though this few barely move them" : ""}.`,
    });
  }
  return problems.map((q) => ({ ...q, level: levelOf(q.severity) })).sort((a, b) => b.severity - a.severity);
}
