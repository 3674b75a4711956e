import { describe, expect, it } from "vitest";
import * as litml from "../../src/index.js";
import { RESULT_MIME } from "../../src/result.js";
import { svgImages } from "../../src/display/svg-image.js";

process.env.JPY_SESSION_NAME = `every-result-${process.pid}`;

const display = (value: object) => (value as Record<symbol, () => Record<string, unknown>>)[Symbol.for("Jupyter.display")]();

const analyses: [string, () => Promise<litml.Result>][] = [
  ["profile", () => litml.profile("penguins")],
  ["frame", () => litml.frame({ problem: "species", metric: "accuracy" })],
  ["baseline", () => litml.baseline("penguins", { target: "Species", resamples: 100 })],
  ["learning curve", () => litml.learningCurve("penguins", { target: "Species", sizes: [40, 120, 240] })],
  ["overfit check", () => litml.overfitCheck("penguins", { target: "Species" })],
  ["slices", () => litml.slices("penguins", { target: "Species", by: "Island" })],
  ["simpson", () => litml.simpson("kidney-stones", { outcome: "outcome", treatment: "treatment", by: "stone_size", count: "count" })],
  ["backtest", () => litml.backtest("seattle-weather", { target: "weather", time: "date", folds: 3 })],
  ["drift", () => litml.drift("penguins", "penguins")],
  ["leakage", () => litml.leakage("penguins", { target: "Species" })],
  ["errors", () => litml.errors("penguins", { target: "Island" })],
  ["outliers", () => litml.outliers("penguins", { target: "Species" })],
  ["invariance", () => litml.invariance("cps-wages-1985", { target: "wage", sensitive: "gender", expect: { education: "+" } })],
  ["fairness", async () => litml.fairness((await litml.load("cps-wages-1985")).toRecords().map((r) => ({ ...r, wage: (r.wage as number) > 10 ? "high" : "not high" })), { target: "wage", sensitive: "gender" })],
  ["thresholds", async () => litml.thresholds((await litml.load("penguins")).where("Sex", (sex) => sex !== null), { target: "Sex" })],
  ["adversarial", async () => {
    const penguins = await litml.load("penguins");
    return litml.adversarial(penguins.where("Island", (i) => i === "Biscoe"), penguins.where("Island", (i) => i !== "Biscoe"), { columns: ["Beak Length (mm)", "Body Mass (g)"] });
  }],
  ["labeling", async () =>
    litml.labeling((await litml.load("spam-assassin")).sample(400, 1), {
      lfs: [litml.lf.regex("reply", "subject", /^re:/i, "ham"), litml.lf.keywords("free", "body", ["free", "money"], "spam"), litml.lf.regex("quoted", "body", /^>/m, "ham")],
      gold: "label",
      folds: 2,
      goldSizes: [50],
    })],
];

describe.each(analyses)("the %s result", (_, run) => {
  it("renders as result JSON, script-free HTML with its chart as an SVG image, and plain text", async () => {
    const result = await run();
    const bundle = display(result);
    expect(Object.keys(bundle).sort()).toEqual([RESULT_MIME, "text/html", "text/plain"].sort());
    const json = bundle[RESULT_MIME] as { kind: string; version: number; verdict: { level: string; text: string } };
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(["ok", "warn", "fail"]).toContain(json.verdict.level);
    expect(json.verdict.text.length).toBeGreaterThan(20);
    const html = bundle["text/html"] as string;
    expect(html).not.toMatch(/<script/i);
    if (result.chart) {
      expect(svgImages(html)[0]).toMatch(/^<svg[\s\S]*class="marks"/);
      expect((result.chart as { $schema: string }).$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    }
    expect(JSON.stringify(bundle).length).toBeLessThan(300_000);
  }, 60_000);
});
