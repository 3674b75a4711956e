/**
 * Two-phase prediction: the system's accuracy and share escalated at given cuts, and the
 * least-escalation cut, checked against numpy on the very same out-of-fold probabilities
 * (penguins, three classes; a planted flights label); a planted case where logistic is
 * right on most rows and wrong in one region (gbdt finds it, and two-phase keeps gbdt's
 * accuracy escalating a minority); a null case on flights-200k's own "late" label, where
 * logistic and gbdt are equally good, left quiet ("no gain from the large model").
 */
import { describe, expect, it } from "vitest";
import { load, resolveData } from "../../src/data/convert.js";
import type { Matrix } from "../../src/data/matrix.js";
import { cascadeAt, ESCALATE_ALL, leastEscalation, topAndRight } from "../../src/deploy/two-phase/cascade.js";
import { twoPhaseChart } from "../../src/deploy/two-phase/chart.js";
import { twoPhaseProbabilities } from "../../src/deploy/two-phase/compute.js";
import { twoPhase } from "../../src/deploy/two-phase/index.js";
import type { TwoPhaseData } from "../../src/deploy/two-phase/types.js";
import { twoPhaseVerdict } from "../../src/deploy/two-phase/verdict.js";
import { renderSvg } from "../../src/display/svg.js";
import { python } from "../helpers/python.js";

const CUTS = [0, 0.4, 0.5, 0.6, 0.75, 0.9, 0.95, 0.99, 1, ESCALATE_ALL];

function rowMajor(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from({ length: m.cols }, (_, c) => m.data[c * m.rows + i]));
}

interface NumpyAnswer {
  accuracy: number[];
  escalated: number[];
  least: { escalated: number; accuracy: number; cut: number };
}

/** numpy: argmax (first on ties, as ours), escalate where max < cut, and the least escalation meeting the floor by scanning every distinct top probability. */
function numpyCascade(codes: Int32Array, small: Matrix, large: Matrix, cuts: number[], tolerance: number): NumpyAnswer {
  return python<NumpyAnswer>(
    `
import json, sys
import numpy as np
d = json.load(sys.stdin)
y, ps, pl = np.array(d["y"]), np.array(d["small"]), np.array(d["large"])
top = ps.max(axis=1)
rs = ps.argmax(axis=1) == y
rl = pl.argmax(axis=1) == y
def at(cut):
    esc = top < cut
    return float(np.where(esc, rl, rs).mean()), float(esc.mean())
res = [at(c) for c in d["cuts"]]
floor = rl.mean() - d["tolerance"]
candidates = sorted(set(top.tolist())) + [1.01]
least = None
for c in [0.0] + candidates:
    a, e = at(c)
    if a >= floor - 1e-12:
        least = {"escalated": e, "accuracy": a, "cut": c}
        break
emit({"accuracy": [r[0] for r in res], "escalated": [r[1] for r in res], "least": least})`,
    JSON.stringify({ y: Array.from(codes), small: rowMajor(small), large: rowMajor(large), cuts, tolerance }),
  ).value;
}

/** flights-200k's distance and hour with a planted label: a line in (log distance, hour) that logistic on log distance gets right, bent upward from 14 to 18 o'clock, where it gets it wrong. */
async function plantedFlights(rows: number, bent: boolean) {
  const flights = (await load("flights-200k")).sample(rows, 1);
  const distance = (flights.column("distance") as { values: Float64Array }).values;
  const time = (flights.column("time") as { values: Float64Array }).values;
  return Array.from({ length: flights.nRows }, (_, i) => {
    const logDistance = Math.log(distance[i]);
    const bump = bent && time[i] > 14 && time[i] < 18 ? 1.2 : 0;
    return { logDistance, time: time[i], label: logDistance - 6.2 + 0.08 * (time[i] - 12) + bump > 0 ? "yes" : "no" };
  });
}

describe("the cascade against numpy on the same out-of-fold probabilities", () => {
  it("penguins, three classes (naive-bayes then logistic): accuracy and share escalated at given cuts, and the least-escalation cut", async () => {
    const p = await twoPhaseProbabilities(await load("penguins"), { target: "Species", small: "naive-bayes", large: "logistic" });
    const s = topAndRight(p.codes, p.small.proba);
    const l = topAndRight(p.codes, p.large.proba);
    const ours = cascadeAt(s.top, s.right, l.right, CUTS);
    const tolerance = 0.005;
    const reference = numpyCascade(p.codes, p.small.proba, p.large.proba, CUTS, tolerance);
    ours.forEach((o, k) => {
      expect(o.correct / p.codes.length).toBeCloseTo(reference.accuracy[k], 12);
      expect(o.escalated / p.codes.length).toBeCloseTo(reference.escalated[k], 12);
    });
    const least = leastEscalation(s.top, s.right, l.right, l.right.reduce((a, b) => a + b, 0) / p.codes.length - tolerance);
    expect(least.escalated / p.codes.length).toBeCloseTo(reference.least.escalated, 12);
    expect(least.correct / p.codes.length).toBeCloseTo(reference.least.accuracy, 12);
    expect(least.cut).toBeCloseTo(reference.least.cut, 12);
  }, 60_000);

  it("the analysis's own curve and chosen cut on the planted flights label equal numpy's on the probabilities behind them", async () => {
    const data = await plantedFlights(6000, true);
    const options = { target: "label", small: "logistic", large: "gbdt", repeats: 1, tolerance: 0.01 } as const;
    const result = await twoPhase(data, options);
    const p = await twoPhaseProbabilities(await resolveData(data), options);
    const cuts = result.data.curve.map((c) => c.cut);
    const reference = numpyCascade(p.codes, p.small.proba, p.large.proba, cuts, 0.01);
    result.data.curve.forEach((c, k) => {
      expect(c.accuracy).toBeCloseTo(reference.accuracy[k], 12);
      expect(c.escalated).toBeCloseTo(reference.escalated[k], 12);
    });
    expect(result.data.chosen.escalated).toBeCloseTo(reference.least.escalated, 12);
    expect(result.data.chosen.accuracy).toBeCloseTo(reference.least.accuracy, 12);
  }, 120_000);
});

describe("verdicts", () => {
  it("planted: logistic wrong in one region of flights, gbdt right there; two-phase keeps gbdt's accuracy escalating a minority", async () => {
    const result = await twoPhase(await plantedFlights(10_000, true), { target: "label", small: "logistic", large: "gbdt", roundTrip: 5, repeats: 3 });
    const d = result.data;
    expect(d.largeGain.low).toBeGreaterThan(0.03);
    expect(d.chosen.escalated).toBeLessThan(0.5);
    expect(d.chosen.escalated).toBeGreaterThan(0.02);
    expect(d.chosen.accuracy).toBeGreaterThanOrEqual(d.large.accuracy - d.tolerance - 1e-12);
    // The least escalation: one step lower on the curve loses more than the tolerance.
    const below = d.curve.filter((c) => c.cut < d.chosen.cut);
    expect(below.every((c) => c.accuracy < d.large.accuracy - d.tolerance)).toBe(true);
    expect(d.chosen.latency).toBeLessThan(d.largeLatency);
    expect(d.cores).toBeGreaterThan(0);
    expect(result.verdict.level).toBe("ok");
    expect(result.verdict.text).toMatch(/^Two-phase prediction pays/);
    expect(result.verdict.text).toContain("escalating");
    const svg = await renderSvg(twoPhaseChart(d));
    expect(svg).toContain("<svg");
  }, 120_000);

  it("null: on flights-200k's own late label logistic and gbdt are equally good, and the verdict says the large model adds nothing", async () => {
    const flights = (await load("flights-200k")).sample(10_000, 1);
    const delay = (flights.column("delay") as { values: Float64Array }).values;
    const time = (flights.column("time") as { values: Float64Array }).values;
    const distance = (flights.column("distance") as { values: Float64Array }).values;
    const rows = Array.from({ length: flights.nRows }, (_, i) => ({ distance: distance[i], time: time[i], late: delay[i] > 15 ? "late" : "on time" }));
    const result = await twoPhase(rows, { target: "late", small: "logistic", large: "gbdt", repeats: 3 });
    expect(result.data.largeGain.value).toBeLessThan(result.data.tolerance);
    expect(result.data.chosen.escalated).toBe(0);
    expect(result.verdict.level).toBe("ok");
    expect(result.verdict.text).toMatch(/^No gain from the large model/);
  }, 120_000);

  it("the card's minimum gain sets the tolerance when its metric is accuracy; bad options are named", async () => {
    const penguins = await load("penguins");
    const result = await twoPhase(penguins, { target: "Species", small: "naive-bayes", large: "logistic", repeats: 1, card: { metric: "accuracy", minGain: 0.02 } });
    expect(result.data.tolerance).toBe(0.02);
    expect(result.data.toleranceSource).toBe("card");
    const bundle = (result as unknown as Record<symbol, () => Record<string, unknown>>)[Symbol.for("Jupyter.display")]();
    expect(Object.keys(bundle).sort()).toEqual(["application/vnd.litml.result+json", "text/html", "text/plain"]);
    expect(bundle["text/html"]).not.toMatch(/<script/i);
    expect(bundle["text/html"]).toMatch(/class="litml-chart"/);
    expect(JSON.stringify(bundle).length).toBeLessThan(300_000);
    await expect(twoPhase(penguins, { target: "Body Mass (g)" })).rejects.toThrow(/class column/);
    await expect(twoPhase(penguins, { target: "Species", tolerance: 2 })).rejects.toThrow(/tolerance/);
  }, 60_000);
});

describe("the verdict's other branches and the chart, on literal data", () => {
  const point = (cut: number, accuracy: number, escalated: number, latency: number) => ({ cut, accuracy, low: accuracy - 0.01, high: accuracy + 0.01, escalated, latency });
  const timing = (model: string, msPerRow: number, accuracy: number) => ({ model, msPerRow, repeats: 7, rowsTimed: 100, accuracy, low: accuracy - 0.01, high: accuracy + 0.01 });
  const base: TwoPhaseData = {
    target: "label",
    classes: ["no", "yes"],
    rows: 1000,
    validation: "5 stratified folds",
    small: timing("logistic", 0.05, 0.9),
    large: timing("gbdt", 1, 0.99),
    largeGain: { value: 0.09, low: 0.07, high: 0.11 },
    tolerance: 0.005,
    toleranceSource: "default",
    roundTrip: 0,
    cores: 2,
    curve: [point(0.5, 0.9, 0, 0.05), point(0.75, 0.95, 0.1, 0.15), point(0.9, 0.986, 0.3, 0.35), point(1, 0.99, 1, 1.05)],
    chosen: point(0.9, 0.986, 0.3, 0.35),
    chosenVsLarge: { value: -0.004, low: -0.007, high: -0.001 },
    largeLatency: 1,
    notes: [],
  };
  it("most rows escalated: saves little", () => {
    const v = twoPhaseVerdict({ ...base, chosen: point(0.99, 0.986, 0.8, 0.85) });
    expect(v.level).toBe("warn");
    expect(v.text).toMatch(/^Two-phase saves little: .*escalating 80% of rows/);
  });
  it("a large model barely slower than the small one: saves calls, hardly any time", () => {
    const v = twoPhaseVerdict({ ...base, small: timing("logistic", 0.9, 0.9), chosen: point(0.9, 0.986, 0.3, 0.95) });
    expect(v.level).toBe("warn");
    expect(v.text).toMatch(/^Two-phase saves calls but hardly any time/);
  });
  it("the chart: snapshot and SVG", async () => {
    const chart = twoPhaseChart(base);
    await expect(JSON.stringify(chart, null, 2)).toMatchFileSnapshot("__snapshots__/two-phase-chart.vl.json");
    expect(await renderSvg(chart)).toMatch(/^<svg[\s\S]*class="marks"/);
  });
});
