/**
 * checkModel: the conformance suite every litml model passes (scikit-learn's
 * check_estimator, in spirit). It fits the model on small seeded data for each task it
 * supports and checks the contract: params stored as given, no mutation of inputs,
 * well-formed predictions, determinism, save and load, sample weights, clear errors.
 */
// @ts-nocheck

import { type Matrix, matrix, takeMatrixRows } from "../data/matrix.js";
import { LitmlError } from "../errors.js";
import { Random } from "../util/random.js";
import type { FittedModel, Model, Target, Task } from "./contract.js";
import { loadModel } from "./registry.js";

export interface Check {
  readonly name: string;
  readonly passed: boolean;
  readonly detail?: string;
}

export interface CheckReport {
  readonly model: string;
  readonly passed: boolean;
  readonly checks: readonly Check[];
}

export interface CheckOptions {
  /** Models whose fit is stochastic beyond their seed param may opt out of exact determinism. */
  readonly deterministic?: boolean;
  /** Whether integer sample weights must equal repeating rows (exactly solvable models). */
  readonly weightsAsRepeats?: boolean;
  /** Whether predictions must vary with the input (false for baselines). */
  readonly learns?: boolean;
  /** Whether the model takes NaN as "missing" itself; it must still refuse infinities. */
  readonly acceptsMissing?: boolean;
}

export async function checkModel(factory: () => Model, options: CheckOptions = {}): Promise<CheckReport> {
  const checks: Check[] = [];
  const record = async (name: string, body: () => void | Promise<void>) => {
    try {
      await body();
      checks.push({ name, passed: true });
    } catch (error) {
      checks.push({ name, passed: false, detail: error instanceof Error ? error.message : String(error) });
    }
  };
  const first = factory();
  await record("constructor stores params as given", () => {
    const again = factory();
    assert(JSON.stringify(again.params) === JSON.stringify(first.params), "params differ between two constructions");
    assert(!("predict" in first), "an unfitted model must not have predict");
  });
  for (const task of first.tasks) {
    const { X, y } = sampleData(task, 120, 1);
    const { X: Xtest } = sampleData(task, 40, 2);
    const before = JSON.stringify([Array.from(X.data), target(y)]);
    let fitted: FittedModel | undefined;
    await record(`${task}: fit returns a fitted model and leaves its inputs alone`, async () => {
      fitted = await factory().fit(X, y);
      assert(fitted.task === task, `task is ${fitted.task}`);
      assert(JSON.stringify([Array.from(X.data), target(y)]) === before, "fit changed X or y");
      assert(JSON.stringify(fitted.features) === JSON.stringify(X.names), "feature names not kept");
    });
    if (!fitted) continue;
    const model = fitted;
    await record(`${task}: predictions are well formed`, () => checkPredictions(model, Xtest, y, options.learns ?? true));
    if (options.acceptsMissing) {
      await record(`${task}: learns from and predicts rows with missing values`, async () => {
        const holed = matrix(X.rows, X.cols, X.names, Float64Array.from(X.data));
        for (let i = 0; i < X.rows; i += 4) holed.data[i] = NaN;
        const withHoles = await factory().fit(holed, y);
        checkPredictions(withHoles, holed, y, options.learns ?? true);
      });
    }
    if (options.deterministic ?? true) {
      await record(`${task}: the same data give the same predictions`, async () => {
        const again = await factory().fit(X, y);
        assert(same(predictions(again, Xtest), predictions(model, Xtest)), "two fits disagree");
      });
    }
    await record(`${task}: saves to JSON and loads back with identical predictions`, async () => {
      const loaded = loadModel(JSON.parse(JSON.stringify(model.toJSON())));
      assert(same(predictions(loaded, Xtest), predictions(model, Xtest)), "loaded model predicts differently");
      const stale = { ...model.toJSON(), version: 999 };
      await expectLitmlError(() => loadModel(stale), "bad-saved-model");
    });
    if (options.weightsAsRepeats) {
      await record(`${task}: a weight of 2 equals repeating the row`, async () => {
        const weights = Float64Array.from({ length: X.rows }, (_, i) => (i % 3 === 0 ? 2 : 1));
        const repeated = Int32Array.from(Array.from({ length: X.rows }, (_, i) => (i % 3 === 0 ? [i, i] : [i])).flat());
        const weighted = await factory().fit(X, y, { sampleWeight: weights });
        const duplicated = await factory().fit(takeMatrixRows(X, repeated), takeTarget(y, repeated));
        assert(close(predictions(weighted, Xtest), predictions(duplicated, Xtest), 1e-6), "weighted fit differs from the repeated-rows fit");
      });
    }
    await record(`${task}: bad input fails with a clear LitmlError`, async () => {
      const holed = matrix(X.rows, X.cols, X.names, Float64Array.from(X.data));
      holed.data[5] = options.acceptsMissing ? Infinity : NaN;
      await expectLitmlError(() => factory().fit(holed, y), "non-finite");
      await expectLitmlError(() => factory().fit(takeMatrixRows(X, [0, 1, 2]), y), "length-mismatch");
      await expectLitmlError(() => factory().fit(X, y, { sampleWeight: Float64Array.from({ length: X.rows }, (_, i) => (i === 7 ? -1 : 1)) }), "bad-weight");
      await expectLitmlError(() => factory().fit(X, y, { sampleWeight: new Float64Array(X.rows) }), "bad-weight");
      const narrow = matrix(Xtest.rows, 1, ["only"], Xtest.data.slice(0, Xtest.rows));
      await expectLitmlError(() => model.predict(narrow), "feature-mismatch");
      if (task === "classification") {
        const oneClass: Target = { kind: "classification", codes: new Int32Array(X.rows), classes: ["a", "b"] };
        await expectLitmlError(() => factory().fit(X, oneClass), "single-class");
      }
    });
  }
  return { model: first.model, passed: checks.every((c) => c.passed), checks };
}

/** Seeded data a model can learn: classes separated along a few features, or a noisy linear target. */
function sampleData(task: Task, n: number, seed: number): { X: Matrix; y: Target } {
  const random = new Random(seed);
  const X = matrix(n, 4, ["a", "b", "c", "d"]);
  const codes = new Int32Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    codes[i] = i % 3;
    for (let j = 0; j < 4; j++) X.data[j * n + i] = random.normal() + (task === "classification" && j === codes[i] ? 2 : 0);
    values[i] = 3 * X.data[i] - 2 * X.data[n + i] + 0.5 * X.data[2 * n + i] + random.normal() * 0.1;
  }
  const y: Target = task === "classification" ? { kind: "classification", codes, classes: ["red", "green", "blue"] } : { kind: "regression", values };
  return { X, y };
}

function checkPredictions(model: FittedModel, X: Matrix, y: Target, learns: boolean): void {
  if (model.task === "classification") {
    const labels = model.predict(X);
    assert(labels.length === X.rows, "wrong number of predictions");
    assert(labels.every((c) => c >= 0 && c < model.classes.length), "a predicted code is not a class");
    assert(JSON.stringify(model.classes) === JSON.stringify((y as Extract<Target, { kind: "classification" }>).classes), "classes not kept");
    const proba = model.predictProba(X);
    assert(proba.rows === X.rows && proba.cols === model.classes.length, "probability matrix has the wrong shape");
    for (let i = 0; i < X.rows; i++) {
      let sum = 0;
      for (let c = 0; c < proba.cols; c++) {
        const p = proba.data[c * X.rows + i];
        assert(p >= 0 && p <= 1, `probability ${p} outside [0, 1]`);
        sum += p;
      }
      assert(Math.abs(sum - 1) < 1e-9, `row ${i} probabilities sum to ${sum}`);
    }
    if (learns) assert(new Set(labels).size > 1, "a learning model predicts a single class on separable data");
  } else {
    const values = model.predict(X);
    assert(values.length === X.rows && values.every(Number.isFinite), "predictions missing or not finite");
    if (learns) assert(new Set(values).size > 1, "a learning model predicts a constant");
  }
}

function predictions(model: FittedModel, X: Matrix): Float64Array {
  return model.task === "classification" ? Float64Array.from(model.predictProba(X).data) : Float64Array.from(model.predict(X));
}

function target(y: Target): number[] {
  return Array.from(y.kind === "classification" ? y.codes : y.values);
}

function takeTarget(y: Target, rows: Int32Array): Target {
  return y.kind === "classification"
    ? { ...y, codes: Int32Array.from(rows, (r) => y.codes[r]) }
    : { kind: "regression", values: Float64Array.from(rows, (r) => y.values[r]) };
}

function same(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

function close(a: Float64Array, b: Float64Array, tolerance: number): boolean {
  return a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) <= tolerance * Math.max(1, Math.abs(v)));
}

function assert(condition: boolean, problem: string): void {
  if (!condition) throw new Error(problem);
}

async function expectLitmlError(body: () => unknown, code: string): Promise<void> {
  try {
    await body();
  } catch (error) {
    assert(error instanceof LitmlError && error.code === code, `expected LitmlError ${code}, got ${String(error)}`);
    return;
  }
  throw new Error(`expected LitmlError ${code}, got no error`);
}
