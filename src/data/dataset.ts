import { inspect } from "node:util";
import { datasetBundle, datasetText } from "../display/dataset.js";
import { message } from "../messages.js";
import { Random } from "../util/random.js";
import { shortHash } from "../util/hash.js";
import { type Column, columnLength, sliceRows, takeRows, valueAt } from "./column.js";

/** What each column is for. Analyses read these instead of asking again. */
export interface Roles {
  readonly target?: string;
  readonly time?: string;
  readonly group?: string;
  readonly weight?: string;
  readonly sensitive?: readonly string[];
  readonly prediction?: readonly string[];
}

/** Where a data set comes from, so a report can cite and reproduce it. */
export interface DatasetMeta {
  readonly name?: string;
  readonly description?: string;
  readonly source?: string;
  readonly license?: string;
}

/**
 * An immutable table of typed columns plus the roles of its columns. Every analysis
 * takes one (converted from whatever the user passed) and never mutates it.
 */
export class Dataset {
  readonly names: readonly string[];
  readonly nRows: number;
  private readonly byName: ReadonlyMap<string, Column>;
  private cachedHash: string | undefined;

  constructor(
    columns: Iterable<readonly [string, Column]>,
    readonly roles: Roles = {},
    readonly meta: DatasetMeta = {},
    /** The row count when there are no columns to tell it (a selection of zero features). */
    rowCount?: number,
  ) {
    const byName = new Map<string, Column>();
    let nRows: number | undefined;
    for (const [name, column] of columns) {
      if (byName.has(name)) throw message.duplicateColumn(meta.name ?? "data set", name);
      const length = columnLength(column);
      if (nRows === undefined) nRows = length;
      else if (length !== nRows) throw message.lengthMismatch(name, length, nRows);
      byName.set(name, column);
    }
    this.byName = byName;
    this.names = [...byName.keys()];
    this.nRows = nRows ?? rowCount ?? 0;
    for (const name of roleColumns(roles)) this.column(name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The column, or a LitmlError that suggests the closest existing name. */
  column(name: string): Column {
    const column = this.byName.get(name);
    if (column === undefined) throw message.unknownColumn(name, this.names);
    return column;
  }

  get(row: number, name: string): number | string | Date | null {
    return valueAt(this.column(name), row);
  }

  withRoles(roles: Roles): Dataset {
    return new Dataset(this.byName, { ...this.roles, ...roles }, this.meta, this.nRows);
  }

  withMeta(meta: DatasetMeta): Dataset {
    return new Dataset(this.byName, this.roles, { ...this.meta, ...meta }, this.nRows);
  }

  select(names: readonly string[]): Dataset {
    const roles = keepRoles(this.roles, new Set(names));
    return new Dataset(names.map((name) => [name, this.column(name)] as const), roles, this.meta, this.nRows);
  }

  take(rows: ArrayLike<number>): Dataset {
    const columns = this.names.map((name) => [name, takeRows(this.byName.get(name)!, rows)] as const);
    return new Dataset(columns, this.roles, this.meta, rows.length);
  }

  /** The rows whose value in `name` passes `test` (called with null for a missing value), in order. */
  where(name: string, test: (value: number | string | Date | null) => boolean): Dataset {
    const column = this.column(name);
    const rows: number[] = [];
    for (let r = 0; r < this.nRows; r++) if (test(valueAt(column, r))) rows.push(r);
    return this.take(rows);
  }

  /** `n` rows drawn without replacement (all of them when n ≥ nRows), in their original order; seeded. */
  sample(n: number, seed = 0): Dataset {
    if (!Number.isInteger(n) || n < 0) throw message.badOption("sample", "n", n, "a whole number of rows ≥ 0");
    if (n >= this.nRows) return this;
    return this.take(new Random(seed).permutation(this.nRows).subarray(0, n).sort());
  }

  /** Rows start to end − 1, without copying (views on this data set's columns). */
  slice(start: number, end = this.nRows): Dataset {
    const from = Math.max(0, Math.min(start, this.nRows));
    const to = Math.max(from, Math.min(end, this.nRows));
    return new Dataset(this.names.map((name) => [name, sliceRows(this.byName.get(name)!, from, to)] as const), this.roles, this.meta, to - from);
  }

  head(n = 5): Dataset {
    return this.slice(0, n);
  }

  /** Rows as plain objects, for display and export; missing values become null. */
  toRecords(limit = this.nRows): Record<string, number | string | Date | null>[] {
    const rows = Math.min(limit, this.nRows);
    const records: Record<string, number | string | Date | null>[] = [];
    for (let r = 0; r < rows; r++) {
      const record: Record<string, number | string | Date | null> = {};
      for (const name of this.names) record[name] = valueAt(this.byName.get(name)!, r);
      records.push(record);
    }
    return records;
  }

  /** A hash of names, types and values: equal data gives an equal hash, whatever its source. */
  contentHash(): string {
    if (this.cachedHash === undefined) {
      const parts: (string | ArrayBufferView)[] = [];
      for (const name of this.names) {
        const column = this.byName.get(name)!;
        parts.push(name, column.type);
        if (column.type === "category") parts.push(JSON.stringify(column.dictionary), column.codes);
        else parts.push(column.values);
      }
      this.cachedHash = shortHash(...parts);
    }
    return this.cachedHash;
  }

  /** What a result records of the data it used, so a report can be reproduced: its name, content hash and size. */
  provenance(fallbackName = "data"): { readonly name: string; readonly hash: string; readonly rows: number } {
    return { name: this.meta.name ?? fallbackName, hash: this.contentHash(), rows: this.nRows };
  }

  [Symbol.for("Jupyter.display")](): Record<string, unknown> {
    return datasetBundle(this);
  }

  [inspect.custom](): string {
    return datasetText(this);
  }

  toString(): string {
    const label = this.meta.name ? `Dataset "${this.meta.name}"` : "Dataset";
    return `${label}: ${this.nRows} rows × ${this.names.length} columns (${this.names.join(", ")})`;
  }
}

function roleColumns(roles: Roles): string[] {
  const single = [roles.target, roles.time, roles.group, roles.weight].filter((x): x is string => x !== undefined);
  return [...single, ...(roles.sensitive ?? []), ...(roles.prediction ?? [])];
}

function keepRoles(roles: Roles, kept: ReadonlySet<string>): Roles {
  const one = (name: string | undefined) => (name !== undefined && kept.has(name) ? name : undefined);
  const many = (names: readonly string[] | undefined) => names?.filter((n) => kept.has(n));
  return {
    target: one(roles.target),
    time: one(roles.time),
    group: one(roles.group),
    weight: one(roles.weight),
    sensitive: many(roles.sensitive),
    prediction: many(roles.prediction),
  };
}
