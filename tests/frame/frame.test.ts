import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { frame, parseCard } from "../../src/frame/frame.js";

// Cards set in this process belong to this file's own notebook key, not to other test files'.
process.env.JPY_SESSION_NAME = `frame-test-${process.pid}`;

// Each scenario runs in its own process with its own store: the card and the looks must outlive the process.
function run(stateDir: string, notebook: string, code: string): string {
  const script = `const litml = await import(${JSON.stringify(path.resolve("dist", "src", "index.js"))});\n${code}`;
  return execFileSync(process.execPath, ["--disable-warning=ExperimentalWarning", "--input-type=module", "-e", script], {
    encoding: "utf8",
    env: { ...process.env, LITML_STATE_DIR: stateDir, JPY_SESSION_NAME: notebook },
  }).trim();
}

describe("the framing card", () => {
  it("parses key: value lines, lists, percentages and comments", () => {
    const card = parseCard("# our project\nproblem: flag late flights\nmetric: roc-auc\nsuccess: 70%\nmin gain: 0.02\nslices: origin, weekday\nfalse negative cost: 50 # a missed delay\ntime: date");
    expect(card).toEqual({ problem: "flag late flights", metric: "roc-auc", success: 0.7, minGain: 0.02, slices: ["origin", "weekday"], falseNegativeCost: 50, time: "date" });
    expect(parseCard("slices:\n  - Island\n  - Sex").slices).toEqual(["Island", "Sex"]);
  });

  it("names an unknown key, its line and the closest known key", () => {
    expect(() => parseCard("problem: x\nsucess: 0.9")).toThrowError(/Line 2 of the framing card: unknown key "sucess"\. Did you mean "success"\?/);
    expect(() => parseCard("just words")).toThrowError(/Line 1 .* is not "key: value"/);
  });

  it("lists the unanswered questions", async () => {
    const result = await frame({ problem: "p", metric: "accuracy" });
    expect(result.verdict.level).toBe("warn");
    expect(result.data.unanswered).toContain("What does a miss cost?");
  });

  it("outlives the kernel: a new process for the same notebook reads the card, and analyses use it", () => {
    const state = mkdtempSync(path.join(os.tmpdir(), "litml-frame-"));
    run(state, "/lessons/a.ipynb", `await litml.frame("problem: species\\nmetric: balanced-accuracy\\nmin gain: 0.05");`);
    const out = run(state, "/lessons/a.ipynb", `const r = await litml.baseline("penguins", { target: "Species", resamples: 100 }); console.log(JSON.stringify([litml.currentFrame().metric, r.data.metric, r.data.rule]));`);
    const [cardMetric, usedMetric, rule] = JSON.parse(out.split("\n").pop()!);
    expect([cardMetric, usedMetric]).toEqual(["balanced-accuracy", "balanced-accuracy"]);
    expect(rule).toMatch(/framing card's minimum/);
    // Another notebook has its own card.
    expect(run(state, "/lessons/b.ipynb", `console.log(String(litml.currentFrame()))`)).toBe("undefined");
  });

  it("loads a shared card from a file", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "litml-card-")), "card.yaml");
    writeFileSync(file, "problem: shared\nmetric: accuracy\nsuccess: 0.9\n");
    const result = await frame(file);
    expect(result.data.card.success).toBe(0.9);
  });
});

describe("the guarded test set", () => {
  it("counts one look per distinct model, and the count survives a restart", () => {
    const state = mkdtempSync(path.join(os.tmpdir(), "litml-looks-"));
    const look = (model: string) =>
      run(state, "/lessons/c.ipynb", `const { train, test } = await litml.holdout("penguins", { target: "Species", seed: 1 });
const fitted = await litml.pipelineFor(${JSON.stringify(model)}).fit(train, "Species");
const r = await litml.evaluate(fitted, test); console.log(JSON.stringify([r.data.looks, r.verdict.level]));`)
        .split("\n")
        .pop()!;
    expect(JSON.parse(look("logistic"))).toEqual([1, "ok"]);
    expect(JSON.parse(look("logistic"))).toEqual([1, "ok"]);
    expect(JSON.parse(look("gbdt"))).toEqual([2, "warn"]);
  });
});
