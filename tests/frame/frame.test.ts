import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCard } from "../../src/frame/card.js";
import { frame } from "../../src/frame/frame.js";

// Cards set in this process belong to this file's own notebook key, not to other test files'.
process.env.JPY_SESSION_NAME = `frame-test-${process.pid}`;

// Each scenario runs in its own process with its own store: the card and the looks must outlive the process.
// `api` is what the process imports as litml: the library (a script) or the kernel's notebook API.
function run(stateDir: string, notebook: string | undefined, code: string, api: "library" | "kernel" = "library"): string {
  const entry = api === "library" ? path.resolve("dist", "src", "index.js") : path.resolve("dist", "kernel-ext", "notebook-api.js");
  const script = `const litml = await import(${JSON.stringify(entry)});\n${code}`;
  const env: NodeJS.ProcessEnv = { ...process.env, LITML_STATE_DIR: stateDir };
  delete env.JPY_SESSION_NAME;
  if (notebook !== undefined) env.JPY_SESSION_NAME = notebook;
  if (api === "kernel") env.LITML_KERNEL = "1";
  return execFileSync(process.execPath, ["--disable-warning=ExperimentalWarning", "--input-type=module", "-e", script], { encoding: "utf8", env }).trim();
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

  it("reads the metric in any case, and refuses a misspelt metric, impossible numbers and repeated keys", () => {
    expect(parseCard("metric: Accuracy\nsuccess: 0.9\nmin gain: 0.05")).toEqual({ metric: "accuracy", success: 0.9, minGain: 0.05 });
    expect(() => parseCard("metric: acuracy")).toThrowError(/metric "acuracy" is not a metric litml knows\. Did you mean "accuracy"\?/);
    expect(() => parseCard("metric: accuracy\nsuccess: 1.2")).toThrowError(/invalid success: 1\.2; expected a value of accuracy, between 0 and 1/);
    expect(() => parseCard("metric: rmse\nsuccess: -3")).toThrowError(/invalid success: -3/);
    expect(parseCard("metric: r2\nsuccess: -0.5").success).toBe(-0.5);
    expect(() => parseCard("min gain: -0.1")).toThrowError(/invalid min gain: -0\.1; expected a number ≥ 0/);
    expect(() => parseCard("metric: accuracy\nproblem: a\nmetric: f1")).toThrowError(/Line 3 of the framing card sets "metric" again \(line 1 set it first\)/);
  });

  it("a card that is not a card changes nothing", async () => {
    const saved = await frame({ problem: "kept", metric: "accuracy" });
    await expect(frame(42 as never)).rejects.toThrowError(/frame: invalid card: 42/);
    await expect(frame({ metric: "acuracy" })).rejects.toThrowError(/Did you mean "accuracy"/);
    const { savedCard } = await import("../../src/frame/frame.js");
    expect(savedCard()).toEqual(saved.data.card);
  });

  it("asks a regression card no error-cost question", async () => {
    const regression = await frame({ problem: "predict delay", metric: "rmse" });
    expect(regression.data.unanswered).not.toContain("What does a miss cost?");
    expect(regression.data.unanswered).not.toContain("What does a false alarm cost?");
    const classes = await frame({ problem: "flag delay", metric: "f1" });
    expect(classes.data.unanswered).toContain("What does a miss cost?");
  });

  it("lists the unanswered questions", async () => {
    const result = await frame({ problem: "p", metric: "accuracy" });
    expect(result.verdict.level).toBe("warn");
    expect(result.data.unanswered).toContain("What does a miss cost?");
  });

  it("outlives the kernel: a new kernel for the same notebook starts with its card and passes it to analyses", () => {
    const state = mkdtempSync(path.join(os.tmpdir(), "litml-frame-"));
    run(state, "/lessons/a.ipynb", `await litml.frame("problem: species\\nmetric: balanced-accuracy\\nmin gain: 0.05");`, "kernel");
    const out = run(state, "/lessons/a.ipynb", `const r = await litml.baseline("penguins", { target: "Species", resamples: 100 }); console.log(JSON.stringify([litml.card().metric, r.data.metric, r.data.rule]));`, "kernel");
    const [cardMetric, usedMetric, rule] = JSON.parse(out.split("\n").pop()!);
    expect([cardMetric, usedMetric]).toEqual(["balanced-accuracy", "balanced-accuracy"]);
    expect(rule).toMatch(/framing card's minimum/);
    // Another notebook has its own card.
    expect(run(state, "/lessons/b.ipynb", `console.log(String(litml.card()))`, "kernel")).toBe("undefined");
  });

  it("keeps no hidden state: a script's analysis reads no card unless it is passed, and writes nothing", () => {
    const state = mkdtempSync(path.join(os.tmpdir(), "litml-pure-"));
    run(state, "/lessons/a.ipynb", `await litml.frame("metric: balanced-accuracy");`);
    const fresh = path.join(state, "untouched");
    const out = run(fresh, "/lessons/a.ipynb", `const r = await litml.baseline("penguins", { target: "Species", resamples: 100 }); console.log(r.data.metric);`);
    expect(out.split("\n").pop()).toBe("accuracy");
    expect(existsSync(fresh)).toBe(false);
    // Passed in, the saved card applies.
    const passed = run(state, "/lessons/a.ipynb", `const r = await litml.baseline("penguins", { target: "Species", resamples: 100, card: litml.savedCard() }); console.log(r.data.metric);`);
    expect(passed.split("\n").pop()).toBe("balanced-accuracy");
  });

  it("never shares a card between notebooks run by a kernel that was not told their names", () => {
    const state = mkdtempSync(path.join(os.tmpdir(), "litml-anonymous-"));
    run(state, undefined, `await litml.frame("metric: balanced-accuracy");`, "kernel");
    expect(run(state, undefined, `console.log(String(litml.card()))`, "kernel")).toBe("undefined");
    const out = run(state, undefined, `const r = await litml.baseline("penguins", { target: "Species", resamples: 100 }); console.log(r.data.metric);`, "kernel");
    expect(out.split("\n").pop()).toBe("accuracy");
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
