// @ts-nocheck
import { describe, expect, it } from "vitest";
import { load, resolveData, toDataset } from "../../src/data/convert.js";
import { list } from "../../src/data/registry.js";
import type { Dataset } from "../../src/data/dataset.js";

function sumWhere(data: Dataset, filters: Record<string, string>, column = "count"): number {
  let total = 0;
  for (let r = 0; r < data.nRows; r++) {
    if (Object.entries(filters).every(([k, v]) => data.get(r, k) === v)) total += data.get(r, column) as number;
  }
  return total;
}

describe("the data set registry", () => {
  it("lists every required data set with a description, source and licence", () => {
    const names = list().map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining(["penguins", "seattle-weather", "cars", "flights-200k", "flights-3m", "cps-wages-1985", "spam-assassin", "berkeley-admissions", "kidney-stones"]),
    );
    for (const entry of list()) {
      expect(entry.description.length, entry.name).toBeGreaterThan(100);
      expect(entry.source.length, entry.name).toBeGreaterThan(20);
      expect(entry.license.length, entry.name).toBeGreaterThan(2);
    }
  });

  it("berkeley-admissions reproduces the published totals (Bickel, Hammel and O'Connell 1975)", async () => {
    const data = await load("berkeley-admissions");
    // 4,526 applicants; men 1,198 of 2,691 admitted (44.5%), women 557 of 1,835 (30.4%).
    expect(sumWhere(data, {})).toBe(4526);
    expect(sumWhere(data, { sex: "male", admitted: "yes" })).toBe(1198);
    expect(sumWhere(data, { sex: "male" })).toBe(2691);
    expect(sumWhere(data, { sex: "female", admitted: "yes" })).toBe(557);
    expect(sumWhere(data, { sex: "female" })).toBe(1835);
    expect(data.roles.weight).toBe("count");
  });

  it("kidney-stones reproduces Charig et al. (1986): 78% and 83% overall, 93%/87% small, 73%/69% large", async () => {
    const data = await load("kidney-stones");
    const rate = (filters: Record<string, string>) => sumWhere(data, { ...filters, outcome: "success" }) / sumWhere(data, filters);
    expect(Math.round(rate({ treatment: "A" }) * 100)).toBe(78);
    expect(Math.round(rate({ treatment: "B" }) * 100)).toBe(83);
    expect(Math.round(rate({ treatment: "A", stone_size: "small" }) * 100)).toBe(93);
    expect(Math.round(rate({ treatment: "B", stone_size: "small" }) * 100)).toBe(87);
    expect(Math.round(rate({ treatment: "A", stone_size: "large" }) * 100)).toBe(73);
    expect(Math.round(rate({ treatment: "B", stone_size: "large" }) * 100)).toBe(69);
  });

  it("spam-assassin holds the corpus's 4,150 ham and 1,896 spam messages", async () => {
    const data = await load("spam-assassin");
    const label = data.column("label");
    const counts: Record<string, number> = {};
    if (label.type === "category") for (const code of label.codes) counts[label.dictionary[code]] = (counts[label.dictionary[code]] ?? 0) + 1;
    expect(counts).toEqual({ ham: 4150, spam: 1896 });
  });

  it("reads Arrow (flights-200k), CSV (seattle-weather, cps-wages-1985) and JSON (cars) with types", async () => {
    const flights = await load("flights-200k");
    expect(flights.nRows).toBe(200_000);
    expect(flights.names).toEqual(["delay", "distance", "time"]);
    const weather = await load("seattle-weather");
    expect([weather.nRows, weather.column("date").type, weather.roles.time]).toEqual([1461, "date", "date"]);
    expect((await load("cps-wages-1985")).nRows).toBe(534);
    expect((await load("cars")).nRows).toBe(406);
  });

  it("asks for await when a Parquet set is named where a value is expected, before it is loaded", async () => {
    expect(() => toDataset("flights-3m")).toThrowError(/stored as Parquet.*await litml\.load\("flights-3m"\)/);
    expect(await resolveData("kidney-stones")).toBe(toDataset("kidney-stones"));
  });

  it("reads flights-3m from ZSTD Parquet into typed columns, January to June 2001, with hour and weekday", async () => {
    const flights = await load("flights-3m");
    expect(flights.nRows).toBe(3_000_000);
    const date = flights.column("date");
    expect(date.type).toBe("date");
    if (date.type !== "date") return;
    const months = new Map<string, number>();
    for (const v of date.values) {
      const month = new Date(v).toISOString().slice(0, 7);
      months.set(month, (months.get(month) ?? 0) + 1);
    }
    expect([...months.keys()].sort()).toEqual(["2001-01", "2001-02", "2001-03", "2001-04", "2001-05", "2001-06", "2001-07"]);
    // Six departures are stamped at midnight starting 1 July; everything else is January–June.
    expect(months.get("2001-07")).toBe(6);
    expect(flights.column("origin").type).toBe("category");
    expect(flights.get(0, "hour")).toBe(new Date(flights.get(0, "date") as Date).getUTCHours());
    expect(flights.column("weekday").type).toBe("category");
  }, 60_000);

});
