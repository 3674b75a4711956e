/**
 * Issue #16: a verdict opens with a headline in words and gives its numbers at two or three
 * significant figures (integers such as counts of rows stay exact). Every analysis runs on
 * small real data sets (penguins where the analysis allows it), and every decimal number in
 * its verdict and notes is counted.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as litml from "../../src/index.js";

process.env.LITML_STATE_DIR = mkdtempSync(path.join(os.tmpdir(), "litml-figures-"));
process.env.JPY_SESSION_NAME = `verdict-figures-${process.pid}`;

/** Significant figures of a decimal number as written ("0.8740" → 4, "1,234.5" → 5, "1.23e-4" → 3). */
export function significantFigures(written: string): number {
  const mantissa = written.replace(/[,−-]/g, "").split(/e/i)[0];
  return mantissa.replace(".", "").replace(/^0+/, "").length;
}

/** The decimal numbers (with a decimal point) in a text, p-values excepted: they read as formatPValue writes them. */
export function decimals(text: string): string[] {
  return text.replace(/\bp [=<] \d+\.\d+/g, "p").match(/\d[\d,]*\.\d+(?:e[+-]?\d+)?/g) ?? [];
}

const penguins = () => litml.load("penguins");
const analyses: [string, () => Promise<litml.Result>][] = [
  ["profile", () => litml.profile("penguins", { target: "Species" })],
  ["baseline", () => litml.baseline("penguins", { target: "Species", resamples: 100 })],
  ["baseline (regression)", () => litml.baseline("penguins", { target: "Body Mass (g)", resamples: 100 })],
  ["learning curve", () => litml.learningCurve("penguins", { target: "Species", sizes: [40, 120, 240] })],
  ["overfit check", () => litml.overfitCheck("penguins", { target: "Species" })],
  ["overfit check (regression)", () => litml.overfitCheck("penguins", { target: "Body Mass (g)" })],
  ["slices", () => litml.slices("penguins", { target: "Species", by: "Island" })],
  ["slices (regression, by a number)", async () => litml.slices((await penguins()).where("Body Mass (g)", (m) => m !== null), { target: "Body Mass (g)", by: "Beak Depth (mm)" })],
  ["simpson", () => litml.simpson("kidney-stones", { outcome: "outcome", treatment: "treatment", by: "stone_size", count: "count" })],
  ["backtest", () => litml.backtest("seattle-weather", { target: "weather", time: "date", folds: 3 })],
  ["drift", async () => { const p = await penguins(); return litml.drift(p.where("Island", (i) => i === "Biscoe"), p.where("Island", (i) => i !== "Biscoe")); }],
  ["leakage", () => litml.leakage("penguins", { target: "Species" })],
  ["errors", () => litml.errors("penguins", { target: "Island" })],
  ["errors (regression)", async () => litml.errors((await penguins()).where("Body Mass (g)", (m) => m !== null), { target: "Body Mass (g)" })],
  ["outliers", () => litml.outliers("penguins", { target: "Species" })],
  ["invariance", () => litml.invariance("penguins", { target: "Body Mass (g)", sensitive: "Sex", expect: { "Flipper Length (mm)": "+" } })],
  ["fairness", async () => litml.fairness((await penguins()).where("Sex", (s) => s !== null), { target: "Sex", sensitive: "Island" })],
  ["thresholds", async () => litml.thresholds((await penguins()).where("Sex", (sex) => sex !== null), { target: "Sex" })],
  ["adversarial", async () => {
    const p = await penguins();
    return litml.adversarial(p.where("Island", (i) => i === "Biscoe"), p.where("Island", (i) => i !== "Biscoe"), { columns: ["Beak Length (mm)", "Body Mass (g)"] });
  }],
  ["guarded test", async () => {
    const { train, test } = await litml.holdout((await penguins()).where("Sex", (s) => s !== null), { target: "Sex" });
    return litml.evaluate(await litml.pipelineFor("logistic").fit(train, "Sex"), test, { card: { metric: "accuracy", success: 0.95, minGain: 0.1 } });
  }],
];

describe("counting significant figures", () => {
  it("counts what a reader sees, trailing zeros included", () => {
    expect(["0.874", "0.8740", "12.3", "1,234.5", "1.23e-4", "100.0", "0.05"].map(significantFigures)).toEqual([3, 4, 3, 5, 3, 4, 1]);
    expect(decimals("3,214 rows; AUC 0.91 against 0.5012, p = 1.000, 12.3%")).toEqual(["0.91", "0.5012", "12.3"]);
  });
});

describe.each(analyses)("the %s verdict", (_, run) => {
  it("opens with words and gives decimals at no more than 3 significant figures", async () => {
    const result = await run();
    const { verdict, notes } = result.toJSON() as { verdict: { text: string }; notes?: string[] };
    expect(verdict.text, verdict.text).toMatch(/^["“(]?\p{L}/u);
    for (const text of [verdict.text, ...(notes ?? [])]) {
      const tooPrecise = decimals(text).filter((n) => significantFigures(n) > 3);
      expect(tooPrecise, text).toEqual([]);
    }
  }, 120_000);
});
