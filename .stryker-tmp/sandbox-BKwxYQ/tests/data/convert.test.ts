// @ts-nocheck
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { toDataset, load } from "../../src/data/convert.js";
import { Dataset } from "../../src/data/dataset.js";
import { list } from "../../src/data/registry.js";
import { LitmlError } from "../../src/errors.js";

const records = [
  { city: "Oslo", temp: 3.5, rain: true },
  { city: "Lima", temp: 19, rain: false },
  { city: "Oslo", temp: null, rain: true },
];

describe("toDataset accepts every DATA shape", () => {
  it("records", () => {
    const d = toDataset(records);
    expect(d.nRows).toBe(3);
    expect(d.column("temp").type).toBe("number");
    expect(d.get(2, "temp")).toBeNull();
    expect(d.get(0, "rain")).toBe("true");
  });

  it("an arquero table (real arquero)", () => {
    const table = aq.from(records);
    const d = toDataset(table);
    expect(d.names).toEqual(["city", "temp", "rain"]);
    expect(d.get(1, "city")).toBe("Lima");
    expect(d.contentHash()).toBe(toDataset(records).contentHash());
  });

  it("a danfo DataFrame, recognised by its columns and values", () => {
    const danfoShaped = { columns: ["city", "temp", "rain"], values: records.map((r) => [r.city, r.temp, r.rain]) };
    expect(toDataset(danfoShaped).contentHash()).toBe(toDataset(records).contentHash());
  });

  it("a Dataset as itself, and a registry name", () => {
    const d = toDataset(records);
    expect(toDataset(d)).toBe(d);
    expect(toDataset("penguins").nRows).toBe(344);
  });

  it("suggests the closest registry name for a typo", async () => {
    await expect(load("pengiuns")).rejects.toThrowError(/Did you mean "penguins"\?/);
  });

  it("rejects what it cannot read, naming the argument", () => {
    expect(() => toDataset(42, "DATA")).toThrowError(LitmlError);
    expect(() => toDataset([1, 2], "DATA")).toThrowError(/DATA\[0\] must be a Dataset/);
  });
});

describe("Dataset", () => {
  const d = toDataset(records);

  it("suggests the closest column name", () => {
    expect(() => d.column("tmp")).toThrowError(/Unknown column "tmp"\. Did you mean "temp"\?/);
  });

  it("checks that role columns exist", () => {
    expect(() => d.withRoles({ target: "rainn" })).toThrowError(/Did you mean "rain"/);
    expect(d.withRoles({ target: "rain" }).roles.target).toBe("rain");
  });

  it("rejects columns of different lengths", () => {
    expect(
      () =>
        new Dataset([
          ["a", { type: "number", values: new Float64Array(2) }],
          ["b", { type: "number", values: new Float64Array(3) }],
        ]),
    ).toThrowError(/Column "b" has 3 values but the other columns have 2/);
  });

  it("takes and selects rows and columns without copying the dictionary", () => {
    const taken = d.take([2, 0]).select(["city"]);
    expect(taken.toRecords()).toEqual([{ city: "Oslo" }, { city: "Oslo" }]);
  });

  it("hashes content, not identity", () => {
    expect(d.take([0, 1, 2]).contentHash()).toBe(d.contentHash());
    expect(d.take([1, 0, 2]).contentHash()).not.toBe(d.contentHash());
  });
});

describe("registry", () => {
  it("lists penguins with its source and licence", () => {
    const penguins = list().find((e) => e.name === "penguins");
    expect(penguins?.license).toBe("CC0 1.0");
    expect(penguins?.source).toMatch(/Gorman/);
    expect(penguins?.roles.target).toBe("Species");
  });
});
