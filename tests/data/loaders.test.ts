import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDelimited } from "../../src/data/loaders/delimited.js";
import { readFile } from "../../src/data/loaders/file.js";
import { errorOf } from "./loaders/temp-files.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "litml-loaders-"));
function file(name: string, text: string): string {
  const full = path.join(dir, name);
  writeFileSync(full, text);
  return full;
}


describe("parseDelimited (RFC 4180)", () => {
  it("handles quotes, doubled quotes, embedded delimiters and newlines, CRLF and a BOM", () => {
    const text = '\ufeffname,notes\r\n"Smith, J.","said ""hi""\nthen left"\r\nLee,\r\n';
    const { header, columns } = parseDelimited(text, "t.csv", ",");
    expect(header).toEqual(["name", "notes"]);
    expect(columns[0]).toEqual(["Smith, J.", "Lee"]);
    expect(columns[1]).toEqual(['said "hi"\nthen left', ""]);
  });

  it("reads TSV and a last line without a newline", () => {
    const { columns } = parseDelimited("a\tb\n1\t2\n3\t4", "t.tsv", "\t");
    expect(columns).toEqual([["1", "3"], ["2", "4"]]);
  });

  it("names the line and column of a quote that is never closed", () => {
    const error = errorOf(() => parseDelimited('a,b\n1,2\n3,"oops\n4,5\n', "data.csv", ","));
    expect(error.code).toBe("unclosed-quote");
    expect(error.message).toContain("data.csv:3:3");
  });

  it("names the line of a row with the wrong number of fields", () => {
    const error = errorOf(() => parseDelimited("a,b\n1,2\n3,4,5\n", "data.csv", ","));
    expect(error.code).toBe("ragged-row");
    expect(error.message).toMatch(/data\.csv:3: this row has 3 fields but the header has 2/);
  });

  it("rejects text after a closing quote", () => {
    expect(errorOf(() => parseDelimited('a\n"x"y\n', "q.csv", ",")).message).toContain("q.csv:2:4");
  });
});

describe("readFile", () => {
  it("infers types from a CSV", () => {
    const dataset = readFile(file("ok.csv", "x,y,when\n1,a,2020-01-01\n2,b,2020-01-02\n"));
    expect(dataset.nRows).toBe(2);
    expect(dataset.names).toEqual(["x", "y", "when"]);
    expect(dataset.column("x").type).toBe("number");
    expect(dataset.column("y").type).toBe("category");
    expect(dataset.column("when").type).toBe("date");
  });

  it("reads JSON records and JSON columns", () => {
    expect(readFile(file("rows.json", '[{"a":1,"b":"x"},{"a":2}]')).get(1, "b")).toBeNull();
    expect(readFile(file("cols.json", '{"a":[1,2,3],"b":["x","y","z"]}')).nRows).toBe(3);
  });

  it("names the line and column of invalid JSON", () => {
    const error = errorOf(() => readFile(file("bad.json", '[\n  {"a": 1},\n  {"a": }\n]')));
    expect(error.code).toBe("unreadable-json");
    expect(error.message).toContain("bad.json:3:9");
  });

  it("explains JSON that is not a table", () => {
    expect(errorOf(() => readFile(file("scalar.json", "42"))).code).toBe("json-not-records");
  });

  it("reports a missing file and an unknown format", () => {
    expect(errorOf(() => readFile(path.join(dir, "nope.csv"))).code).toBe("file-not-found");
    expect(errorOf(() => readFile(file("x.xlsx", ""))).code).toBe("unsupported-format");
  });

  it("rejects duplicate header names", () => {
    expect(errorOf(() => readFile(file("dup.csv", "a,a\n1,2\n"))).code).toBe("duplicate-column");
  });
});

describe("JSON error positions", () => {
  it.each([
    ['{"a": 1,}', 1, 9],
    ['[1, 2\n, 3', 2, 4],
    ['{"a": tru}', 1, 7],
    ['[1] x', 1, 5],
  ])("%j fails at line %i column %i", (text, line, column) => {
    expect(errorOf(() => readFile(file(`pos${line}${column}.json`, text))).message).toContain(`:${line}:${column}:`);
  });
});
