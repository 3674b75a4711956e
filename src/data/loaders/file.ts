import path from "node:path";
import { message } from "../../messages.js";
import { type Column, columnLength } from "../column.js";
import { Dataset, type DatasetMeta, type Roles } from "../dataset.js";
import { inferColumn } from "../infer.js";
import { readArrowColumns } from "./arrow.js";
import { decimalCommaNumbers } from "./decimal-comma.js";
import { decodeText } from "./decode-text.js";
import { parseDelimited } from "./delimited.js";
import { fileKind, requireFileKind } from "./format.js";
import { jsonToColumns, parseJsonText } from "./json.js";
import { readParquetColumns } from "./parquet.js";
import { readDataBytes, statDataFile } from "./read-bytes.js";
import { sniffDelimiter } from "./sniff-delimiter.js";

/** Whether the file can be read synchronously (everything but Parquet). */
export function isSyncFormat(file: string): boolean {
  const kind = fileKind(file);
  return kind !== undefined && kind.format !== "parquet";
}

/** Reads a CSV, TSV, JSON or Arrow file (CSV, TSV and JSON also gzipped) into typed columns, inferring types. */
export function readColumnsSync(file: string): [string, Column][] {
  statDataFile(file);
  const kind = requireFileKind(file);
  if (kind.format === "parquet") throw message.needsAwait(file);
  const bytes = readDataBytes(file, kind);
  if (kind.format === "arrow") return withRows(readArrowColumns(bytes, file), file);
  const text = decodeText(bytes, file);
  if (kind.format === "json") {
    return withRows([...jsonToColumns(parseJsonText(text, file), file)].map(([name, values]) => [name, inferColumn(values)]), file);
  }
  const delimiter = kind.format === "tsv" ? "\t" : sniffDelimiter(text);
  const { header, columns } = parseDelimited(text, file, delimiter);
  return withRows(
    header.map((name, c) => [name, inferColumn((delimiter !== "," && decimalCommaNumbers(columns[c])) || columns[c])]),
    file,
  );
}

export async function readColumns(file: string): Promise<[string, Column][]> {
  statDataFile(file);
  if (requireFileKind(file).format === "parquet") return withRows(await readParquetColumns(file), file);
  return readColumnsSync(file);
}

export function readFile(file: string, roles: Roles = {}, meta: DatasetMeta = {}): Dataset {
  return new Dataset(readColumnsSync(file), roles, { name: path.basename(file), source: file, ...meta });
}

export async function readFileAsync(file: string, roles: Roles = {}, meta: DatasetMeta = {}): Promise<Dataset> {
  return new Dataset(await readColumns(file), roles, { name: path.basename(file), source: file, ...meta });
}

/** A file with no rows is refused here, by name, before an analysis looks for its columns and reports one missing. */
function withRows(columns: [string, Column][], file: string): [string, Column][] {
  if (columns.length === 0 || columnLength(columns[0][1]) === 0) throw message.emptyData(`the file ${file}`);
  return columns;
}
