import { describe, expect, it } from "vitest";
import { learningCurveChart } from "../../src/evaluate/learning-curve/chart.js";
import { learningCurve } from "../../src/evaluate/learning-curve/index.js";
import { readCurve } from "../../src/evaluate/learning-curve/compute.js";
import { learningCurveVerdict } from "../../src/evaluate/learning-curve/verdict.js";
import type { CurvePoint, LearningCurveData } from "../../src/evaluate/learning-curve/index.js";
import { load } from "../../src/data/convert.js";
import { Dataset } from "../../src/data/dataset.js";
import { pipelineFor } from "../../src/features/default-pipeline.js";
import { fitFloorPowerLaw, powerLawRows } from "../../src/stats/power-law.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";

const ACCURACY = { perfect: 1, greaterIsBetter: true };

/** Points whose validation accuracy is 1 − (floor + scale·n^(−exponent)), with a little seeded noise and a fold spread. */
function points(sizes: number[], floor: number, scale: number, exponent: number, noise = 0.002, seed = 1): CurvePoint[] {
  const random = new Random(seed);
  return sizes.map((size) => {
    const error = floor + scale * size ** -exponent + noise * random.normal();
    return { size, train: 1 - error / 2, trainStd: 0.01, validation: 1 - error, validationStd: 0.01 + 0.2 / Math.sqrt(size), folds: 5 };
  });
}

function reading(p: CurvePoint[], success?: number): LearningCurveData {
  const notes: string[] = [];
  return { target: "y", model: "m", metric: "accuracy", greaterIsBetter: true, perfect: 1, points: p, ...readCurve(p, ACCURACY, success, 5, notes), notes };
}

/** scipy.optimize.curve_fit of floor + scale·n^(−exponent) with sigma, bounded at zero, from a neutral start. */
function scipyFit(sizes: number[], errors: number[], sigmas: number[]): { floor: number; scale: number; exponent: number; ssr: number } {
  return python<{ floor: number; scale: number; exponent: number; ssr: number }>(
    `
import numpy as np
from scipy.optimize import curve_fit
d = json.loads(sys.stdin.read())
n, e, s = (np.array(d[k], dtype=float) for k in ("n", "e", "s"))
f = lambda n, c, a, b: c + a * n ** (-b)
best = None
for b0 in (0.1, 0.3, 0.6, 1.0, 2.0):
    try:
        p, _ = curve_fit(f, n, e, p0=[max(e.min() / 2, 1e-6), max(e.max() * n.min() ** b0, 1e-6), b0], sigma=s, bounds=([0, 0, 1e-3], [np.inf, np.inf, 4]), max_nfev=20000, xtol=1e-14, ftol=1e-14, gtol=1e-14)
    except RuntimeError:
        continue
    ssr = float(np.sum(((e - f(n, *p)) / s) ** 2))
    if best is None or ssr < best["ssr"]:
        best = {"floor": float(p[0]), "scale": float(p[1]), "exponent": float(p[2]), "ssr": ssr}
emit(best)
`,
    JSON.stringify({ n: sizes, e: errors, s: sigmas }),
  ).value;
}

describe("the power law with a floor", () => {
  it("reaches scipy's curve_fit minimum (weighted, bounded) on points shaped like a learning curve", () => {
    const p = points([40, 80, 160, 320, 640, 1280, 2560], 0.12, 1.6, 0.55, 0.004, 3);
    const sizes = p.map((q) => q.size);
    const errors = p.map((q) => 1 - q.validation);
    const sigmas = p.map((q) => q.validationStd / Math.sqrt(5));
    const ours = fitFloorPowerLaw(sizes, errors, sigmas);
    const reference = scipyFit(sizes, errors, sigmas);
    expect(ours.ssr).toBeLessThanOrEqual(reference.ssr * (1 + 1e-6));
    expect(ours.floor).toBeCloseTo(reference.floor, 4);
    expect(ours.scale).toBeCloseTo(reference.scale, 2);
    expect(ours.exponent).toBeCloseTo(reference.exponent, 4);
    expect(ours.floor).toBeGreaterThan(0.08);
    expect(ours.floor).toBeLessThan(0.16);
  });
});

describe("reading a curve: the verdict never contradicts its points", () => {
  it("a measured size that already reaches the success value: reached, no rows needed", () => {
    const d = reading(points([50, 100, 200, 400, 800, 1600], 0.05, 2, 0.5), 0.85);
    expect(d.reached).toBe(true);
    expect(d.reachedAt).toBe(d.points.find((q) => q.validation >= 0.85)!.size);
    expect(d.rowsNeeded).toBeNull();
    const text = learningCurveVerdict(d).verdict.text;
    expect(text).toMatch(/already reached at/);
    expect(text).not.toMatch(/would reach/);
  });

  it("a success value beyond the fitted floor: rowsNeeded null, and the verdict says more rows will not reach it", () => {
    const d = reading(points([50, 100, 200, 400, 800, 1600], 0.25, 1.5, 0.5), 0.9);
    expect(d.fit!.floor).toBeGreaterThan(0.2);
    expect(d.reached).toBe(false);
    expect(d.beyondFloor).toBe(true);
    expect(d.rowsNeeded).toBeNull();
    expect(learningCurveVerdict(d).verdict.text).toMatch(/lies beyond that level/);
  });

  it("a reachable success value: rows needed with an interval around the true crossing", () => {
    const floor = 0.05;
    const scale = 3;
    const exponent = 0.45;
    const d = reading(points([50, 100, 200, 400, 800, 1600, 3200], floor, scale, exponent, 0.001), 0.88);
    const truth = powerLawRows({ floor, scale, exponent }, 0.12);
    expect(d.state).toBe("rising");
    expect(d.rowsNeeded).not.toBeNull();
    expect(d.rowsNeeded!.estimate).toBeGreaterThan(3200);
    expect(d.rowsNeeded!.low).toBeLessThanOrEqual(truth);
    expect(d.rowsNeeded!.high ?? Infinity).toBeGreaterThanOrEqual(truth);
    expect(learningCurveVerdict(d).verdict.text).toMatch(/Still rising.*rows \(95% range/);
  });

  it("flat last points are never called rising, whatever the earlier points suggest", () => {
    // Steep early gains, then three sizes at the same score: a pure power law through all of them still slopes.
    const p = points([30, 60, 120, 240, 480, 960], 0.1, 2, 0.6).map((q, i) => (i >= 3 ? { ...q, validation: 0.8 } : q));
    const d = reading(p);
    expect(d.state).toBe("plateaued");
    expect(learningCurveVerdict(d).verdict.text).toMatch(/^Plateaued/);
  });

  it("sizes whose score is undefined in some folds are left out of the fit and named", () => {
    const p = points([10, 50, 100, 200, 400, 800], 0.1, 2, 0.5).map((q, i) => (i === 0 ? { ...q, folds: 3 } : q));
    const d = reading(p);
    expect(d.dropped.map((x) => x.size)).toEqual([10]);
    expect(d.fit!.sizes).toEqual([50, 100, 200, 400, 800]);
    expect(d.notes.join(" ")).toMatch(/Left out of the fit: 10 rows \(its score is undefined/);
    // A size scored identically in every fold (constant predictions: AUC 0.5 everywhere) is no evidence of a slope either.
    const constant = reading(points([20, 50, 100, 200, 400, 800], 0.1, 2, 0.5).map((q, i) => (i === 0 ? { ...q, validation: 0.5, validationStd: 0 } : q)));
    expect(constant.dropped.map((x) => x.size)).toEqual([20]);
  });
});

describe("learning curves on data", () => {
  it("penguins with logistic regression has plateaued: validation accuracy is near its ceiling early", async () => {
    const result = await learningCurve("penguins", { target: "Species", successValue: 0.95 });
    expect(result.data.state).toBe("plateaued");
    expect(result.data.reached).toBe(true);
    expect(result.data.rowsNeeded).toBeNull();
    expect(result.data.points).toHaveLength(6);
  });

  it("flight delays with boosting are still rising, with high variance, and estimate the rows to reach a target", async () => {
    const flights = (await load("flights-200k")).take(Int32Array.from({ length: 40_000 }, (_, i) => i));
    const delay = (flights.column("delay") as { values: Float64Array }).values;
    const data = new Dataset([
      ["distance", flights.column("distance")],
      ["hour", flights.column("time")],
      ["late", { type: "number", values: Float64Array.from(delay, (d) => (d > 15 ? 1 : 0)) }],
    ]);
    const result = await learningCurve(data, { target: "late", model: "gbdt", metric: "roc-auc", successValue: 0.7 });
    expect(result.data.diagnosis).toBe("high variance");
    expect(result.data.reached).toBe(false);
    // Either the curve reaches 0.7 at some larger size, or its floor says it never will: never both, never neither.
    expect(result.data.rowsNeeded === null).toBe(result.data.beyondFloor);
    if (result.data.rowsNeeded) expect(result.data.rowsNeeded.estimate).toBeGreaterThan(32_000);
    if (result.data.state === "rising") expect(result.data.lastGainPerDoubling).toBeGreaterThan(0.0025);
  }, 120_000);

  it("drops sizes larger than the training folds with a note, and refuses when fewer than two remain", async () => {
    const result = await learningCurve("penguins", { target: "Species", sizes: [30, 100, 5000] });
    expect(result.data.points.map((p) => p.size)).toEqual([30, 100]);
    expect(result.notes.join(" ")).toMatch(/Sizes above 275 rows .* were dropped: 5000/);
    await expect(learningCurve("penguins", { target: "Species", sizes: [4000, 5000] })).rejects.toThrowError(/at least two sizes of at most 275 rows/);
  });

  it("names the closest param, a pipeline fitted for another target, and bad sizes", async () => {
    await expect(learningCurve("penguins", { target: "Species", model: "logistic", params: { c: 1 } })).rejects.toThrowError(/Did you mean "C"/);
    const fitted = await pipelineFor("logistic").fit(await load("penguins"), "Island");
    await expect(learningCurve("penguins", { target: "Species", model: fitted })).rejects.toThrowError(/fitted to predict "Island" but --target is "Species"/);
    await expect(learningCurve("penguins", { target: "Species", sizes: [0, 10] })).rejects.toThrowError(/learningCurve: invalid sizes/);
  });
});

describe("learning curves on outside data, the fit checked against scipy", () => {
  const check = (d: LearningCurveData) => {
    const usable = d.points.filter((p) => d.fit!.sizes.includes(p.size));
    const errors = usable.map((p) => Math.abs(d.perfect - p.validation));
    const se = usable.map((p) => p.validationStd / Math.sqrt(p.folds));
    const median = [...se].sort((a, b) => a - b)[Math.floor(se.length / 2)];
    const sigmas = se.map((s) => Math.max(s, 0.25 * (se.length % 2 ? median : ([...se].sort((a, b) => a - b)[se.length / 2 - 1] + median) / 2), 1e-6 * Math.max(1, Math.abs(d.perfect))));
    const reference = scipyFit(d.fit!.sizes as number[], errors, sigmas);
    const ours = fitFloorPowerLaw(d.fit!.sizes, errors, sigmas);
    expect(ours.floor).toBeCloseTo(d.fit!.floor, 12);
    expect(ours.ssr).toBeLessThanOrEqual(reference.ssr * (1 + 1e-6) + 1e-9);
    // Where the floor is identified, the parameters agree too.
    if (reference.scale > 1e-6) expect(d.fit!.floor + d.fit!.scale * d.fit!.sizes[0] ** -d.fit!.exponent).toBeCloseTo(reference.floor + reference.scale * d.fit!.sizes[0] ** -reference.exponent, 3);
  };

  it("statsmodels' fair (6,366 marriages, any affair): logistic plateaus, and its curve is scipy's", async () => {
    const rows = python<Record<string, number | string>[]>(`
import statsmodels.api as sm
data = sm.datasets.fair.load_pandas().data
data["affair"] = (data.pop("affairs") > 0).map({True: "yes", False: "no"})
emit(data.to_dict(orient="records"))
`).value;
    const result = await learningCurve(rows, { target: "affair", successValue: 0.9 });
    check(result.data);
    expect(result.data.state).toBe("plateaued");
    expect(result.data.rowsNeeded).toBeNull();
    expect(result.data.beyondFloor).toBe(true);
    expect(result.verdict.text).toMatch(/will not reach it/);
  }, 120_000);

  it("scikit-learn's diabetes (442 patients): ridge's RMSE curve is scipy's, and the verdict agrees with its last step", async () => {
    const rows = python<Record<string, number>[]>(`
from sklearn.datasets import load_diabetes
emit(load_diabetes(as_frame=True).frame.to_dict(orient="records"))
`).value;
    const result = await learningCurve(rows, { target: "target" });
    check(result.data);
    const d = result.data;
    if (d.state === "rising") expect(d.lastGainPerDoubling).toBeGreaterThan(0);
    else expect(result.verdict.text).toMatch(/^Plateaued/);
  }, 120_000);
});

describe("learning curve chart", () => {
  it("matches its reviewed Vega-Lite snapshot: points, the fitted curve with its floor, the success line; undefined sizes left out", async () => {
    const p = points([20, 50, 100, 200, 400, 800], 0.1, 2, 0.5).map((q, i) => (i === 0 ? { ...q, validation: NaN, folds: 0 } : q));
    const chart = learningCurveChart(reading(p, 0.95));
    const json = JSON.stringify(chart, null, 2);
    expect(json).not.toMatch(/"(score|low|high|size)": null/);
    await expect(json).toMatchFileSnapshot("__snapshots__/learning-curve-chart.vl.json");
  });
});
