import { afterEach, describe, expect, it } from "vitest";
import { inferColumn } from "../../src/data/infer.js";
import { readFile } from "../../src/data/loaders/file.js";
import { python } from "../helpers/python.js";
import { vegaFile, vegaText, writeTemp } from "./loaders/temp-files.js";

function dates(values: readonly string[]): number[] | string {
  const column = inferColumn(values);
  return column.type === "date" ? Array.from(column.values) : column.type;
}

const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe("dates stored as text", () => {
  // The first days of Seattle's weather, as each tool writes them.
  const seattle = vegaText("seattle-weather.csv").trim().split("\n").slice(1, 41).map((line) => line.split(",")[0]);
  const utc = seattle.map((d) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)));

  it("reads ISO dates, with or without a time, and year/month/day with slashes", () => {
    expect(dates(seattle)).toEqual(utc);
    expect(dates(seattle.map((d) => `${d}T10:00`))).toEqual(utc.map((t) => t + 10 * 3_600_000));
    expect(dates(seattle.map((d) => `${d} 10:00:30.5`))).toEqual(utc.map((t) => t + 10 * 3_600_000 + 30_500));
    expect(dates(seattle.map((d) => d.replaceAll("-", "/")))).toEqual(utc);
    expect(dates(["2012-01-01T10:00+01:00", "2012-01-01T10:00Z"])).toEqual([Date.UTC(2012, 0, 1, 9), Date.UTC(2012, 0, 1, 10)]);
  });

  it("reads a time without an offset as UTC in every time zone", () => {
    // Derived hours and weekdays use the UTC calendar; a local reading would shift them by the notebook's zone.
    process.env.TZ = "America/New_York";
    expect(dates(["2012-01-01T10:00", "2012/01/31 23:30"])).toEqual([Date.UTC(2012, 0, 1, 10), Date.UTC(2012, 0, 31, 23, 30)]);
    process.env.TZ = "Asia/Kolkata";
    expect(dates(["2012-01-01T10:00"])).toEqual([Date.UTC(2012, 0, 1, 10)]);
  });

  it("reads day/month/year when a day after the 12th settles the order for the column", () => {
    const dayFirst = seattle.map((d) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`);
    expect(dates(dayFirst)).toEqual(utc);
    const monthFirst = seattle.map((d) => `${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(0, 4)}`);
    expect(dates(monthFirst)).toEqual(utc);
  });

  it("leaves day/month/year as text when every value reads both ways, or values contradict", () => {
    expect(dates(["01/02/2012", "03/04/2012", "12/11/2012"])).toBe("category");
    expect(dates(["13/01/2012", "01/13/2012"])).toBe("category");
  });

  it("refuses days no calendar has", () => {
    expect(dates(["2012-02-30"])).toBe("category");
    expect(dates(["2011-02-29"])).toBe("category");
    expect(dates(["2012-02-29"])).toEqual([Date.UTC(2012, 1, 29)]);
    expect(dates(["2012-13-01"])).toBe("category");
    expect(dates(["31/04/2012"])).toBe("category");
  });

  // vega-datasets' flights files write "2001/01/01 06:55"; pandas reads them as naive timestamps.
  it("reads flights-2k's dates as pandas does", () => {
    const file = vegaFile("flights-2k.json");
    const ref = python<number[]>(`
import json
import pandas as pd
rows = json.load(open(${JSON.stringify(file)}))
emit([int(t.value // 1_000_000) for t in pd.to_datetime([r["date"] for r in rows], format="%Y/%m/%d %H:%M")])`).value;
    const data = readFile(file);
    expect(data.column("date").type).toBe("date");
    expect(data.toRecords().map((r) => (r.date as Date).getTime())).toEqual(ref);
  });

  it("reads dates from a CSV file written day first", () => {
    const file = writeTemp("dayfirst.csv", ["date,precipitation", ...seattle.map((d, i) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)},${i}`)].join("\n"));
    const data = readFile(file);
    expect(data.column("date").type).toBe("date");
    expect((data.get(30, "date") as Date).toISOString()).toBe(`${seattle[30]}T00:00:00.000Z`);
  });
});
