import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { profile } from "../../../src/frame/profile/index.js";
import { inferColumn } from "../../../src/data/infer.js";
import { readFile } from "../../../src/data/loaders/file.js";
import { python } from "../../helpers/python.js";
import { pythonDataFile, vegaText, writeTemp } from "./temp-files.js";

afterEach(() => vi.restoreAllMocks());

describe("infinite values", () => {
  it("reads 1e400 and the spellings of infinity as numbers, not as a category", () => {
    const column = inferColumn(["0.0", "1e400", "Infinity", "-Infinity", "inf", "-inf", "Inf", "10.9"]);
    expect(column.type).toBe("number");
    if (column.type !== "number") return;
    expect(Array.from(column.values)).toEqual([0, Infinity, Infinity, -Infinity, Infinity, -Infinity, Infinity, 10.9]);
  });

  // Seattle's weather with one overflowing precipitation and a wind speed written as the text Infinity.
  const lines = vegaText("seattle-weather.csv").trim().split("\n").slice(0, 31);
  lines[8] = lines[8].replace(/^([^,]+),[^,]+,/, "$1,1e400,");
  lines[21] = lines[21].replace(/,([^,]+),([^,]+)$/, ",Infinity,$2");
  const file = writeTemp("seattle-infinite.csv", lines.join("\n"));

  it("keeps both columns numeric and flags each in %profile with its column and first row", async () => {
    const result = await profile(file);
    const columns = Object.fromEntries(result.data.columnProfiles.map((c) => [c.name, c]));
    expect(columns.precipitation.type).toBe("number");
    expect(columns.wind.type).toBe("number");
    expect(columns.precipitation.infinite).toEqual({ count: 1, firstRow: 7, firstValue: "Infinity" });
    expect(columns.wind.infinite).toEqual({ count: 1, firstRow: 20, firstValue: "Infinity" });
    expect(columns.temp_max.infinite).toBeUndefined();
    const found = result.data.problems.filter((p) => p.kind === "infinite-values");
    expect(found.map((p) => p.column).sort()).toEqual(["precipitation", "wind"]);
    expect(found.find((p) => p.column === "precipitation")!.text).toMatch(/"precipitation" holds 1 infinite value \(Infinity first in row 7\)/);
    expect(result.verdict.level).toBe("warn");
    expect(result.verdict.text).toMatch(/infinite value/);
    // The result travels as JSON to the lab renderer and reports, where a bare Infinity would become null.
    expect(JSON.stringify(result.toJSON())).toContain('"firstValue":"Infinity"');
  });

  it("names -Infinity as such", async () => {
    const result = await profile([{ x: 1 }, { x: 2 }, { x: "-inf" }, { x: "-inf" }].map((r, i) => ({ ...r, id: i })));
    expect(result.data.problems.find((p) => p.kind === "infinite-values")!.text).toMatch(/"x" holds 2 infinite values \(-Infinity first in row 2\)/);
  });
});

describe("a CSV without a header row", () => {
  // statsmodels' macrodata, its header removed, as np.savetxt or to_csv(header=False) would write it.
  it("keeps an all-number first row as data, names the columns and warns", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const source = pythonDataFile("statsmodels.datasets.macrodata", "macrodata.csv");
    const body = readFileSync(source, "utf8").trim().split("\n").slice(1, 51).join("\n");
    const file = writeTemp("macro-noheader.csv", body);
    const ref = python<{ rows: number; first: number[]; sums: number[] }>(`
import pandas as pd
df = pd.read_csv(${JSON.stringify(file)}, header=None)
emit({"rows": len(df), "first": [float(v) for v in df.iloc[0]], "sums": [float(df[c].sum()) for c in df.columns]})`).value;
    const data = readFile(file);
    expect(data.nRows).toBe(ref.rows);
    expect(data.names.slice(0, 3)).toEqual(["column1", "column2", "column3"]);
    expect(data.names.map((n) => data.get(0, n))).toEqual(ref.first);
    data.names.forEach((n, c) => expect(data.toRecords().reduce((s, r) => s + (r[n] as number), 0)).toBeCloseTo(ref.sums[c], 6));
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0][0]).toMatch(/The first row of .*macro-noheader\.csv is all numbers \(1959, 1, 2710\.349, 1707\.4, …\), so it was read as data.*column1…column14/);
  });

  it("keeps a header that merely holds some numbers, such as years", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const data = readFile(writeTemp("wide.csv", "country,2019,2020\nNorway,5.1,4.9\nPeru,3.2,3.0\n"));
    expect(data.names).toEqual(["country", "2019", "2020"]);
    expect(warn).not.toHaveBeenCalled();
  });

  it("keeps the 0,1,2,… header pandas writes for a DataFrame made from an array", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const file = writeTemp("from-array.csv", "");
    python(`
import numpy as np, pandas as pd
pd.DataFrame(np.arange(12.0).reshape(4, 3)).to_csv(${JSON.stringify(file)}, index=False)
emit(None)`);
    const data = readFile(file);
    expect(data.names).toEqual(["0", "1", "2"]);
    expect(data.nRows).toBe(4);
    expect(data.get(0, "0")).toBe(0);
    expect(warn).not.toHaveBeenCalled();
  });
});
