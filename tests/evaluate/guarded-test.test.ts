import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../src/data/dataset.js";
import { load, toDataset } from "../../src/data/convert.js";
import { evaluate, type GuardedTestSet, holdout } from "../../src/evaluate/guarded-test/index.js";
import type { FittedPipeline } from "../../src/features/pipeline.js";
import { pipelineFor } from "../../src/features/default-pipeline.js";
import { predict } from "../../src/validate/predictor.js";
import { python } from "../helpers/python.js";

// A store of looks of its own, so this file's looks never meet another's.
process.env.LITML_STATE_DIR = mkdtempSync(path.join(os.tmpdir(), "litml-guarded-"));

const VEGA = path.resolve("node_modules/vega-datasets/data");

let test: GuardedTestSet;
let fitted: FittedPipeline;
let train: Dataset;

/** vega-datasets weather.csv as the reviewer read it: rain or not, without precipitation; the latest fifth held out by date. */
beforeAll(async () => {
  const rows = (await load(path.join(VEGA, "weather.csv"))).toRecords().map(({ weather, precipitation: _p, ...r }) => ({ ...r, rain: weather === "rain" ? "yes" : "no" }));
  ({ train, test } = await holdout(toDataset(rows), { target: "rain", card: { time: "date" } }));
  fitted = await pipelineFor("logistic").fit(train, "rain");
});

/** scikit-learn's balanced accuracy of our predictions on the test rows. */
let cached: number | undefined;
function sklearnBalancedAccuracy(): number {
  if (cached !== undefined) return cached;
  const labels = predict(fitted, test.data, false).labels!;
  const classes = fitted.classes!;
  const truth = test.data.toRecords().map((r) => r.rain);
  const predicted = Array.from(labels, (c) => classes[c]);
  const reference = python<number>(`
from sklearn.metrics import balanced_accuracy_score
emit(float(balanced_accuracy_score(${JSON.stringify(truth)}, ${JSON.stringify(predicted)})))`).value;
  return (cached = reference);
}

describe("evaluate judges the test score by the framing card", () => {
  it("weather.csv, card balanced-accuracy 0.8: a score below it warns with the gap in words, on a first look", async () => {
    const result = await evaluate(fitted, test, { card: { metric: "balanced-accuracy", success: 0.8, time: "date" } });
    const reference = sklearnBalancedAccuracy();
    expect(result.data.metric).toBe("balanced-accuracy");
    expect(result.data.score).toBeCloseTo(reference, 12);
    expect(result.data.looks).toBe(1);
    expect(reference).toBeLessThan(0.8);
    expect(result.data.shortOfSuccess).toBeCloseTo(0.8 - reference, 12);
    expect(result.verdict.level).toBe("warn");
    expect(result.verdict.text).toContain(`below the framing card's success value (balanced-accuracy 0.8), short by ${String(Number((0.8 - reference).toPrecision(3)))}`);
    expect(result.table!.columns).toContain("success value");
  });

  it("a success value the score reaches is said to be met, and a first look stays ok", async () => {
    const reference = sklearnBalancedAccuracy();
    const success = Math.floor((reference - 0.05) * 100) / 100;
    const result = await evaluate(fitted, test, { card: { metric: "balanced-accuracy", success } });
    expect(result.data.shortOfSuccess).toBe(0);
    expect(result.verdict.level).toBe("ok");
    expect(result.verdict.text).toContain(`meets the framing card's success value (balanced-accuracy ${success})`);
  });

  it("the minimum gain is judged against the card's existing score, with the gain stated; without an existing score a note says why it is not", async () => {
    const reference = sklearnBalancedAccuracy();
    const card = { metric: "balanced-accuracy", success: 0.5, existingScore: 0.6, minGain: 0.2 };
    const result = await evaluate(fitted, test, { card });
    expect(result.data.gain).toBeCloseTo(reference - 0.6, 12);
    expect(reference - 0.6).toBeLessThan(0.2);
    expect(result.verdict.level).toBe("warn");
    expect(result.verdict.text).toMatch(/Against the existing solution's 0\.6 it gains 0\.\d+, less than the card's minimum gain of 0\.2/);
    const without = await evaluate(fitted, test, { card: { metric: "balanced-accuracy", minGain: 0.2 } });
    expect(without.data.gain).toBeUndefined();
    expect(without.verdict.level).toBe("ok");
    expect(without.notes.join(" ")).toMatch(/minimum gain is over a baseline, and the test set has none/);
  });

  it("names a card whose metric does not fit the task (rmse on classes) in a note, and scores the task's default", async () => {
    const result = await evaluate(fitted, test, { card: { metric: "rmse", success: 5 } });
    expect(result.data.metric).toBe("accuracy");
    expect(result.data.goal).toBeUndefined();
    expect(result.notes.join(" ")).toMatch(/The framing card's metric rmse does not fit this target \(classes\), so evaluate scored accuracy instead; its success value 5 was not compared/);
    const plain = await evaluate(fitted, test);
    expect(plain.notes).toEqual([]);
    expect(plain.verdict.level).toBe("ok");
  });

  it("a second model's look warns even when the success value is met", async () => {
    const tree = await pipelineFor("tree", { maxDepth: 2 }).fit(train, "rain");
    const result = await evaluate(tree, test, { card: { metric: "balanced-accuracy", success: 0.3 } });
    expect(result.data.looks).toBe(2);
    expect(result.verdict.level).toBe("warn");
    expect(result.verdict.text).toMatch(/meets the framing card's success value.*Every look after the first/);
  });

  it("checks its options against the schema", async () => {
    await expect(evaluate(fitted, test, { metric: 3 as unknown as string })).rejects.toThrowError(/evaluate: invalid metric/);
    await expect(evaluate(fitted, test, { card: { metric: "accuracy" }, seed: 1 } as never)).rejects.toThrowError(/evaluate: unknown option "seed"/);
    await expect(holdout(train, { testSize: 1.5 })).rejects.toThrowError(/holdout: invalid testSize: 1\.5/);
    await expect(holdout(train, { target: "rian" })).rejects.toThrowError(/Did you mean "rain"/);
  });
});
