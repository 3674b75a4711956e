/**
 * Tracked runs: a result's metrics (with the intervals its data holds) recorded whole,
 * `track` for anything else, and `runs()` listing, charting and comparing them.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

process.env.LITML_STATE_DIR = mkdtempSync(path.join(os.tmpdir(), "litml-runs-"));

import { load } from "../../src/data/convert.js";
import type { Dataset } from "../../src/data/dataset.js";
import { baseline, type BaselineData } from "../../src/evaluate/baseline/index.js";
import type { Result } from "../../src/result.js";
import { recordResult, recordFit, track } from "../../src/tune/tracking/record.js";
import { metricsOf } from "../../src/tune/tracking/metrics-of.js";
import { runs } from "../../src/tune/runs/index.js";
import { selectRuns } from "../../src/state/runs.js";
import { pipelineFor } from "../../src/features/default-pipeline.js";
import { LitmlError } from "../../src/errors.js";
import { LITML_VERSION } from "../../src/version.js";

let penguins: Dataset;
let result: Result<BaselineData>;

beforeAll(async () => {
  penguins = await load("penguins");
  result = await baseline(penguins, { target: "Species", model: "logistic", folds: 3, seed: 4 });
});

describe("metrics of a result", () => {
  it("takes every contender's score with its interval, named by the contender", () => {
    const metrics = metricsOf(result.data);
    for (const c of result.data.contenders) {
      expect(metrics).toContainEqual({ name: `contenders/${c.name}`, value: c.score, low: c.low, high: c.high });
    }
  });

  it("takes a number beside its interval, an interval's ends, and numbers one object deep", () => {
    const metrics = metricsOf({
      folds: 5,
      inner: { auc: 0.8, aucInterval: { low: 0.7, high: 0.9 }, count: 3, deeper: { skipped: 1 } },
      excess: { low: 0.1, high: 0.3 },
      list: [{ label: "a", value: 1, low: 0, high: 2, skipped: 4 }],
    });
    expect(metrics).toEqual([
      { name: "folds", value: 5 },
      { name: "inner/auc", value: 0.8, low: 0.7, high: 0.9 },
      { name: "inner/count", value: 3 },
      { name: "excess/low", value: 0.1 },
      { name: "excess/high", value: 0.3 },
      { name: "list/a", value: 1, low: 0, high: 2 },
    ]);
  });
});

describe("recording", () => {
  it("records a result whole: kind, verdict, metrics, data fingerprint, seed, version, notebook and cell", () => {
    const run = recordResult(result, { notebook: "lesson.ipynb", cell: 7, params: { target: "Species", folds: 3 }, durationMs: 1234 });
    const [stored] = selectRuns({ ids: [run.id] });
    expect(stored).toMatchObject({
      kind: "baseline-comparison",
      name: result.title,
      notebook: "lesson.ipynb",
      cell: 7,
      params: { target: "Species", folds: 3 },
      datasets: [penguins.provenance()],
      seed: 4,
      durationMs: 1234,
      litml: LITML_VERSION,
      verdict: result.verdict,
    });
    expect(stored.metrics).toEqual(metricsOf(result.data));
  });

  it("track: numbers and { value, low, high } are metrics, params and the rest params", () => {
    const run = track("my experiment", { auc: 0.91, f1: { value: 0.8, low: 0.75, high: 0.85 }, note: "more trees", depth: [3, 4], params: { trees: 200 } });
    const [stored] = selectRuns({ ids: [run.id] });
    expect(stored.kind).toBe("track");
    expect(stored.metrics).toEqual([{ name: "auc", value: 0.91 }, { name: "f1", value: 0.8, low: 0.75, high: 0.85 }]);
    expect(stored.params).toEqual({ note: "more trees", depth: [3, 4], trees: 200 });
  });

  it("records a fit with its model, params and data", async () => {
    const fitted = await pipelineFor("tree", { maxDepth: 3, seed: 2 }).fit(penguins, "Species");
    const run = recordFit(fitted, penguins.provenance(), { cell: 2 });
    const [stored] = selectRuns({ ids: [run.id] });
    expect(stored).toMatchObject({ kind: "fit", params: { model: "tree", target: "Species", maxDepth: 3, seed: 2 }, seed: 2, datasets: [penguins.provenance()], cell: 2 });
  });

  it("keeps params readable: functions, data and pipelines by name, not contents", () => {
    const run = track("odd params", { rule: ((x: number) => x) as never, data: penguins as never, pipeline: pipelineFor("logistic") as never });
    expect(selectRuns({ ids: [run.id] })[0].params).toEqual({ rule: "[function rule]", data: `[data penguins ${penguins.provenance().hash}]`, pipeline: "[Pipeline logistic]" });
  });

  it("track refuses an empty name or values that are not an object", () => {
    expect(() => track("", {})).toThrow(/track: invalid name/);
    expect(() => track("x", 3 as never)).toThrow(/track: invalid values/);
  });
});

describe("runs()", () => {
  it("lists runs newest first and charts the most common metric with its intervals", async () => {
    const a = track("sweep", { accuracy: { value: 0.9, low: 0.85, high: 0.95 }, params: { C: 1 } });
    const b = track("sweep", { accuracy: { value: 0.93, low: 0.9, high: 0.96 }, params: { C: 10 } });
    const listed = await runs({ kind: "track", metric: "accuracy" });
    expect(listed.table?.rows[0][0]).toBe(b.id);
    expect(listed.data.metric).toBe("accuracy");
    const values = (listed.chart?.data as { values: { run: string; value: number; low?: number }[] }).values;
    expect(values).toContainEqual({ run: `#${a.id}`, name: "sweep", value: 0.9, low: 0.85, high: 0.95 });
    expect(values).toContainEqual({ run: `#${b.id}`, name: "sweep", value: 0.93, low: 0.9, high: 0.96 });
    expect(listed.verdict.text).toMatch(/have accuracy, from 0\.9 to 0\.93/);
    expect(listed.svg).toContain("accuracy across runs");
    expect((await runs({ last: 1 })).data.runs.map((r) => r.id)).toEqual([b.id]);
  });

  it("compares two runs' params, data and metrics", async () => {
    const a = track("compare", { accuracy: 0.8, C: "1", solver: "lbfgs" });
    const b = track("compare", { accuracy: 0.85, C: "10", solver: "lbfgs" });
    const compared = await runs({ compare: [a.id, b.id], metric: "accuracy" });
    const c = compared.data.comparison!;
    expect(c.params).toEqual([
      { key: "C", a: "1", b: "10", same: false },
      { key: "solver", a: "lbfgs", b: "lbfgs", same: true },
    ]);
    expect(c.metrics).toEqual([{ name: "accuracy", a: 0.8, b: 0.85, difference: 0.85 - 0.8 }]);
    expect(compared.verdict.text).toBe(`Runs #${a.id} and #${b.id} differ in 1 param: C. accuracy: 0.8 in #${a.id}, 0.85 in #${b.id}.`);
    expect(compared.table?.rows[0]).toEqual(["C", "1", "10", "no"]);
  });

  it("bad input: an unknown run lists the newest, one id, an unknown metric", async () => {
    const error = await runs({ compare: [1, 99999] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LitmlError);
    expect((error as Error).message).toMatch(/there is no run #99999\. The newest runs are #\d+/);
    await expect(runs({ compare: [1] })).rejects.toThrow(/two run ids/);
    await expect(runs({ metric: "acuracy" })).rejects.toThrow(/Did you mean "accuracy"\?/);
    await expect(runs({ last: 0 })).rejects.toThrow(/runs: invalid last/);
  });
});

describe("a store that cannot be opened", () => {
  it("fails with one LitmlError that says so", async () => {
    const { execFileSync } = await import("node:child_process");
    const { writeFileSync } = await import("node:fs");
    // A file where the store's folder should be: SQLite cannot open a database inside it.
    const blocked = path.join(mkdtempSync(path.join(os.tmpdir(), "litml-blocked-")), "not-a-folder");
    writeFileSync(blocked, "");
    const script = `const litml = await import(${JSON.stringify(path.resolve("dist", "src", "index.js"))});
      try { await litml.runs(); } catch (e) { console.log(e.code + ": " + e.message); }`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", env: { ...process.env, LITML_STATE_DIR: blocked } });
    expect(out).toMatch(/^tracking-unavailable: The \.litml\/ store cannot be opened here/);
  });
});
