/**
 * profile(DATA): what is in a data set and what is wrong with it, before any model.
 * Rows, columns, types, missing values (and whether missingness is related to the
 * target), distinct counts, ranges, class balance and duplicate rows; the verdict names
 * the biggest data-quality problem.
 */
import { profileChart } from "../charts/profile.js";
import { formatCell, formatPValue, formatPercent } from "../display/format.js";
import { message } from "../messages.js";
import { checkOptions, columnOf } from "../options.js";
import { createResult, type Result, type Table, type Verdict } from "../result.js";
import { holm } from "../stats/adjust.js";
import { type ColumnType } from "./column.js";
import { type DataInput, resolveData } from "./convert.js";
import { type Dataset } from "./dataset.js";
import { countDuplicateRows } from "./duplicates.js";
import { missingnessVersusTarget, type MissingnessTest } from "./missingness.js";
import { categoryCounts, type ColumnSummary, summarizeColumn } from "./summary.js";

export interface ProfileOptions {
  /** The column to predict; defaults to the data set's target role. */
  readonly target?: string;
}

export interface ColumnProfile extends ColumnSummary {
  readonly name: string;
  readonly type: ColumnType;
  readonly missingShare: number;
  readonly missingVsTarget?: MissingnessTest & { readonly adjustedPValue: number; readonly related: boolean };
  /** Numeric columns holding ±Infinity (a 1e400 or an "Infinity" in the file): how many, and the first row. The value is text because JSON has no Infinity. */
  readonly infinite?: { readonly count: number; readonly firstRow: number; readonly firstValue: "Infinity" | "-Infinity" };
}

export interface Problem {
  readonly kind: string;
  readonly column?: string;
  /** 0–1: how much the problem threatens a model built on this data; the verdict takes the largest. */
  readonly severity: number;
  readonly text: string;
}

export interface ProfileData {
  readonly rows: number;
  readonly columns: number;
  readonly target?: string;
  readonly duplicateRows: number;
  readonly columnProfiles: readonly ColumnProfile[];
  readonly classBalance?: readonly { readonly label: string; readonly count: number; readonly share: number }[];
  readonly problems: readonly Problem[];
}

const SIGNIFICANCE = 0.05;
const FAIL_SEVERITY = 0.7;
const WARN_SEVERITY = 0.05;

export async function profile(data: DataInput, options: ProfileOptions = {}): Promise<Result<ProfileData>> {
  const dataset = await resolveData(data);
  checkOptions("profile", options, { target: columnOf("profile", dataset) });
  if (dataset.nRows === 0) throw message.emptyData(datasetLabel(dataset));
  if (dataset.names.length === 0) throw message.noColumns(datasetLabel(dataset));
  const target = options.target ?? dataset.roles.target;
  const profileData = computeProfile(dataset, target);
  const worst = profileData.problems[0];
  return createResult({
    kind: "profile",
    version: 1,
    title: `Profile of ${datasetLabel(dataset)}`,
    verdict: verdictFor(worst, profileData),
    notes: profileData.problems.slice(1, 6).map((p) => p.text),
    table: profileTable(profileData),
    chart: profileChart(profileData),
    data: profileData,
    datasets: [{ name: dataset.meta.name ?? "data", hash: dataset.contentHash(), rows: dataset.nRows }],
  });
}

export function computeProfile(dataset: Dataset, target: string | undefined): ProfileData {
  const rows = dataset.nRows;
  const targetColumn = target === undefined ? undefined : dataset.column(target);
  const tests = dataset.names.map((name) => {
    const column = dataset.column(name);
    const summary = summarizeColumn(column);
    const test =
      targetColumn && name !== target && summary.missing > 0 ? missingnessVersusTarget(column, targetColumn) : undefined;
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
  const classBalance =
    targetColumn?.type === "category" ? balanceOf(targetColumn.codes, targetColumn.dictionary) : undefined;
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

type ProblemInput = Omit<ProfileData, "problems">;

function findProblems(p: ProblemInput): Problem[] {
  const problems: Problem[] = [];
  for (const c of p.columnProfiles) {
    const where = `"${c.name}"`;
    if (c.name === p.target && c.missing > 0) {
      problems.push({
        kind: "missing-target",
        column: c.name,
        severity: 0.9,
        text: `The target ${where} is missing in ${c.missing} of ${p.rows} rows (${formatPercent(c.missingShare)}): those rows can neither train nor evaluate a model.`,
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
        severity: Math.min(1, c.missingShare * 1.4 + (related ? 0.3 : 0) + 0.06),
        text: `${where} is missing in ${c.missing} of ${p.rows} rows (${formatPercent(c.missingShare)})${relation}.`,
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
        text: `The classes are imbalanced: "${minority.label}" has ${minority.count} rows (${formatPercent(minority.share)}) against ${majority.count} for "${majority.label}"; accuracy will flatter a model, so judge it by balanced accuracy or per-class recall.`,
      });
    }
  }
  if (p.duplicateRows > 0) {
    const share = p.duplicateRows / p.rows;
    problems.push({
      kind: "duplicates",
      severity: Math.min(0.6, 0.1 + share * 2),
      text: `${p.duplicateRows} rows (${formatPercent(share)}) repeat an earlier row exactly; duplicates that land in both training and test sets inflate the scores.`,
    });
  }
  return problems.sort((a, b) => b.severity - a.severity);
}

function verdictFor(worst: Problem | undefined, p: ProfileData): Verdict {
  if (worst === undefined || worst.severity < WARN_SEVERITY) {
    return {
      level: "ok",
      text: `No data-quality problem found in ${p.rows} rows × ${p.columns} columns: no missing values, duplicates, constant columns or badly imbalanced classes.`,
    };
  }
  const others = p.problems.length - 1;
  const more = others > 0 ? ` (${others} more finding${others > 1 ? "s" : ""} below.)` : "";
  return { level: worst.severity >= FAIL_SEVERITY ? "fail" : "warn", text: `Biggest problem: ${worst.text}${more}` };
}

function profileTable(p: ProfileData): Table {
  const rows = p.columnProfiles.map((c) => [
    c.name + (c.name === p.target ? " (target)" : ""),
    c.type,
    c.missing,
    formatPercent(c.missingShare),
    c.distinct,
    rangeText(c),
    c.missingVsTarget ? formatPValue(c.missingVsTarget.adjustedPValue) : null,
  ]);
  const relationHeader = p.target ? `missing vs ${p.target}` : "missing vs target";
  return { columns: ["column", "type", "missing", "missing %", "distinct", "range / top value", relationHeader], rows };
}

function rangeText(c: ColumnProfile): string | null {
  if (c.type === "date" && c.min !== undefined) {
    return `${new Date(c.min).toISOString().slice(0, 10)} … ${new Date(c.max!).toISOString().slice(0, 10)}`;
  }
  if (c.min !== undefined) return `${formatCell(c.min)} … ${formatCell(c.max!)} (mean ${formatCell(c.mean!)})`;
  if (c.top) return `${c.top.label} (${c.top.count})`;
  return null;
}

function datasetLabel(dataset: Dataset): string {
  return dataset.meta.name ? `"${dataset.meta.name}"` : "the data";
}
