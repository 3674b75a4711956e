import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { message } from "../messages.js";
import { dependencyDir, packageRoot } from "../util/package-root.js";
import { Dataset, type Roles } from "./dataset.js";
import { readFile } from "./loaders/file.js";

/** One entry of the registry: a JSON file under datasets/ describing a real, cited data set. */
export interface DatasetEntry {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** A file inside an npm package, or a path relative to datasets/. */
  readonly file: { readonly package: string; readonly path: string } | string;
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

export function isRegistered(name: string): boolean {
  return registry().has(name);
}

const loaded = new Map<string, Dataset>();

/** Loads a registered data set by name (cached: datasets are immutable). */
export function loadRegistered(name: string): Dataset {
  const entry = registry().get(name);
  if (entry === undefined) throw message.unknownDataset(name, [...registry().keys()]);
  let dataset = loaded.get(name);
  if (dataset === undefined) {
    const file =
      typeof entry.file === "string"
        ? path.join(packageRoot(), "datasets", entry.file)
        : path.join(dependencyDir(entry.file.package), entry.file.path);
    dataset = readFile(file, entry.roles, {
      name: entry.name,
      description: entry.description,
      source: entry.source,
      license: entry.license,
    });
    loaded.set(name, dataset);
  }
  return dataset;
}
