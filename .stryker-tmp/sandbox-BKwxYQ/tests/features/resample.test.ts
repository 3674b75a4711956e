// @ts-nocheck
import { describe, expect, it } from "vitest";
import { Dataset } from "../../src/data/dataset.js";
import { OverSample, Smote, UnderSample } from "../../src/features/resample.js";
import { Pipeline, loadPipeline } from "../../src/features/pipeline.js";
import { Impute, OneHot, Scale } from "../../src/features/steps.js";
import { createModel } from "../../src/models/registry.js";
import type { Target } from "../../src/models/contract.js";
import { Random } from "../../src/util/random.js";

const random = new Random(3);
const n = 200;
const codes = Int32Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 1 : 0)); // 20 rare, 180 common
const data = new Dataset([
  ["x", { type: "number", values: Float64Array.from(codes, (c) => random.normal() + 3 * c) }],
  ["z", { type: "number", values: Float64Array.from(codes, () => random.normal()) }],
]);
const y: Target = { kind: "classification", classes: ["common", "rare"], codes };
const count = (t: Target, code: number) => (t.kind === "classification" ? t.codes.filter((c) => c === code).length : 0);

describe("samplers", () => {
  it("undersampling keeps every rare row and as many common ones, drawn without repeats", () => {
    const out = new UnderSample({ seed: 1 }).resample(data, y);
    expect([count(out.y, 0), count(out.y, 1)]).toEqual([20, 20]);
    const xs = (out.data.column("x") as { values: Float64Array }).values;
    expect(new Set(xs).size).toBe(40);
  });

  it("oversampling repeats rare rows up to the common count (or a ratio of it)", () => {
    const out = new OverSample({ seed: 1 }).resample(data, y);
    expect([count(out.y, 0), count(out.y, 1)]).toEqual([180, 180]);
    const half = new OverSample({ ratio: 0.5 }).resample(data, y);
    expect(count(half.y, 1)).toBe(90);
    const rareValues = new Set(Array.from(codes.keys()).filter((i) => codes[i] === 1).map((i) => (data.column("x") as { values: Float64Array }).values[i]));
    const xs = (out.data.column("x") as { values: Float64Array }).values;
    for (let i = 0; i < out.data.nRows; i++) if (out.y.kind === "classification" && out.y.codes[i] === 1) expect(rareValues.has(xs[i])).toBe(true);
  });

  it("SMOTE puts each new row on the segment from a rare row to one of its k nearest rare neighbours", () => {
    const k = 3;
    const out = new Smote({ k, seed: 2 }).resample(data, y);
    expect([count(out.y, 0), count(out.y, 1)]).toEqual([180, 180]);
    const x = (data.column("x") as { values: Float64Array }).values;
    const z = (data.column("z") as { values: Float64Array }).values;
    const rare = Array.from(codes.keys()).filter((i) => codes[i] === 1);
    const nearest = (i: number) =>
      rare
        .filter((j) => j !== i)
        .sort((a, b) => (x[a] - x[i]) ** 2 + (z[a] - z[i]) ** 2 - ((x[b] - x[i]) ** 2 + (z[b] - z[i]) ** 2))
        .slice(0, k);
    const ox = (out.data.column("x") as { values: Float64Array }).values;
    const oz = (out.data.column("z") as { values: Float64Array }).values;
    for (let s = n; s < out.data.nRows; s++) {
      // Some rare row i and neighbour j with the new point = p_i + t (p_j − p_i), 0 ≤ t ≤ 1.
      const onSegment = rare.some((i) =>
        nearest(i).some((j) => {
          const t = Math.abs(x[j] - x[i]) > 1e-12 ? (ox[s] - x[i]) / (x[j] - x[i]) : (oz[s] - z[i]) / (z[j] - z[i]);
          return t >= -1e-9 && t <= 1 + 1e-9 && Math.abs(x[i] + t * (x[j] - x[i]) - ox[s]) < 1e-9 && Math.abs(z[i] + t * (z[j] - z[i]) - oz[s]) < 1e-9;
        }),
      );
      expect(onSegment).toBe(true);
    }
  });

  it("act only while fitting: a pipeline predicts every test row, and saves and loads", async () => {
    const pipeline = new Pipeline([new Impute(), new OneHot(), new Scale(), new Smote({ seed: 1 })], createModel("logistic"));
    const rows = new Dataset([...data.names.map((name) => [name, data.column(name)] as const), ["label", { type: "category", codes, dictionary: ["common", "rare"] }]]);
    const fitted = await pipeline.fit(rows, "label");
    expect(fitted.predict(rows)).toHaveLength(n);
    const reloaded = loadPipeline(JSON.parse(JSON.stringify(fitted.toJSON())));
    expect([...reloaded.predict(rows)]).toEqual([...fitted.predict(rows)]);
  });

  it("refuse what they cannot do, saying why", () => {
    const mixed = new Dataset([["c", { type: "category", codes: Int32Array.from(codes), dictionary: ["a", "b"] }]]);
    expect(() => new Smote().resample(mixed, y)).toThrowError(/invalid columns: "c"; expected numbers only: put SMOTE after the encoders/);
    expect(() => new UnderSample({ ratio: 2 }).resample(data, y)).toThrowError(/under-sample: invalid ratio: 2; expected a share in \(0, 1\]/);
    expect(() => new OverSample().resample(data, { kind: "regression", values: new Float64Array(n) })).toThrowError(/expected a class column/);
  });
});
