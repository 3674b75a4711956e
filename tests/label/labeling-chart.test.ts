/** A snapshot of the labeling chart, drawn from literal data so that it is stable; it also renders to SVG. */
import { describe, expect, it } from "vitest";
import { renderSvg } from "../../src/display/svg.js";
import { labelingChart } from "../../src/label/labeling/chart.js";
import type { LabelingData } from "../../src/label/labeling/types.js";

const scored = (correct: number, n: number, low: number, high: number) => ({ correct, n, accuracy: correct / n, low, high });
const data: LabelingData = {
  rows: 1000,
  classes: ["ham", "spam"],
  functions: [
    { name: "reply", kind: "regex", description: "subject matches /^re:/i → ham", polarity: ["ham"], coverage: 0.4, overlap: 0.3, conflict: 0.05, learnedAccuracy: 0.97, gold: scored(380, 400, 0.92, 0.97), errors: 0 },
    { name: "free", kind: "keywords", description: 'body has "free" → spam', polarity: ["spam"], coverage: 0.2, overlap: 0.15, conflict: 0.08, learnedAccuracy: 0.9, gold: scored(140, 200, 0.63, 0.76), errors: 0 },
    { name: "never", kind: "function", description: "a function of the row", polarity: [], coverage: 0, overlap: 0, conflict: 0, learnedAccuracy: Number.NaN, gold: scored(0, 0, Number.NaN, Number.NaN), errors: 0 },
  ],
  coverage: 0.55,
  overlap: 0.3,
  conflict: 0.08,
  labelModel: { method: "matrix-completion", priors: { ham: 0.5, spam: 0.5 }, iterations: 500, converged: true },
  threw: [],
  alwaysAbstain: ["never"],
  gold: { column: "label", rows: 1000, covered: 550, labelModel: scored(480, 550, 0.84, 0.9), majorityVote: scored(470, 550, 0.82, 0.88), ties: 12 },
  endModel: {
    model: "naive-bayes",
    folds: 3,
    weak: scored(820, 1000, 0.79, 0.84),
    gold: scored(900, 1000, 0.88, 0.92),
    curve: [
      { size: 50, accuracy: 0.8, low: 0.77, high: 0.82 },
      { size: 100, accuracy: 0.85, low: 0.83, high: 0.87 },
      { size: 667, accuracy: 0.9, low: 0.88, high: 0.92 },
    ],
    goldToMatch: 100,
    trainRows: 667,
    textColumns: ["subject", "body"],
  },
  labels: [],
};

describe("the labeling chart", () => {
  it("matches its reviewed Vega-Lite snapshot and renders", async () => {
    const chart = labelingChart(data);
    await expect(JSON.stringify(chart, null, 2)).toMatchFileSnapshot("__snapshots__/labeling-chart.vl.json");
    expect(await renderSvg(chart)).toMatch(/^<svg[\s\S]*class="marks"/);
  });
  it("draws no learning curve without an end model, and no gold points without gold labels", () => {
    const { endModel, gold, ...rest } = data;
    void endModel;
    void gold;
    const chart = labelingChart({ ...rest, functions: data.functions.map(({ gold: g, ...f }) => (void g, f)) } as LabelingData) as { vconcat: { data?: { values: { source: string }[] } }[] };
    expect(chart.vconcat).toHaveLength(2);
    expect(chart.vconcat[1].data!.values.every((v) => v.source === "label model")).toBe(true);
  });
});
