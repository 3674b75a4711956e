/**
 * Stage attribution on a real two-stage pipeline, penguins: stage 1 predicts the species
 * from beak depth and sex; stage 2 predicts body mass from sex and stage 1's out-of-fold
 * species. The end-to-end RMSE of the pipeline as it is
 * and with the species stage made perfect is checked against scikit-learn (the same
 * pipelines: scaled logistic regression, C = 1; one-hot, scaling and ridge, alpha = 1) on
 * the same folds. A planted pipeline whose first stage is useless to the second gains
 * nothing from making it perfect, and says so.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveData } from "../../src/data/convert.js";
import { prepareStages } from "../../src/deploy/stage-attribution/compute.js";
import { stageAttributionChart } from "../../src/deploy/stage-attribution/chart.js";
import { stageAttribution } from "../../src/deploy/stage-attribution/index.js";
import type { StageAttributionData } from "../../src/deploy/stage-attribution/types.js";
import { stageAttributionVerdict } from "../../src/deploy/stage-attribution/verdict.js";
import { renderSvg } from "../../src/display/svg.js";
import { Random } from "../../src/util/random.js";
import { VEGA_DATA } from "../helpers/outside-data.js";
import { python } from "../helpers/python.js";

type Row = Record<string, string | number>;

/** vega-datasets' penguins, rows with every measurement and a sex ("." is missing, as litml reads it). */
function penguins(): Row[] {
  const raw = JSON.parse(readFileSync(VEGA_DATA("penguins.json"), "utf8")) as Record<string, string | number | null>[];
  return raw
    .filter((r) => r["Flipper Length (mm)"] !== null && r["Beak Depth (mm)"] !== null && r["Body Mass (g)"] !== null && (r.Sex === "MALE" || r.Sex === "FEMALE"))
    .map((r) => ({ Species: r.Species!, "Flipper Length (mm)": r["Flipper Length (mm)"]!, "Beak Depth (mm)": r["Beak Depth (mm)"]!, Sex: r.Sex!, "Body Mass (g)": r["Body Mass (g)"]! }));
}

const STAGES = [
  { name: "species", target: "Species", model: "logistic", features: ["Beak Depth (mm)", "Sex"] },
  { name: "body mass", target: "Body Mass (g)", model: "ridge", features: ["Sex"] },
];

describe("stage attribution on penguins: species, then body mass", () => {
  it("the end-to-end RMSE as it is and with the species stage perfect match scikit-learn on the same folds", async () => {
    const rows = penguins();
    const result = await stageAttribution(STAGES, rows);
    const d = result.data;
    const folds = prepareStages(await resolveData(rows), STAGES, {}).plan.folds.map((f) => Array.from(f.test));
    const reference = python<{ pipeline: number; perfectSpecies: number; speciesAccuracy: number }>(
      `
import json, sys
import numpy as np, pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
d = json.load(sys.stdin)
X = pd.DataFrame(d["rows"])
folds = [np.array(f) for f in d["folds"]]
def pipe(numbers, categories, estimator):
    return make_pipeline(ColumnTransformer([("num", "passthrough", numbers), ("cat", OneHotEncoder(), categories)]), StandardScaler(), estimator)
def oof(make, data, y):
    out = np.empty(len(y), dtype=object if y.dtype == object else float)
    for test in folds:
        train = np.setdiff1d(np.arange(len(y)), test)
        out[test] = make().fit(data.iloc[train], y[train]).predict(data.iloc[test])
    return out
species = X["Species"].to_numpy(dtype=object)
mass = X["Body Mass (g)"].to_numpy(dtype=float)
stage1 = oof(lambda: pipe(["Beak Depth (mm)"], ["Sex"], LogisticRegression(C=1.0, tol=1e-10, max_iter=10000)), X[["Beak Depth (mm)", "Sex"]], species)
def stage2(species_column):
    data = X[["Sex"]].assign(Species=species_column)
    p = oof(lambda: pipe([], ["Sex", "Species"], Ridge(alpha=1.0)), data, mass)
    return float(np.sqrt(np.mean((p - mass) ** 2)))
emit({"pipeline": stage2(stage1), "perfectSpecies": stage2(species), "speciesAccuracy": float(np.mean(stage1 == species))})`,
      JSON.stringify({ rows, folds }),
    ).value;
    expect(d.metric).toBe("rmse");
    expect(d.endToEnd).toBeCloseTo(reference.pipeline, 6);
    expect(d.stages[0].score).toBeCloseTo(reference.perfectSpecies, 6);
    expect(d.stages[0].ownScore).toBeCloseTo(reference.speciesAccuracy, 6);
    expect(d.stages[1].score).toBe(0);
    expect(d.stages[1].gain).toBeCloseTo(d.endToEnd, 12);
    // Stage 1 mistakes species, and a perfect species clearly lowers the body-mass error.
    expect(d.stages[0].ownScore).toBeLessThan(0.95);
    expect(d.stages[0].low).toBeGreaterThan(0);
    expect(d.stages[0].low).toBeLessThanOrEqual(d.stages[0].gain);
    expect(d.stages[0].high).toBeGreaterThanOrEqual(d.stages[0].gain);
    expect(result.verdict.text).toMatch(/^RMSE 385 end to end.*species \(Species\) gives 319.*a real gain, yet most of the gap is the own error of body mass/);
    expect(await renderSvg(stageAttributionChart(d))).toContain("<svg");
  }, 120_000);

  it("null: a first stage the second barely needs gains (almost) nothing when made perfect, and the verdict points at the last stage", async () => {
    const random = new Random(5);
    const rows = penguins().map((r) => ({ ...r, coin: random.float() < 0.5 ? "heads" : "tails", Species: undefined }));
    // Stage 2 reads the flipper length, which already tells the species' weight class: a perfect coin or not, nothing changes.
    const result = await stageAttribution([{ target: "coin", model: "logistic" }, { target: "Body Mass (g)", model: "ridge" }], rows.map(({ Species: _s, ...r }) => r));
    const first = result.data.stages[0];
    expect(first.low).toBeLessThanOrEqual(0);
    expect(result.verdict.text).toMatch(/^Improve stage 2 \(Body Mass \(g\)\) itself/);
  }, 120_000);

  it("bad stages are named", async () => {
    const rows = penguins();
    await expect(stageAttribution([{ target: "Species" }], rows)).rejects.toThrow(/at least two stages/);
    await expect(stageAttribution([{ target: "Species" }, { target: "Species" }], rows)).rejects.toThrow(/different target/);
    await expect(stageAttribution([{ target: "Specie" }, { target: "Body Mass (g)" }], rows)).rejects.toThrow(/Specie/);
  });
});

describe("the verdict's other branch and the chart, on literal data", () => {
  const gain = (stage: string, target: string, score: number, g: number, low: number, high: number, share: number) => ({ stage, target, model: "gbdt", ownMetric: "accuracy", ownScore: 0.8, score, gain: g, low, high, shareOfGap: share });
  const data: StageAttributionData = {
    metric: "accuracy",
    greaterIsBetter: true,
    endToEnd: 0.8,
    perfect: 1,
    rows: 500,
    validation: "5 stratified folds",
    stages: [gain("detect", "box", 0.92, 0.12, 0.09, 0.15, 0.6), gain("read", "text", 0.85, 0.05, 0.02, 0.08, 0.25), gain("classify", "label", 1, 0.2, 0.17, 0.23, 1)],
    notes: [],
  };
  it("an earlier stage that closes most of the gap is the one to improve first", () => {
    const v = stageAttributionVerdict(data);
    expect(v.level).toBe("warn");
    expect(v.text).toMatch(/^Improve detect \(box\) first: accuracy 0\.8 end to end, 1 if perfect; made perfect, detect \(box\) gives 0\.92 \(\+0\.12, 95% CI \+0\.09 to \+0\.15\), 60% of the gap/);
  });
  it("the chart: snapshot and SVG", async () => {
    const chart = stageAttributionChart(data);
    await expect(JSON.stringify(chart, null, 2)).toMatchFileSnapshot("__snapshots__/stage-attribution-chart.vl.json");
    expect(await renderSvg(chart)).toMatch(/^<svg[\s\S]*class="marks"/);
  });
});

describe("stage attribution as the magic calls it, and with a class as the last stage", () => {
  it("the magic's example runs on the registry's penguins: rows without a species or a mass are left out with a note", async () => {
    const result = await stageAttribution([{ target: "Species", features: ["Beak Depth (mm)", "Sex"] }, { target: "Body Mass (g)", features: ["Sex"] }], "penguins");
    expect(result.data.rows).toBe(342);
    expect(result.notes.join(" ")).toMatch(/have no value in the target "Body Mass \(g\)"/);
    expect(result.data.stages[1].score).toBe(0);
    const bundle = (result as unknown as Record<symbol, () => Record<string, unknown>>)[Symbol.for("Jupyter.display")]();
    expect(bundle["text/html"]).not.toMatch(/<script/i);
    expect(bundle["text/html"]).toMatch(/class="litml-chart"/);
    expect(JSON.stringify(bundle).length).toBeLessThan(300_000);
  }, 60_000);

  it("sex, then species: accuracy end to end, the last stage made perfect closes the whole gap", async () => {
    const rows = penguins();
    const result = await stageAttribution([{ target: "Sex", model: "logistic" }, { target: "Species", model: "logistic", features: ["Body Mass (g)"] }], rows);
    const d = result.data;
    expect(d.metric).toBe("accuracy");
    expect(d.perfect).toBe(1);
    expect(d.stages[1].gain).toBeCloseTo(1 - d.endToEnd, 12);
    expect(d.stages[1].shareOfGap).toBeCloseTo(1, 12);
    expect(d.stages[0].ownMetric).toBe("accuracy");
  }, 60_000);
});
