import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { message } from "../../messages.js";
import { type Column } from "../column.js";
import { Dataset, type DatasetMeta, type Roles } from "../dataset.js";
import { inferColumn } from "../infer.js";
import { parseDelimited } from "./delimited.js";
import { jsonToColumns, parseJsonText } from "./json.js";

export const FILE_PATTERN = /\.(csv|tsv|json)$/i;

/** Reads a CSV, TSV or JSON file into a Dataset, inferring each column's type. */
export function readFile(file: string, roles: Roles = {}, meta: DatasetMeta = {}): Dataset {
  if (!existsSync(file)) throw message.fileNotFound(file);
  const extension = path.extname(file).toLowerCase();
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
  const columns: [string, Column][] = [...raw].map(([name, values]) => [name, inferColumn(values)]);
  return new Dataset(columns, roles, { name: path.basename(file), source: file, ...meta });
}
