// @ts-nocheck
import { describe, expect, it } from "vitest";
import { Dataset } from "../../src/data/dataset.js";
import { toDataset } from "../../src/data/convert.js";
import { drift } from "../../src/monitor/drift.js";
import { jensenShannon, kolmogorovSurvival, ksStatistic, psi, wasserstein } from "../../src/stats/distribution-distance.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";

const numbers = (n: number, seed: number, shift = 0) => {
  const random = new Random(seed);
  return Float64Array.from({ length: n }, () => random.normal() + shift);
};
const table = (columns: Record<string, Float64Array>) => new Dataset(Object.entries(columns).map(([name, values]) => [name, { type: "number", values }] as const));

describe("distances against scipy", () => {
  const a = numbers(500, 1);
  const b = numbers(400, 2, 0.2);
  const ref = python<[number, number, number, number]>(`
import json, sys
import numpy as np
from scipy.stats import ks_2samp, wasserstein_distance, kstwobign
from scipy.spatial.distance import jensenshannon
d = json.load(sys.stdin)
a, b = np.array(d["a"]), np.array(d["b"])
emit([ks_2samp(a, b).statistic, wasserstein_distance(a, b), kstwobign.sf(1.23), jensenshannon([5, 0, 3, 9], [2, 4, 3, 1], base=2)])`,
    JSON.stringify({ a: [...a], b: [...b] }));

  it("KS statistic, Wasserstein distance, the Kolmogorov tail and Jensen–Shannon distance", () => {
    const sa = Float64Array.from(a).sort();
    const sb = Float64Array.from(b).sort();
    expect(ksStatistic(sa, sb)).toBeCloseTo(ref.value[0], 12);
    expect(wasserstein(sa, sb)).toBeCloseTo(ref.value[1], 12);
    expect(kolmogorovSurvival(1.23)).toBeCloseTo(ref.value[2], 12);
    expect(jensenShannon([5, 0, 3, 9], [2, 4, 3, 1])).toBeCloseTo(ref.value[3], 12);
  });

  it("PSI of identical distributions is 0 (hand computation)", () => {
    expect(psi([10, 20, 30], [1, 2, 3])).toBeCloseTo(0, 12);
  });
});

describe("drift with planted answers", () => {
  it.each([200, 2_000_000])("two samples from one distribution are not flagged at %i rows", async (n) => {
    const result = await drift(table({ x: numbers(n, 3), y: numbers(n, 4) }), table({ x: numbers(n, 5), y: numbers(n, 6) }));
    expect(result.data.columns.map((c) => c.drifted)).toEqual([false, false]);
    expect(result.verdict.level).toBe("ok");
  }, 60_000);

  it.each([
    [200, 1],
    [2_000_000, 0.3],
  ])("a shifted column is flagged at %i rows (shift %f sd), the unshifted one is not", async (n, shift) => {
    const result = await drift(table({ same: numbers(n, 7), moved: numbers(n, 8) }), table({ same: numbers(n, 9), moved: numbers(n, 10, shift) }));
    expect(result.data.columns.map((c) => [c.column, c.drifted])).toEqual([["same", false], ["moved", true]]);
    expect(result.verdict.level).toBe("fail");
  }, 60_000);

  it("a categorical shift is flagged, and an unseen category is named", async () => {
    const before = toDataset(Array.from({ length: 3000 }, (_, i) => ({ plan: i % 3 === 0 ? "pro" : "free" })));
    const after = toDataset(Array.from({ length: 3000 }, (_, i) => ({ plan: i % 3 === 0 ? "free" : i % 3 === 1 ? "pro" : "enterprise" })));
    const result = await drift(before, after);
    expect(result.data.columns[0].drifted).toBe(true);
    expect(result.notes.join(" ")).toMatch(/never seen in the reference \(enterprise\)/);
  });

  it("different columns or types are named; an all-missing column is skipped with a note", async () => {
    await expect(drift(table({ a: numbers(10, 1) }), table({ b: numbers(10, 2) }))).rejects.toThrowError(/CURRENT lacks "a"/);
    await expect(drift(toDataset([{ a: 1 }, { a: 2 }]), toDataset([{ a: "x" }, { a: "y" }]))).rejects.toThrowError(/the types differ for "a \(number → category\)"/);
    const result = await drift(table({ a: numbers(50, 1), hole: new Float64Array(50).fill(NaN) }), table({ a: numbers(50, 2), hole: numbers(50, 3) }));
    expect(result.notes.join(" ")).toMatch(/"hole": all values are missing in the reference/);
  });
});

describe("drift of a model's predictions", () => {
  it("compares the model's predicted classes on both sides, and names them in the verdict", async () => {
    const labelled = (n: number, seed: number, shift: number) => {
      const x = numbers(n, seed, shift);
      return toDataset(Array.from(x, (v, i) => ({ x: v, noise: (i * 7919) % 13, label: v > 0.5 ? "high" : "low" })));
    };
    const reference = labelled(3000, 11, 0);
    const { pipelineFor } = await import("../../src/features/default-pipeline.js");
    const model = await pipelineFor("logistic").fit(reference, "label");
    const steady = await drift(reference, labelled(3000, 12, 0), { columns: ["x", "noise"], model });
    expect(steady.data.predictions).toMatchObject({ column: "predictions of logistic", type: "binary", drifted: false });
    const moved = await drift(reference, labelled(3000, 13, 1), { columns: ["x", "noise"], model });
    expect(moved.data.predictions!.drifted).toBe(true);
    expect(moved.verdict.text).toMatch(/The model's predictions drifted \([^)]+ [\d.]+\)\./);
    expect(moved.table!.rows.at(-1)![0]).toBe("predictions of logistic");
    await expect(drift(reference, reference, { model: {} as never })).rejects.toThrowError(/invalid model: \{\}; expected a fitted pipeline/);
  }, 60_000);
});
