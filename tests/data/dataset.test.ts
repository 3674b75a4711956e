import { describe, expect, it } from "vitest";
import { toDataset } from "../../src/data/convert.js";

const rows = toDataset([
  { city: "Lisbon", temp: 21 },
  { city: "Oslo", temp: null },
  { city: "Lisbon", temp: 25 },
  { city: null, temp: 3 },
  { city: "Oslo", temp: 8 },
]);

describe("Dataset row selection", () => {
  it("where keeps the rows whose value passes, in order, and sees missing values as null", () => {
    expect(rows.where("city", (c) => c === "Lisbon").toRecords()).toEqual([
      { city: "Lisbon", temp: 21 },
      { city: "Lisbon", temp: 25 },
    ]);
    expect(rows.where("temp", (t) => t === null).nRows).toBe(1);
    expect(() => rows.where("town", () => true)).toThrowError(/Unknown column "town"/);
  });

  it("sample draws distinct rows in their original order, the same ones for the same seed", () => {
    const big = toDataset(Array.from({ length: 1000 }, (_, i) => ({ i })));
    const drawn = big.sample(100, 7).column("i");
    const values = [...(drawn.type === "number" ? drawn.values : [])];
    expect(values).toHaveLength(100);
    expect(new Set(values).size).toBe(100);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(big.sample(100, 7).contentHash()).toBe(big.sample(100, 7).contentHash());
    expect(big.sample(100, 8).contentHash()).not.toBe(big.sample(100, 7).contentHash());
    expect(rows.sample(10)).toBe(rows);
    expect(() => rows.sample(-1)).toThrowError(/invalid n: -1; expected a whole number of rows ≥ 0/);
  });
});

describe("Dataset slices", () => {
  it("are the rows start to end − 1, sharing memory with the original, and clamp out-of-range bounds", () => {
    const middle = rows.slice(1, 3);
    expect(middle.toRecords()).toEqual([
      { city: "Oslo", temp: null },
      { city: "Lisbon", temp: 25 },
    ]);
    const values = (rows.column("temp") as { values: Float64Array }).values;
    expect((middle.column("temp") as { values: Float64Array }).values.buffer).toBe(values.buffer);
    expect(rows.slice(3, 99).nRows).toBe(2);
    expect(rows.slice(4, 2).nRows).toBe(0);
    expect(rows.head(2).toRecords()).toEqual(rows.slice(0, 2).toRecords());
  });
});

describe("provenance", () => {
  it("records the data's name (or the caller's fallback), content hash and rows", () => {
    const rows = toDataset([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect(rows.provenance("reference")).toEqual({ name: "reference", hash: rows.contentHash(), rows: 3 });
    expect(rows.withMeta({ name: "flights" }).provenance()).toEqual({ name: "flights", hash: rows.contentHash(), rows: 3 });
    expect(rows.take([0, 1]).provenance().hash).not.toBe(rows.contentHash());
  });
});
