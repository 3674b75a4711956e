// @ts-nocheck
import { describe, expect, it } from "vitest";
import { Dataset } from "../../src/data/dataset.js";
import { toDataset } from "../../src/data/convert.js";
import { betaSample, Mixup, TemplateText } from "../../src/features/augment.js";
import { Pipeline } from "../../src/features/pipeline.js";
import { Scale } from "../../src/features/steps.js";
import { TextVectorize } from "../../src/features/text-vectorize.js";
import { createModel } from "../../src/models/registry.js";
import type { Target } from "../../src/models/contract.js";
import { Random } from "../../src/util/random.js";

describe("text vectorizing", () => {
  it("counts the most common terms of the training texts (hand computation)", () => {
    const texts = toDataset([{ t: "Free money NOW, free!" }, { t: "money money" }, { t: "hello there" }, { t: "free time" }]);
    const fitted = new TextVectorize({ columns: ["t"], maxTerms: 2, minDocuments: 2 }).fit(texts);
    // Document frequencies: free 2, money 2, now 1, hello 1, there 1, time 1 → keep free and money.
    const out = fitted.transform(texts);
    expect(out.names).toEqual(["t:free", "t:money"]);
    expect([...(out.column("t:free") as { values: Float64Array }).values]).toEqual([2, 0, 0, 1]);
    expect([...(out.column("t:money") as { values: Float64Array }).values]).toEqual([1, 2, 0, 0]);
    const unseen = fitted.transform(toDataset([{ t: "nothing known" }, { t: null }]));
    expect([...(unseen.column("t:free") as { values: Float64Array }).values]).toEqual([0, 0]);
    const binary = new TextVectorize({ columns: ["t"], maxTerms: 2, minDocuments: 2, binary: true }).fit(texts).transform(texts);
    expect([...(binary.column("t:free") as { values: Float64Array }).values]).toEqual([1, 0, 0, 1]);
  });
});

describe("mixup", () => {
  it("draws λ from Beta(α, α) (moments: mean ½, variance 1/(4(2α + 1))) and Beta(a, b) with mean a/(a + b)", () => {
    const random = new Random(1);
    const draws = Float64Array.from({ length: 40_000 }, () => betaSample(random, 0.2, 0.2));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const variance = draws.reduce((s, v) => s + (v - mean) ** 2, 0) / draws.length;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / (4 * 1.4), 2);
    const skewed = Float64Array.from({ length: 40_000 }, () => betaSample(random, 2, 5));
    expect(skewed.reduce((a, b) => a + b, 0) / skewed.length).toBeCloseTo(2 / 7, 2);
  });

  const data = new Dataset([
    ["a", { type: "number", values: Float64Array.from([0, 10, 20, 30]) }],
    ["b", { type: "number", values: Float64Array.from([1, 1, 5, 5]) }],
  ]);

  it("blends rows and carries a blended class as two rows weighted λ and 1 − λ", () => {
    const y: Target = { kind: "classification", classes: ["no", "yes"], codes: Int32Array.from([0, 0, 1, 1]) };
    const out = new Mixup({ alpha: 0.4, seed: 3 }).resample(data, y);
    expect(out.data.nRows).toBe(4 + 8);
    const a = (out.data.column("a") as { values: Float64Array }).values;
    for (let row = 4; row < 12; row += 2) {
      expect(a[row]).toBe(a[row + 1]);
      expect(out.weights[row] + out.weights[row + 1]).toBeCloseTo(1, 12);
      expect(a[row]).toBeGreaterThanOrEqual(0);
      expect(a[row]).toBeLessThanOrEqual(30);
    }
    expect([...out.weights.subarray(0, 4)]).toEqual([1, 1, 1, 1]);
  });

  it("blends a numeric target with the same λ as the features", () => {
    const y: Target = { kind: "regression", values: Float64Array.from([0, 10, 20, 30]) };
    const out = new Mixup({ seed: 4, copies: 2 }).resample(data, y);
    const a = (out.data.column("a") as { values: Float64Array }).values;
    const values = (out.y as { values: Float64Array }).values;
    for (let row = 4; row < out.data.nRows; row++) expect(values[row]).toBeCloseTo(a[row], 10); // target = a here
  });

  it("trains a weighted model inside a pipeline, and refuses categories", async () => {
    const random = new Random(5);
    const rows = new Dataset([
      ["x", { type: "number", values: Float64Array.from({ length: 200 }, () => random.normal()) }],
      ["label", { type: "category", codes: Int32Array.from({ length: 200 }, (_, i) => i % 2), dictionary: ["a", "b"] }],
    ]);
    const fitted = await new Pipeline([new Scale(), new Mixup({ seed: 1 })], createModel("logistic")).fit(rows, "label");
    expect(fitted.predict(rows)).toHaveLength(200);
    const y: Target = { kind: "classification", classes: ["a"], codes: new Int32Array(2) };
    expect(() => new Mixup().resample(toDataset([{ c: "x" }, { c: "y" }]), y)).toThrowError(/mixup: invalid columns: "c"; expected numbers only/);
  });
});

describe("template text", () => {
  const mails = toDataset([
    { body: "meeting notes", sender: "ann", label: "ham" },
    { body: "win money", sender: "bob", label: "spam" },
  ]);
  const y: Target = { kind: "classification", classes: ["ham", "spam"], codes: Int32Array.from([0, 1]) };
  const step = new TemplateText({ column: "body", templates: { spam: ["{offer} now"], ham: ["see you at {place}"] }, slots: { offer: ["free cash"], place: ["noon"] }, perClass: 3 });

  it("adds filled templates per class, other columns missing", () => {
    const out = step.resample(mails, y);
    expect(out.data.nRows).toBe(8);
    const records = out.data.toRecords();
    expect(records.slice(2).map((r) => r.body).sort()).toEqual(["free cash now", "free cash now", "free cash now", "see you at noon", "see you at noon", "see you at noon"]);
    expect(records.slice(2).every((r) => r.sender === null)).toBe(true);
    expect(out.y.kind === "classification" && [...out.y.codes.subarray(2)].sort()).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it("names a class or slot it does not know", () => {
    expect(() => new TemplateText({ column: "body", templates: { junk: ["x"] }, slots: {} }).resample(mails, y)).toThrowError(/invalid templates: "junk"/);
    expect(() => new TemplateText({ column: "body", templates: { spam: ["{nope}"] }, slots: {} }).resample(mails, y)).toThrowError(/invalid slots: "nope"/);
  });
});
