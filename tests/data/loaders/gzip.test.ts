import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { load } from "../../../src/data/convert.js";
import { readFile } from "../../../src/data/loaders/file.js";
import { python } from "../../helpers/python.js";
import { asyncErrorOf, errorOf, pythonDataFile, vegaFile, writeTemp } from "./temp-files.js";

afterEach(() => vi.restoreAllMocks());

describe("gzip-compressed files", () => {
  it("reads .csv.gz, .tsv.gz and .json.gz to the same data as the plain files", async () => {
    for (const name of ["seattle-weather.csv", "unemployment.tsv", "penguins.json"]) {
      const plain = readFile(vegaFile(name));
      const file = writeTemp(`${name}.gz`, gzipSync(readFileSync(vegaFile(name))));
      const zipped = await load(file);
      expect(zipped.names, name).toEqual(plain.names);
      expect(zipped.nRows, name).toBe(plain.nRows);
      // Equal hashes mean equal names, types and every value.
      expect(zipped.contentHash(), name).toBe(plain.contentHash());
    }
  });

  // scikit-learn's diabetes target ships as a headerless .csv.gz of numbers, one a line.
  it("reads scikit-learn's diabetes_target.csv.gz as numpy does, first line included", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const file = pythonDataFile("sklearn.datasets", "data/diabetes_target.csv.gz");
    const ref = python<{ n: number; sum: number; first: number }>(`
import numpy as np
y = np.loadtxt(${JSON.stringify(file)})
emit({"n": len(y), "sum": float(y.sum()), "first": float(y[0])})`).value;
    const data = readFile(file);
    expect(data.names).toEqual(["column1"]);
    expect(data.nRows).toBe(ref.n);
    expect(data.get(0, "column1")).toBe(ref.first);
    expect(data.toRecords().reduce((s, r) => s + (r.column1 as number), 0)).toBeCloseTo(ref.sum, 6);
    expect(warn).toHaveBeenCalledOnce();
  });

  it("reads gzip data saved without its .gz", () => {
    const file = writeTemp("downloaded.csv", gzipSync(readFileSync(vegaFile("seattle-weather.csv"))));
    expect(readFile(file).contentHash()).toBe(readFile(vegaFile("seattle-weather.csv")).contentHash());
  });

  it("names a .gz file that is cut short", () => {
    const whole = gzipSync(readFileSync(vegaFile("seattle-weather.csv")));
    const file = writeTemp("cut.csv.gz", whole.subarray(0, whole.length / 2));
    const error = errorOf(() => readFile(file));
    expect(error.code).toBe("bad-gzip");
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/cut short or not gzip/);
  });

  it("says which .gz files it reads when given another", async () => {
    const file = writeTemp("flights.parquet.gz", gzipSync(Buffer.from("PAR1")));
    const error = errorOf(() => readFile(file));
    expect(error.code).toBe("unsupported-format");
    expect(error.message).toMatch(/decompress it \(gunzip -k flights\.parquet\.gz\)/);
    expect((await asyncErrorOf(() => load(file))).message).not.toMatch(/registered/);
  });
});
