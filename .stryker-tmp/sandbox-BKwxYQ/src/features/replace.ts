// @ts-nocheck
import type { Column } from "../data/column.js";
import { Dataset } from "../data/dataset.js";

/**
 * A copy of `data` in which each named column is replaced by zero or more new columns,
 * in place (order kept), so that transformed data read in the same order as the input.
 */
export function replaceColumns(data: Dataset, replacements: ReadonlyMap<string, readonly (readonly [string, Column])[]>): Dataset {
  const columns: (readonly [string, Column])[] = [];
  for (const name of data.names) {
    const replacement = replacements.get(name);
    if (replacement) columns.push(...replacement);
    else columns.push([name, data.column(name)]);
  }
  const kept = new Set(columns.map(([name]) => name));
  const roles = Object.fromEntries(
    Object.entries(data.roles).map(([role, value]) => [role, Array.isArray(value) ? value.filter((v) => kept.has(v)) : kept.has(value as string) ? value : undefined]),
  );
  return new Dataset(columns, roles, data.meta, data.nRows);
}
