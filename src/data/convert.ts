/**
 * Every analysis accepts DATA in any of the shapes people hold it in and turns it into
 * a Dataset here, once: a Dataset, an arquero table, an array of records, a danfo
 * DataFrame (recognised by shape; litml never imports danfo), a registry name or a
 * CSV/TSV/JSON/Arrow/Parquet file path.
 */
import { existsSync } from "node:fs";
import { message } from "../messages.js";
import { type Column } from "./column.js";
import { Dataset } from "./dataset.js";
import { inferColumn } from "./infer.js";
import { readFile, readFileAsync } from "./loaders/file.js";
import { fileKind, looksLikePath } from "./loaders/format.js";
import { isRegistered, loadRegistered, loadRegisteredSync } from "./registry.js";

// Records may be any objects (interfaces such as a result's rows included), read by their own keys.
export type DataInput = Dataset | string | readonly object[] | ArqueroLike | DanfoLike;

interface ArqueroLike {
  columnNames(): string[];
  numRows(): number;
  array(name: string): ArrayLike<unknown>;
}

interface DanfoLike {
  columns: string[];
  values: unknown[][];
}

function isArquero(x: object): x is ArqueroLike {
  const t = x as Partial<ArqueroLike>;
  return typeof t.columnNames === "function" && typeof t.numRows === "function" && typeof t.array === "function";
}

function isDanfo(x: object): x is DanfoLike {
  const t = x as Partial<DanfoLike>;
  return Array.isArray(t.columns) && Array.isArray(t.values) && t.columns.every((c) => typeof c === "string");
}

/**
 * Whether a string is read as a file: a data file's name always; otherwise a registered
 * name goes to the registry, and anything shaped like a path (or present on disk) goes to
 * the file loader, so "sales.xlsx" or a folder gets advice about files, not a registry list.
 */
function isFileName(name: string): boolean {
  return fileKind(name) !== undefined || (!isRegistered(name) && (looksLikePath(name) || existsSync(name)));
}

/** Loads a registered data set by name, or a data file by path. */
export async function load(nameOrPath: string): Promise<Dataset> {
  if (typeof nameOrPath !== "string") throw message.badOption("load", "name", nameOrPath, "a registry name or a file path");
  return isFileName(nameOrPath) ? readFileAsync(nameOrPath) : loadRegistered(nameOrPath);
}

/** DATA as a Dataset, loading names and paths of any format; what every analysis calls. Data with no rows is refused here, by name. */
export async function resolveData(data: unknown, argument = "DATA"): Promise<Dataset> {
  const dataset = typeof data === "string" ? await load(data) : toDataset(data, argument);
  if (dataset.nRows === 0) {
    const name = dataset.meta.name === undefined ? undefined : `"${dataset.meta.name}"`;
    throw message.emptyData(name === undefined ? argument : argument === "DATA" ? name : `${argument} (${name})`);
  }
  return dataset;
}

/** DATA as a Dataset, synchronously: in-memory values, and names of files that read synchronously. */
export function toDataset(data: unknown, argument = "DATA"): Dataset {
  if (data instanceof Dataset) return data;
  if (typeof data === "string") return isFileName(data) ? readFile(data) : loadRegisteredSync(data);
  if (Array.isArray(data)) {
    // An empty array has neither rows nor column names: say "no rows" before an option asks for a column.
    if (data.length === 0) throw message.emptyData(argument);
    return fromRecords(data, argument);
  }
  if (data !== null && typeof data === "object") {
    if (isArquero(data)) {
      const names = data.columnNames();
      return fromColumns(names.map((name) => [name, data.array(name)]));
    }
    if (isDanfo(data)) {
      const { columns, values } = data;
      values.forEach((row, r) => {
        if (!Array.isArray(row)) throw message.badData(`${argument}.values[${r}]`, describe(row));
        if (row.length !== columns.length) throw message.raggedRecords(argument, r, row.length, columns.length);
      });
      return fromColumns(columns.map((name, c) => [name, values.map((row) => row[c])]));
    }
  }
  throw message.badData(argument, describe(data));
}

function fromRecords(records: readonly unknown[], argument: string): Dataset {
  const names = new Map<string, unknown[]>();
  records.forEach((record, r) => {
    if (record === null || typeof record !== "object" || Array.isArray(record)) {
      throw message.badData(`${argument}[${r}]`, describe(record));
    }
    for (const key of Object.keys(record)) {
      if (!names.has(key)) names.set(key, new Array(records.length).fill(null));
      names.get(key)![r] = (record as Record<string, unknown>)[key];
    }
  });
  return fromColumns([...names]);
}

function fromColumns(columns: [string, ArrayLike<unknown>][]): Dataset {
  return new Dataset(columns.map(([name, values]): [string, Column] => [name, inferColumn(values)]));
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return `an object with keys ${Object.keys(value).slice(0, 5).join(", ") || "(none)"}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
