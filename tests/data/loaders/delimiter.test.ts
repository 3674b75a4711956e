import { copyFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Dataset } from "../../../src/data/dataset.js";
import { readFile } from "../../../src/data/loaders/file.js";
import { sniffDelimiter } from "../../../src/data/loaders/sniff-delimiter.js";
import { python } from "../../helpers/python.js";
import { pythonDataFile, tempDir, vegaFile, vegaText, writeTemp } from "./temp-files.js";

function numbers(data: Dataset, name: string): number[] {
  return data.toRecords().map((r) => r[name] as number);
}

describe("the delimiter of a .csv is sniffed", () => {
  // statsmodels ships modechoice.csv with ";" between fields; pandas reads it only when told sep=";".
  it("reads statsmodels' modechoice.csv (semicolons) as pandas does with sep=';'", () => {
    const file = pythonDataFile("statsmodels.datasets.modechoice", "modechoice.csv");
    const ref = python<{ names: string[]; rows: number; sums: number[] }>(`
import pandas as pd
df = pd.read_csv(${JSON.stringify(file)}, sep=";")
emit({"names": list(df.columns), "rows": len(df), "sums": [float(df[c].sum()) for c in df.columns]})`).value;
    const data = readFile(file);
    expect(data.names).toEqual(ref.names);
    expect(data.nRows).toBe(ref.rows);
    ref.names.forEach((name, c) => {
      expect(data.column(name).type, name).toBe("number");
      expect(numbers(data, name).reduce((a, b) => a + b, 0), name).toBeCloseTo(ref.sums[c], 6);
    });
  });

  // statsmodels' anes96.csv is tab-separated under a .csv name.
  it("reads statsmodels' anes96.csv (tabs) as pandas does with sep='\\t'", () => {
    const file = pythonDataFile("statsmodels.datasets.anes96", "anes96.csv");
    const ref = python<{ names: string[]; rows: number; sums: number[] }>(`
import pandas as pd
df = pd.read_csv(${JSON.stringify(file)}, sep="\\t")
emit({"names": list(df.columns), "rows": len(df), "sums": [float(df[c].sum()) for c in df.columns]})`).value;
    const data = readFile(file);
    expect(data.names).toEqual(ref.names);
    expect(data.nRows).toBe(ref.rows);
    ref.names.forEach((name, c) => expect(numbers(data, name).reduce((a, b) => a + b, 0), name).toBeCloseTo(ref.sums[c], 6));
  });

  // Seattle's weather written the way a German or French spreadsheet exports it.
  const seattle = vegaText("seattle-weather.csv").trim().split("\n").slice(0, 41);
  const european = seattle.map((line) => line.split(",").map((field) => field.replace(".", ",")).join(";")).join("\r\n");

  it("reads decimal commas in a ';' file as the numbers the comma file holds", () => {
    const original = readFile(writeTemp("seattle.csv", seattle.join("\n")));
    const data = readFile(writeTemp("seattle-de.csv", european));
    expect(data.names).toEqual(["date", "precipitation", "temp_max", "temp_min", "wind", "weather"]);
    for (const name of ["precipitation", "temp_max", "temp_min", "wind"]) {
      expect(data.column(name).type, name).toBe("number");
      expect(numbers(data, name), name).toEqual(numbers(original, name));
    }
    expect(data.column("date").type).toBe("date");
    expect(data.get(0, "weather")).toBe("drizzle");
  });

  it("reads dots as thousands separators only in a column written with decimal commas", () => {
    const data = readFile(writeTemp("grouped.csv", "region;revenue;rate;code\nNord;1.234,5;0,25;1.234\nSüd;987,25;1,5;2.5\nOst;12.345.678;2;3.75\n"));
    expect(numbers(data, "revenue")).toEqual([1234.5, 987.25, 12345678]);
    expect(numbers(data, "rate")).toEqual([0.25, 1.5, 2]);
    // No comma in the column, so its dots are decimal points.
    expect(numbers(data, "code")).toEqual([1.234, 2.5, 3.75]);
  });

  it("leaves a column mixing '1,5' and '2.5' as text rather than guess", () => {
    const data = readFile(writeTemp("mixed.csv", "a;b\n1,5;x\n2.5;y\n"));
    expect(data.column("a").type).toBe("category");
  });

  it("keeps the comma when only the comma splits every line the same way", () => {
    // A semicolon inside a text field of some rows must not win over the comma.
    const data = readFile(writeTemp("titles.csv", 'title,year\nLove; Death,2001\n"Red; White",2002\nBlue,2003\n'));
    expect(data.names).toEqual(["title", "year"]);
    expect(data.get(0, "title")).toBe("Love; Death");
    expect(data.get(1, "title")).toBe("Red; White");
  });

  it("ignores delimiters inside quotes when sniffing", () => {
    expect(sniffDelimiter('a;b\n"1,5";"x,y"\n"2,5";"z"\n')).toBe(";");
    expect(sniffDelimiter('a,b\n"1;2",x\n"3;4;5",y\n')).toBe(",");
    expect(sniffDelimiter("id\trate\n1001\t.097\n1003\t.091\n")).toBe("\t");
    expect(sniffDelimiter("only\n1\n2\n")).toBe(",");
  });

  it("reads a .tsv as tabs whatever else its fields hold", () => {
    copyFileSync(vegaFile("unemployment.tsv"), path.join(tempDir, "unemployment.tsv"));
    const data = readFile(path.join(tempDir, "unemployment.tsv"));
    expect(data.names).toEqual(["id", "rate"]);
    expect(data.get(0, "rate")).toBe(0.097);
  });
});
