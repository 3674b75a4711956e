/**
 * invariance(DATA, { target, sensitive }): would the prediction change if only the
 * sensitive attribute changed? Each row is predicted by the fold model that did not see it,
 * then again with the sensitive value swapped for each other group's; the flip rate is the
 * share of rows whose prediction changes (for numbers: moves by more than 1% of the target's
 * standard deviation). Directional expectations ("more education should not lower the
 * predicted wage") nudge a numeric column by one standard deviation and count the rows whose
 * prediction moves the wrong way.
 */
// @ts-nocheck

import { invarianceChart } from "../charts/invariance.js";
import type { Column } from "../data/column.js";
import { type DataInput, resolveData } from "../data/convert.js";
import { Dataset } from "../data/dataset.js";
import { formatCell, formatPercent } from "../display/format.js";
import type { FramingCard } from "../frame/card.js";
import { targetOf } from "../features/target.js";
import { message } from "../messages.js";
import { checkOptions, columnOf, columnsOf, MODEL_OPTIONS, numberOption } from "../options.js";
import { createResult, type Result, type VerdictLevel } from "../result.js";
import { Progress } from "../runtime/context.js";
import { chooseModel, type ModelInput } from "../validate/model.js";
import { runFolds } from "../validate/out-of-fold.js";
import { planFolds } from "../validate/plan.js";
import type { FittedPredictor } from "../validate/predictor.js";
import { wilson } from "../stats/intervals.js";
import { groupCodes } from "./two-class.js";
import { sampleStd } from "../stats/summary.js";

export interface InvarianceOptions {
  readonly target?: string;
  readonly sensitive?: string;
  /** Columns whose increase should raise ("+") or lower ("-") the prediction. */
  readonly expect?: Readonly<Record<string, "+" | "-">>;
  readonly model?: ModelInput;
  readonly params?: object;
  /** The model's inputs (default: every column but the target). Leave the sensitive column out to train a model blind to it. */
  readonly features?: readonly string[];
  readonly folds?: number;
  readonly seed?: number;
  readonly card?: FramingCard;
}

export interface Swap {
  readonly from: string;
  readonly to: string;
  readonly rows: number;
  readonly flipRate: number;
  /** For numeric targets: the mean change of the prediction. */
  readonly meanChange?: number;
}

export interface Expectation {
  readonly column: string;
  readonly direction: "+" | "-";
  readonly step: number;
  readonly violationRate: number;
  readonly low: number;
  readonly high: number;
}

export interface InvarianceData {
  readonly target: string;
  readonly sensitive: string;
  readonly model: string;
  readonly task: "classification" | "regression";
  readonly rows: number;
  /** Share of rows whose prediction changes under at least one swap. */
  readonly flipRate: number;
  readonly flipLow: number;
  readonly flipHigh: number;
  readonly swaps: readonly Swap[];
  readonly expectations: readonly Expectation[];
}

const ANALYSIS = "invariance";

/** `data` with one column replaced. */
function withColumn(data: Dataset, name: string, column: Column): Dataset {
  return new Dataset(data.names.map((n) => [n, n === name ? column : data.column(n)] as const), data.roles, data.meta, data.nRows);
}

/** Predictions as numbers: labels for classes (compared for equality), values for regression. */
function predictionsOf(fitted: FittedPredictor, data: Dataset): Float64Array {
  return Float64Array.from(fitted.predict(data));
}

/** The score a direction is judged on: the second class's probability, or the predicted value. */
function scoreOf(fitted: FittedPredictor, data: Dataset): Float64Array {
  if (fitted.task === "regression") return Float64Array.from(fitted.predict(data));
  const proba = fitted.predictProba(data);
  return proba.data.slice((proba.cols - 1) * proba.rows, proba.cols * proba.rows);
}

export async function invariance(data: DataInput, options: InvarianceOptions = {}): Promise<Result<InvarianceData>> {
  const dataset = await resolveData(data);
  const column = columnOf(ANALYSIS, dataset);
  checkOptions(ANALYSIS, options, {
    target: column,
    sensitive: column,
    expect: (v, o) => {
      if (typeof v !== "object" || v === null) throw message.badOption(ANALYSIS, o, v, '{ column: "+" | "-" }');
      for (const [name, direction] of Object.entries(v)) {
        if (dataset.column(name).type !== "number") throw message.badOption(ANALYSIS, o, name, "numeric columns, to nudge up by one standard deviation");
        if (direction !== "+" && direction !== "-") throw message.badOption(ANALYSIS, o, direction, '"+" (should raise the prediction) or "-" (should lower it)');
      }
    },
    ...MODEL_OPTIONS,
    features: columnsOf(ANALYSIS, dataset),
    folds: numberOption(ANALYSIS, 2, true),
    seed: numberOption(ANALYSIS, 0, true),
  });
  const targetName = options.target ?? dataset.roles.target;
  if (targetName === undefined) throw message.badOption(ANALYSIS, "target", undefined, "the column to predict (--target COL)");
  const sensitive = options.sensitive ?? dataset.roles.sensitive?.[0];
  if (sensitive === undefined) throw message.badOption(ANALYSIS, "sensitive", undefined, "the column to swap (--sensitive COL)");
  const sensitiveColumn = dataset.column(sensitive);
  const { codes: group, labels } = groupCodes(ANALYSIS, sensitive, sensitiveColumn);
  const truth = targetOf(dataset, targetName);
  const chosen = chooseModel(ANALYSIS, options, dataset, targetName, options.features ? { features: options.features } : {});
  const model = chosen.name;
  const tolerance = truth.kind === "regression" ? 0.01 * sampleStd(truth.values) : 0.5;
  const expectations = Object.entries(options.expect ?? {}).map(([name, direction]) => {
    const values = (dataset.column(name) as { values: Float64Array }).values;
    return { name, direction, step: sampleStd(values), violations: 0, judged: 0 };
  });

  const n = dataset.nRows;
  const changed = new Uint8Array(n);
  const swapCounts = labels.map(() => labels.map(() => ({ rows: 0, flips: 0, change: 0 })));
  let judgedRows = 0;
  const { folds } = planFolds(ANALYSIS, dataset, truth, { folds: options.folds, seed: options.seed }, options.card);
  const progress = new Progress("swapping the sensitive attribute", folds.length);
  await runFolds(dataset, targetName, chosen.predictor, folds, { withProba: false, progress, probe: (fitted, test, run) => {
    const original = predictionsOf(fitted, test);
    const testGroups = Int32Array.from(run.test, (row) => group[row]);
    labels.forEach((_, to) => {
      const swapped: Column =
        sensitiveColumn.type === "category"
          ? { type: "category", codes: new Int32Array(test.nRows).fill(to), dictionary: sensitiveColumn.dictionary }
          : { type: "number", values: new Float64Array(test.nRows).fill(Number(labels[to])) };
      const counterfactual = predictionsOf(fitted, withColumn(test, sensitive, swapped));
      for (let i = 0; i < test.nRows; i++) {
        const from = testGroups[i];
        if (from < 0 || from === to) continue;
        const difference = counterfactual[i] - original[i];
        const flipped = truth.kind === "regression" ? Math.abs(difference) > tolerance : counterfactual[i] !== original[i];
        const cell = swapCounts[from][to];
        cell.rows++;
        cell.change += difference;
        if (flipped) {
          cell.flips++;
          changed[run.test[i]] = 1;
        }
      }
    });
    const before = expectations.length > 0 ? scoreOf(fitted, test) : undefined;
    for (const e of expectations) {
      const values = (test.column(e.name) as { values: Float64Array }).values;
      const nudged = withColumn(test, e.name, { type: "number", values: Float64Array.from(values, (v) => v + e.step) });
      const after = scoreOf(fitted, nudged);
      for (let i = 0; i < test.nRows; i++) {
        if (Number.isNaN(values[i])) continue;
        e.judged++;
        const move = after[i] - before![i];
        if (e.direction === "+" ? move < -1e-9 : move > 1e-9) e.violations++;
      }
    }
    for (const row of run.test) if (group[row] >= 0) judgedRows++;
  } });
  progress.finish();
  const flips = changed.reduce((a, b) => a + b, 0);
  const flipInterval = wilson(flips, judgedRows);
  const swaps: Swap[] = swapCounts.flatMap((row, from) =>
    row.flatMap((cell, to) =>
      cell.rows === 0 ? [] : [{ from: labels[from], to: labels[to], rows: cell.rows, flipRate: cell.flips / cell.rows, ...(truth.kind === "regression" ? { meanChange: cell.change / cell.rows } : {}) }],
    ),
  );
  const invarianceData: InvarianceData = {
    target: targetName,
    sensitive,
    model,
    task: truth.kind,
    rows: judgedRows,
    flipRate: flips / judgedRows,
    flipLow: flipInterval.low,
    flipHigh: flipInterval.high,
    swaps,
    expectations: expectations.map((e) => {
      const interval = wilson(e.violations, e.judged);
      return { column: e.name, direction: e.direction, step: e.step, violationRate: e.violations / Math.max(1, e.judged), low: interval.low, high: interval.high };
    }),
  };
  return createResult({
    kind: "invariance",
    version: 1,
    title: `Invariance of ${model} on ${targetName} to ${sensitive}`,
    verdict: verdictOf(invarianceData),
    notes: notesOf(invarianceData),
    table: {
      columns: ["change", "rows", truth.kind === "regression" ? "share moved > 1% sd" : "share flipped", ...(truth.kind === "regression" ? ["mean change"] : [])],
      rows: [
        ...swaps.map((s) => [`${sensitive}: ${s.from} → ${s.to}`, s.rows, s.flipRate, ...(truth.kind === "regression" ? [s.meanChange!] : [])]),
        ...invarianceData.expectations.map((e) => [`${e.column} + ${formatCell(e.step)} (expect ${e.direction === "+" ? "up" : "down"})`, null, e.violationRate, ...(truth.kind === "regression" ? [null] : [])]),
      ],
    },
    chart: invarianceChart(invarianceData),
    data: invarianceData,
    datasets: [{ name: dataset.meta.name ?? "data", hash: dataset.contentHash(), rows: n }],
    seed: options.seed ?? 0,
  });
}


function verdictOf(d: InvarianceData) {
  const moved = d.task === "regression" ? "moves" : "changes";
  const broken = d.expectations.filter((e) => e.violationRate >= 0.05);
  const level: VerdictLevel = d.flipRate >= 0.05 ? "fail" : d.flipRate >= 0.01 || broken.length > 0 ? "warn" : "ok";
  const largest = [...d.swaps].sort((a, b) => Math.abs(b.meanChange ?? b.flipRate) - Math.abs(a.meanChange ?? a.flipRate))[0];
  const swapText =
    d.flipRate === 0
      ? `Changing only ${d.sensitive} never ${d.task === "regression" ? "moves" : "changes"} a prediction (${d.rows.toLocaleString("en-US")} rows).`
      : `Changing only ${d.sensitive} ${moved} the prediction for ${formatPercent(d.flipRate)} of rows (95% CI ${formatPercent(d.flipLow)} to ${formatPercent(d.flipHigh)})` +
        (largest?.meanChange !== undefined ? `; ${largest.from} → ${largest.to} shifts it by ${formatCell(largest.meanChange)} on average` : "") +
        ". The model uses the attribute directly: drop it, or make sure using it is lawful and intended.";
  const expectationText = broken.map((e) => ` Raising "${e.column}" moves the prediction the wrong way for ${formatPercent(e.violationRate)} of rows.`).join("");
  return { level, text: swapText + expectationText };
}

function notesOf(d: InvarianceData): string[] {
  const notes = d.expectations
    .filter((e) => e.violationRate < 0.05)
    .map((e) => `Raising "${e.column}" by ${formatCell(e.step)} moves the prediction the expected way (${e.direction === "+" ? "up" : "down"}) or not at all for ${formatPercent(1 - e.violationRate)} of rows.`);
  notes.push("A model can pass this test and still treat groups differently through other columns that stand in for the attribute (proxies): check %fairness too.");
  return notes;
}
