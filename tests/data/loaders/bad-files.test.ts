import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, readSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { load, toDataset } from "../../../src/data/convert.js";
import { profile } from "../../../src/frame/profile/index.js";
import { asyncErrorOf, errorOf, tempDir, vegaFile, writeTemp } from "./temp-files.js";

/** The first and last bytes of a large file, without reading all of it. */
function bytesOf(file: string, start: number, length: number): Buffer {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, start);
    return buffer;
  } finally {
    closeSync(fd);
  }
}

describe("files litml cannot read say what they are and what to do", () => {
  it("an Excel workbook asks to be exported as CSV, not looked up in the registry", async () => {
    const file = writeTemp("sales.xlsx", bytesOf(vegaFile("7zip.png"), 0, 64));
    for (const error of [errorOf(() => toDataset(file)), await asyncErrorOf(() => load(file)), await asyncErrorOf(() => profile(file))]) {
      expect(error.code).toBe("unsupported-format");
      expect(error.message).toContain(file);
      expect(error.message).toMatch(/Excel workbook: save the sheet as CSV/);
      expect(error.message).not.toMatch(/registered/);
    }
    // A bare file name with no folder is still a file, and a missing one is "not found".
    expect((await asyncErrorOf(() => load("budget.xlsx"))).code).toBe("file-not-found");
  });

  it("a folder is named as a folder, with the data files it holds", async () => {
    const folder = path.join(tempDir, "exports");
    mkdirSync(folder, { recursive: true });
    copyFileSync(vegaFile("seattle-weather.csv"), path.join(folder, "seattle-weather.csv"));
    for (const error of [await asyncErrorOf(() => load(folder)), await asyncErrorOf(() => load(`${folder}/`)), errorOf(() => toDataset(folder))]) {
      expect(error.code).toBe("is-folder");
      expect(error.message).toContain(folder);
      expect(error.message).toContain('"seattle-weather.csv"');
      expect(error.message).not.toMatch(/EISDIR/);
    }
  });

  it("a binary file under a text name is refused by name, not parsed into ragged rows", () => {
    const png = writeTemp("chart.csv", readFileSync(vegaFile("7zip.png")));
    const error = errorOf(() => toDataset(png));
    expect(error.code).toBe("not-text");
    expect(error.message).toMatch(/chart\.csv is not a text file \(it is a PNG image\)/);
    // A workbook renamed .csv is a zip archive.
    expect(errorOf(() => toDataset(writeTemp("renamed.csv", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]))))).toMatchObject({ code: "not-text", message: expect.stringMatching(/zip archive; an Excel \.xlsx/) });
    // Unknown binary: the image's pixel data, past its signature, holds NUL bytes.
    const unknown = writeTemp("blob.json", readFileSync(vegaFile("7zip.png")).subarray(8));
    expect(errorOf(() => toDataset(unknown)).message).toMatch(/blob\.json is not a text file \(it holds NUL bytes/);
    const arrow = writeTemp("flights.csv", bytesOf(vegaFile("flights-200k.arrow"), 0, 4096));
    expect(errorOf(() => toDataset(arrow)).message).toMatch(/it is an Arrow file; name it \.arrow/);
  });

  describe("corrupt Parquet", () => {
    const source = vegaFile("flights-3m.parquet");
    const size = 13_493_022;

    it("a file cut short says so, with no reader internals", async () => {
      const file = writeTemp("cut.parquet", bytesOf(source, 0, 65_536));
      const error = await asyncErrorOf(() => load(file));
      expect(error.code).toBe("corrupt-file");
      expect(error.message).toMatch(/cut\.parquet is not a valid Parquet file: it is cut short \(it starts as Parquet, but the closing PAR1 is missing\)\. Check that the download or copy finished/);
      expect(error.message).not.toMatch(/metadata length|buffer|exceeds/);
    });

    it("a damaged footer (the metadata length hyparquet reported as 527363590) is named as damage", async () => {
      // The real footer with its metadata length overwritten: both signatures intact, the metadata unreadable.
      const tail = bytesOf(source, size - 65_536, 65_536);
      tail.writeUInt32LE(527_363_590, tail.length - 8);
      const file = writeTemp("damaged.parquet", Buffer.concat([bytesOf(source, 0, 65_536), tail]));
      const error = await asyncErrorOf(() => load(file));
      expect(error.message).toMatch(/damaged\.parquet is not a valid Parquet file: its metadata or data pages are damaged\. .*df\.to_parquet/);
      expect(error.message).not.toMatch(/527363590/);
    });

    it("text under a .parquet name, and an empty file", async () => {
      const text = writeTemp("weather.parquet", readFileSync(vegaFile("seattle-weather.csv")));
      expect((await asyncErrorOf(() => load(text))).message).toMatch(/weather\.parquet is not a valid Parquet file: it holds text \(it begins "date,precipitation,temp_max.*"\)\. If it is CSV or JSON, give it that extension\./);
      expect((await asyncErrorOf(() => load(writeTemp("empty.parquet", "")))).message).toMatch(/empty\.parquet is not a valid Parquet file: it is empty \(0 bytes\)/);
    });

    it("a Parquet path given where data is read synchronously asks for await", () => {
      expect(errorOf(() => toDataset(writeTemp("later.parquet", "PAR1")))).toMatchObject({ code: "needs-await" });
    });
  });

  describe("corrupt Arrow", () => {
    it("a file cut short, random bytes, and Feather version 1", async () => {
      const cut = writeTemp("cut.arrow", bytesOf(vegaFile("flights-200k.arrow"), 0, 40_000));
      const error = await asyncErrorOf(() => load(cut));
      expect(error.code).toBe("corrupt-file");
      expect(error.message).toMatch(/cut\.arrow is not a valid Arrow file: it is cut short/);
      expect(error.message).not.toMatch(/Expected to read|metadata bytes/);
      const noise = writeTemp("noise.feather", bytesOf(vegaFile("7zip.png"), 100, 2000));
      expect((await asyncErrorOf(() => load(noise))).message).toMatch(/noise\.feather is not a valid Arrow file: it does not start with ARROW1/);
      const v1 = writeTemp("old.feather", Buffer.concat([Buffer.from("FEA1"), Buffer.alloc(64, 1)]));
      expect(errorOf(() => toDataset(v1)).message).toMatch(/Feather version 1.*write_feather/);
    });
  });
});
