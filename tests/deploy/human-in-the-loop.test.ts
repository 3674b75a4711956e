/**
 * Routing predictions to a person, checked against numpy (coverage, accuracy on the automated
 * rows and total cost at given thresholds, on the very same out-of-fold probabilities) and
 * scikit-learn (StandardScaler, and NearestNeighbors on the same standardized features); a
 * planted region of coin-flip labels in scikit-learn's breast-cancer CSV is found (asking there
 * pays), and the unchanged data set, where the model is near-perfect, is left to automation.
 */
import { describe, expect, it } from "vitest";
import { resolveData } from "../../src/data/convert.js";
import { renderSvg } from "../../src/display/svg.js";
import { askByCost, askByThreshold, computeHumanInTheLoop, judge, nearestOthers, resolveCosts, routedRequests, standardize } from "../../src/deploy/human-in-the-loop/compute.js";
import { humanInTheLoop } from "../../src/deploy/human-in-the-loop/index.js";
import { Random } from "../../src/util/random.js";
import { sklearnCsv } from "../helpers/outside-data.js";
import { python } from "../helpers/python.js";

type Row = Record<string, number | string | null>;


const cancer = sklearnCsv("breast_cancer.csv");

/** The 30% of rows with the largest mean radius (x0) get coin-flip labels: the model cannot be right there more than half the time. */
function planted(seed = 1): { rows: Row[]; region: boolean[] } {
  const sorted = cancer.map((r) => r.x0 as number).sort((a, b) => a - b);
  const cut = sorted[Math.floor(0.7 * sorted.length)];
  const random = new Random(seed);
  const classes = [...new Set(cancer.map((r) => r.label))];
  const region = cancer.map((r) => (r.x0 as number) >= cut);
  return { rows: cancer.map((r, i) => (region[i] ? { ...r, label: classes[random.int(2)] } : r)), region };
}

const COSTS = [0, 2, 10];

describe("humanInTheLoop against numpy and scikit-learn", () => {
  it("coverage, accuracy on the automated rows and total cost at given thresholds match numpy on the same probabilities", async () => {
    const { rows } = planted();
    const options = { target: "label", costs: COSTS };
    const r = await routedRequests(await resolveData(rows), options);
    const costs = resolveCosts(options);
    const thresholds = [0.5, 0.7, 0.86, 0.95, 0.99];
    const trusts = [0.5, 1, 2];
    const ref = python<{ threshold: number[][]; cost: number[][] }>(
      `
import numpy as np
q = json.load(sys.stdin)
top = np.array(q["top"]); correct = np.array(q["correct"], dtype=bool)
act, ask, err = q["costs"]
def judge(asked):
    auto = ~asked
    cov = auto.mean()
    acc = correct[auto].mean() if auto.any() else float("nan")
    cost = asked.sum() * ask + auto.sum() * act + (auto & ~correct).sum() * err
    return [float(cov), float(acc), float(cost)]
emit({"threshold": [judge(top < t) for t in q["thresholds"]],
      "cost": [judge(m * (1 - top) * err + act > ask) for m in q["trusts"]]})`,
      JSON.stringify({ top: [...r.top], correct: [...r.correct], costs: COSTS, thresholds, trusts }),
    ).value;
    thresholds.forEach((t, i) => {
      const p = judge(t, askByThreshold(r.top, t), r.correct, costs);
      expect(p.coverage).toBeCloseTo(ref.threshold[i][0], 12);
      expect(p.accuracy).toBeCloseTo(ref.threshold[i][1], 12);
      expect(p.cost).toBeCloseTo(ref.threshold[i][2], 9);
    });
    trusts.forEach((m, i) => {
      const p = judge(m, askByCost(r.top, costs, m), r.correct, costs);
      expect([p.coverage, p.accuracy, p.cost]).toEqual(ref.cost[i].map((v) => expect.closeTo(v, 9)));
    });
    // The analysis's own curve, on the same seed's folds, holds the same points.
    const d = await computeHumanInTheLoop(await resolveData(rows), options);
    const curve = d.policies.find((p) => p.policy === "threshold")!.curve;
    thresholds.forEach((t, i) => {
      const point = curve.find((p) => Math.abs(p.parameter - t) < 1e-12)!;
      expect(point.cost).toBeCloseTo(ref.threshold[i][2], 9);
      expect(point.coverage).toBeCloseTo(ref.threshold[i][0], 12);
    });
    const plain = d.policies.find((p) => p.policy === "cost")!.curve.find((p) => p.parameter === 1)!;
    expect(plain.cost).toBeCloseTo(ref.cost[1][2], 9);
  }, 120_000);

  it("standardizes as StandardScaler and finds the same nearest other rows as NearestNeighbors", async () => {
    const names = Object.keys(cancer[0]).filter((k) => k !== "label");
    const n = cancer.length;
    const d = names.length;
    const x = standardize(names.map((name) => Float64Array.from(cancer, (row) => row[name] as number)), n);
    const k = 10;
    const mine = await nearestOthers(x, n, d, k);
    const ref = python<{ scaled: number[]; neighbours: number[][]; distances: number[][] }>(
      `
import numpy as np
from sklearn.preprocessing import StandardScaler
from sklearn.neighbors import NearestNeighbors
q = json.load(sys.stdin)
raw = np.array(q["raw"]).reshape(q["n"], q["d"])
scaled = StandardScaler().fit_transform(raw)
x = np.array(q["x"]).reshape(q["n"], q["d"])
dist, idx = NearestNeighbors(n_neighbors=q["k"] + 1, algorithm="brute").fit(x).kneighbors(x)
# Drop each row itself (at distance 0; the data has no duplicate rows).
out = [[int(j) for j in row if j != i][: q["k"]] for i, row in enumerate(idx)]
emit({"scaled": scaled.ravel().tolist(), "neighbours": out, "distances": dist[:, 1:].tolist()})`,
      JSON.stringify({ raw: cancer.flatMap((row) => names.map((name) => row[name])), x: [...x], n, d, k }),
    ).value;
    ref.scaled.forEach((v, i) => expect(x[i]).toBeCloseTo(v, 9));
    let same = 0;
    for (let i = 0; i < n; i++) {
      const ours = [...mine.subarray(i * k, (i + 1) * k)];
      if (ours.every((j, m) => j === ref.neighbours[i][m])) same++;
      else expect(new Set(ours)).toEqual(new Set(ref.neighbours[i]));
      const distances = ours.map((j) => Math.sqrt(names.reduce((s, _, c) => s + (x[i * d + c] - x[j * d + c]) ** 2, 0)));
      distances.forEach((v, m) => expect(v).toBeCloseTo(ref.distances[i][m], 9));
    }
    expect(same).toBe(n);
  }, 60_000);
});

describe("humanInTheLoop verdicts", () => {
  it("a region where the model can only guess: asking there pays against both acting and asking on everything", async () => {
    const { rows, region } = planted();
    const result = await humanInTheLoop(rows, { target: "label", costs: COSTS });
    const d = result.data;
    expect(result.verdict.level).toBe("ok");
    expect(result.verdict.text).toMatch(/^Asking a person pays/);
    for (const s of d.savings) expect(s.low).toBeGreaterThan(0);
    // The cheapest policy asks on about the planted share of requests (30%).
    const best = d.policies.find((p) => p.policy === d.bestPolicy)!;
    const share = region.filter(Boolean).length / rows.length;
    expect(1 - best.best.coverage).toBeGreaterThan(share * 0.6);
    expect(1 - best.best.coverage).toBeLessThan(share * 1.6);
    // Most of the requests it sends to a person lie in the planted region.
    const inRegion = d.askedRows.filter((row) => region[row]).length;
    expect(inRegion / d.askedRows.length).toBeGreaterThan(0.6);
    expect(JSON.stringify(result.toJSON())).not.toContain("askedRows");
    expect(best.low).toBeLessThanOrEqual(best.best.cost);
    expect(best.high).toBeGreaterThanOrEqual(best.best.cost);
    expect(await renderSvg(result.toJSON().chart!)).toMatch(/^<svg[\s\S]*class="marks"/);
    expect(JSON.stringify(result.toJSON()).length).toBeLessThan(300_000);
  }, 120_000);

  it("a near-perfect model: automate everything", async () => {
    const result = await humanInTheLoop(cancer, { target: "label", costs: COSTS });
    const d = result.data;
    expect(d.accuracy).toBeGreaterThan(0.95);
    expect(result.verdict.text).toMatch(/^Automate everything/);
    expect(d.savings.find((s) => s.against === "act-all")!.low).toBeLessThanOrEqual(0);
  }, 120_000);

  it("a model at chance (penguins with shuffled species): asking on everything is cheapest, and the verdict warns", async () => {
    const penguins = (await resolveData("penguins")).toRecords() as Row[];
    const order = new Random(3).permutation(penguins.length);
    const shuffled = penguins.map((row, i) => ({ ...row, Species: penguins[order[i]].Species }));
    const result = await humanInTheLoop(shuffled, { target: "Species", costs: COSTS });
    expect(result.verdict.level).toBe("warn");
    expect(result.verdict.text).toMatch(/does not earn its keep/);
    expect(result.data.savings.find((s) => s.against === "ask-all")!.low).toBeLessThanOrEqual(0);
  }, 120_000);

  it("takes the error cost from the framing card, and asks for costs it cannot find", async () => {
    const card = { falsePositiveCost: 3, falseNegativeCost: 12 };
    expect(resolveCosts({ costs: [0, 2], card })).toEqual({ act: 0, ask: 2, error: 12, errorSource: "card" });
    expect(resolveCosts({ costs: [1, 2, 5], card })).toEqual({ act: 1, ask: 2, error: 5, errorSource: "options" });
    expect(() => resolveCosts({ costs: [0, 2] })).toThrow(/no error costs/);
    expect(() => resolveCosts({ card })).toThrow(/act,ask,error/);
    await expect(humanInTheLoop(cancer, { target: "label" })).rejects.toThrow(/invalid costs/);
    await expect(humanInTheLoop(cancer, { target: "x0", costs: COSTS })).rejects.toThrow(/numeric/);
  });
});
