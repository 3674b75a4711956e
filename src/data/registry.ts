import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { message } from "../messages.js";
import { dependencyDir, packageRoot } from "../util/package-root.js";
import { type Column } from "./column.js";
import { Dataset, type Roles } from "./dataset.js";
import { type Derivation, deriveFromDate } from "./derive.js";
import { isSyncFormat, readColumns, readColumnsSync } from "./loaders/file.js";
import { readSpamAssassin } from "./loaders/spam-assassin.js";

/** One entry of the registry: a JSON file under datasets/ describing a real, cited data set. */
export interface DatasetEntry {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** A file (or folder, for special loaders) inside an npm package, or a path relative to datasets/. */
  readonly file: { readonly package: string; readonly path: string } | string;
  /** A loader for a layout no file format describes. */
  readonly loader?: "spam-assassin";
  /** Columns to add from a date column: { "hour": ["date", "hour"] }. */
  readonly derive?: Readonly<Record<string, readonly [string, Derivation]>>;
  readonly roles: Roles;
  readonly source: string;
  readonly license: string;
}

let entries: Map<string, DatasetEntry> | undefined;

function registry(): Map<string, DatasetEntry> {
  if (entries === undefined) {
    const dir = path.join(packageRoot(), "datasets");
    entries = new Map();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
      const entry = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as DatasetEntry;
      entries.set(entry.name, entry);
    }
  }
  return entries;
}

/** The registered data sets: name, title, suggested roles, source and licence. */
export function list(): DatasetEntry[] {
  return [...registry().values()];
}

/** Whether a name is in the registry (so a string can be told from a file path). */
export function isRegistered(name: string): boolean {
  return registry().has(name);
}

const loaded = new Map<string, Dataset>();

function entryOf(name: string): DatasetEntry {
  const entry = registry().get(name);
  if (entry === undefined) throw message.unknownDataset(name, [...registry().keys()]);
  return entry;
}

function fileOf(entry: DatasetEntry): string {
  return typeof entry.file === "string" ? path.join(packageRoot(), "datasets", entry.file) : path.join(dependencyDir(entry.file.package), entry.file.path);
}

function build(entry: DatasetEntry, columns: [string, Column][]): Dataset {
  const byName = new Map(columns);
  for (const [name, [source, what]] of Object.entries(entry.derive ?? {})) columns.push([name, deriveFromDate(byName.get(source)!, what, source)]);
  const dataset = new Dataset(columns, entry.roles, { name: entry.name, description: entry.description, source: entry.source, license: entry.license });
  loaded.set(entry.name, dataset);
  return dataset;
}

/** Loads a registered data set by name (cached: data sets are immutable). */
export async function loadRegistered(name: string): Promise<Dataset> {
  const entry = entryOf(name);
  const cached = loaded.get(name);
  if (cached) return cached;
  if (entry.loader === "spam-assassin") return build(entry, readSpamAssassin(fileOf(entry)));
  return build(entry, await readColumns(fileOf(entry)));
}

/**
 * The synchronous path, for DATA given by name where a value is expected: every format
 * but Parquet, or a Parquet set already loaded with `await litml.load(name)`.
 */
export function loadRegisteredSync(name: string): Dataset {
  const entry = entryOf(name);
  const cached = loaded.get(name);
  if (cached) return cached;
  if (entry.loader === "spam-assassin") return build(entry, readSpamAssassin(fileOf(entry)));
  const file = fileOf(entry);
  if (!isSyncFormat(file)) throw message.needsAwait(name);
  return build(entry, readColumnsSync(file));
}
