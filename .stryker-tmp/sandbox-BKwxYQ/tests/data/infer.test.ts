// @ts-nocheck
import { describe, expect, it } from "vitest";
import { inferColumn, isMissingValue } from "../../src/data/infer.js";

describe("inferColumn", () => {
  it("reads numbers, keeping missing spellings as NaN", () => {
    const column = inferColumn([1, "2.5", null, "NA", "", "-3e2"]);
    expect(column.type).toBe("number");
    if (column.type !== "number") return;
    expect(Array.from(column.values)).toEqual([1, 2.5, NaN, NaN, NaN, -300]);
  });

  it("makes a column categorical when a single present value is not a number", () => {
    const column = inferColumn(["1", "2", "three"]);
    expect(column.type).toBe("category");
    if (column.type !== "category") return;
    expect(column.dictionary).toEqual(["1", "2", "three"]);
  });

  it("interns categories in order of first appearance with -1 for missing", () => {
    const column = inferColumn(["b", "a", ".", "b", undefined]);
    expect(column.type).toBe("category");
    if (column.type !== "category") return;
    expect(column.dictionary).toEqual(["b", "a"]);
    expect(Array.from(column.codes)).toEqual([0, 1, -1, 0, -1]);
  });

  it("reads ISO dates and Date objects as dates", () => {
    const column = inferColumn(["2012-01-01", new Date("2012-01-02T00:00:00Z"), null]);
    expect(column.type).toBe("date");
    if (column.type !== "date") return;
    expect(column.values[0]).toBe(Date.parse("2012-01-01"));
    expect(column.values[1]).toBe(Date.parse("2012-01-02T00:00:00Z"));
    expect(column.values[2]).toBeNaN();
  });

  it("has one missing-value rule", () => {
    for (const v of [null, undefined, NaN, "", " ", "NA", "n/a", "NaN", "null", "None", ".", "-"]) expect(isMissingValue(v)).toBe(true);
    for (const v of [0, "0", "a", false, "no"]) expect(isMissingValue(v)).toBe(false);
  });
});
