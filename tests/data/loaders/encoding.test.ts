import { afterEach, describe, expect, it, vi } from "vitest";
import { readFile } from "../../../src/data/loaders/file.js";
import { firstInvalidUtf8 } from "../../../src/data/loaders/decode-text.js";
import { errorOf, vegaText, writeTemp } from "./temp-files.js";

afterEach(() => vi.restoreAllMocks());

// Austrian league matches from vega-datasets' football.json: "Österreichische Bundesliga" needs a non-ASCII letter.
const matches = (JSON.parse(vegaText("football.json")) as Record<string, string | number>[]).filter((m) => String(m.division).startsWith("Ö")).slice(0, 30);
const csv = ["date,division,home_team,away_team,home_score,away_score", ...matches.map((m) => [m.date, m.division, m.home_team, m.away_team, m.home_score, m.away_score].join(","))].join("\r\n");

/** What Excel on Windows writes for "CSV (Comma delimited)": Windows-1252 bytes. */
function windows1252(text: string): Buffer {
  const high: Record<string, number> = { "€": 0x80, "’": 0x92, "–": 0x96 };
  return Buffer.from(Array.from(text, (ch) => high[ch] ?? ch.charCodeAt(0)));
}

describe("text that is not UTF-8", () => {
  it("reads Latin-1 / Windows-1252 text as the letters written, with a warning naming the file and line", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const file = writeTemp("bundesliga-latin1.csv", windows1252(csv));
    const data = readFile(file);
    expect(data.nRows).toBe(matches.length);
    expect(data.get(0, "division")).toBe("Österreichische Bundesliga");
    expect(data.toRecords().map((r) => r.home_team)).toEqual(matches.map((m) => m.home_team));
    expect(JSON.stringify(data.toRecords())).not.toContain("\ufffd");
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0][0]).toMatch(/bundesliga-latin1\.csv is not UTF-8 text \(line 2 holds "Österreichische" in another encoding\); it was read as Windows-1252/);
  });

  it("reads the characters where Windows-1252 differs from ISO Latin-1 (€, curly quotes)", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const data = readFile(writeTemp("prices-1252.csv", windows1252("item,note\nTicket,€ 25 – O’Brien\n")));
    expect(data.get(0, "note")).toBe("€ 25 – O’Brien");
  });

  it("reads UTF-8 without a warning, and UTF-16 with a byte-order mark (Excel's Unicode text)", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const utf8 = readFile(writeTemp("bundesliga-utf8.csv", csv));
    const utf16 = readFile(writeTemp("bundesliga-utf16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv.replaceAll(",", "\t"), "utf16le")])));
    expect(utf16.contentHash()).toBe(utf8.contentHash());
    expect(warn).not.toHaveBeenCalled();
  });

  it("fails naming the line and bytes when the text is in neither encoding", () => {
    // 0x81 and 0x8D are undefined in Windows-1252; Shift-JIS text produces them.
    const file = writeTemp("shift-jis.csv", Buffer.concat([Buffer.from("name,city\n"), Buffer.from([0x93, 0x8c, 0x8b, 0x9e, 0x2c, 0x81, 0x8d, 0x0a])]));
    const error = errorOf(() => readFile(file));
    expect(error.code).toBe("bad-encoding");
    expect(error.message).toMatch(/shift-jis\.csv:2: the bytes 0x81 0x8D 0x0A are neither UTF-8 nor Windows-1252/);
    expect(error.message).toMatch(/Re-save the file as UTF-8/);
  });

  it("finds the first byte that breaks UTF-8, overlong forms and surrogates included", () => {
    expect(firstInvalidUtf8(Buffer.from("Österreich", "utf8"))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xd6, 0x73]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2);
  });
});
