import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { message } from "../../messages.js";
import { type Column } from "../column.js";
import { Dataset, type DatasetMeta, type Roles } from "../dataset.js";
import { inferColumn } from "../infer.js";
import { readArrowColumns } from "./arrow.js";
import { parseDelimited } from "./delimited.js";
import { jsonToColumns, parseJsonText } from "./json.js";
import { readParquetColumns } from "./parquet.js";

export const FILE_PATTERN = /\.(csv|tsv|json|arrow|feather|parquet)$/i;
const SYNC_PATTERN = /\.(csv|tsv|json|arrow|feather)$/i;

/** Whether the file can be read synchronously (everything but Parquet). */
export function isSyncFormat(file: string): boolean {
  return SYNC_PATTERN.test(file);
}

/** Reads a CSV, TSV, JSON or Arrow file into typed columns, inferring types. */
export function readColumnsSync(file: string): [string, Column][] {
  if (!existsSync(file)) throw message.fileNotFound(file);
  const extension = path.extname(file).toLowerCase();
  if (extension === ".arrow" || extension === ".feather") return readArrowColumns(file);
  const text = readFileSync(file, "utf8");
  let raw: Map<string, ArrayLike<unknown>>;
  if (extension === ".json") {
    raw = jsonToColumns(parseJsonText(text, file), file);
  } else if (extension === ".csv" || extension === ".tsv") {
    const { header, columns } = parseDelimited(text, file, extension === ".tsv" ? "\t" : ",");
    raw = new Map(header.map((name, c) => [name, columns[c]]));
  } else {
    throw message.unsupportedFormat(file);
  }
  return [...raw].map(([name, values]) => [name, inferColumn(values)]);
}

export async function readColumns(file: string): Promise<[string, Column][]> {
  if (!existsSync(file)) throw message.fileNotFound(file);
  if (/\.parquet$/i.test(file)) return readParquetColumns(file);
  return readColumnsSync(file);
}

export function readFile(file: string, roles: Roles = {}, meta: DatasetMeta = {}): Dataset {
  return new Dataset(readColumnsSync(file), roles, { name: path.basename(file), source: file, ...meta });
}

export async function readFileAsync(file: string, roles: Roles = {}, meta: DatasetMeta = {}): Promise<Dataset> {
  return new Dataset(await readColumns(file), roles, { name: path.basename(file), source: file, ...meta });
}
