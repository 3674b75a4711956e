/** Snapshots of the leakage, drift and adversarial charts, drawn from literal data so that they are stable; each also renders to SVG. */
import { describe, expect, it } from "vitest";
import { adversarialChart } from "../../src/monitor/adversarial/chart.js";
import type { AdversarialData } from "../../src/monitor/adversarial/types.js";
import { driftChart } from "../../src/monitor/drift/chart.js";
import type { DriftData } from "../../src/monitor/drift/types.js";
import { leakageChart } from "../../src/evaluate/leakage/chart.js";
import type { LeakageData } from "../../src/evaluate/leakage/types.js";
import { renderSvg } from "../../src/display/svg.js";

const leakage: LeakageData = {
  target: "label",
  validation: "5 stratified folds",
  testRows: 600,
  compared: ["x", "z", "outcome_code"],
  exact: { rows: 0, conflicting: 0, expected: 0 },
  near: { rows: 0, conflicting: 0, expected: 0.2 },
  metric: "balanced-accuracy",
  threshold: 0.95,
  solo: [
    { column: "outcome_code", score: 0.99, suspicious: true },
    { column: "x", score: 0.71, suspicious: false },
    { column: "z", score: 0.48, suspicious: false },
  ],
  checks: [],
};

const drift: DriftData = {
  referenceRows: 3000,
  currentRows: 3000,
  regime: "large reference: effect sizes",
  threshold: 0.1,
  driftedShare: 0.5,
  columns: [
    { column: "airport", type: "categorical", method: "Jensen–Shannon beyond chance", effect: 0.02, rawEffect: 0.19, drifted: false },
    { column: "temp", type: "numeric", method: "Wasserstein/sd", effect: 0.31, drifted: true },
  ],
};

const adversarial = (compared: boolean): AdversarialData => ({
  aRows: 500,
  bRows: 500,
  model: "gbdt",
  folds: 3,
  shared: { inA: compared ? 3 : 400, inB: compared ? 3 : 400, expectedInA: 0.4, expectedInB: 0.4, shareBeyondChance: compared ? 0 : 0.8, identical: false },
  compared,
  auc: compared ? 0.81 : NaN,
  low: compared ? 0.78 : NaN,
  high: compared ? 0.84 : NaN,
  driftScore: compared ? 0.62 : NaN,
  driftLow: compared ? 0.56 : NaN,
  driftHigh: compared ? 0.68 : NaN,
  threshold: 0.25,
  flagged: compared,
  giveaways: compared ? [{ column: "x", aucDrop: 0.3 }, { column: "y", aucDrop: 0.001 }] : [],
});

describe.each([
  ["leakage", () => leakageChart(leakage)],
  ["drift", () => driftChart(drift)],
  ["adversarial", () => adversarialChart(adversarial(true))],
  ["adversarial-shared", () => adversarialChart(adversarial(false))],
])("the %s chart", (name, chart) => {
  it("matches its reviewed Vega-Lite snapshot and renders", async () => {
    await expect(JSON.stringify(chart(), null, 2)).toMatchFileSnapshot(`__snapshots__/${name}-chart.vl.json`);
    const svg = await renderSvg(chart());
    expect(svg).toContain("<svg");
    expect(svg).not.toContain("NaN");
  });
});
