/**
 * A data file's bytes, with the failures of reading them said in the file's terms: a
 * missing file, a folder, and gzip that will not decompress. Text formats are
 * decompressed when named .gz or when their bytes start with gzip's magic number (a
 * download saved without its .gz still reads).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { message } from "../../messages.js";
import { fileKind, type FileKind } from "./format.js";

/** Refuses a path that is missing or a folder, before its name is judged as a format. */
export function statDataFile(file: string): void {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat === undefined) throw message.fileNotFound(file);
  if (stat.isDirectory()) throw message.isFolder(file, dataFilesIn(file));
}

export function readDataBytes(file: string, kind: FileKind): Buffer {
  statDataFile(file);
  const bytes = readFileSync(file);
  const textFormat = kind.format === "csv" || kind.format === "tsv" || kind.format === "json";
  if (!(kind.gzip || (textFormat && isGzip(bytes)))) return bytes;
  try {
    return gunzipSync(bytes);
  } catch {
    throw message.notGzip(file);
  }
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function dataFilesIn(folder: string): string[] {
  try {
    return readdirSync(folder).filter((name) => fileKind(name) !== undefined).sort();
  } catch {
    return [];
  }
}
