import type { Cell, Table } from "../result/contract.js";
import { escapeHtml } from "../util/escape.js";
import { tableHtml } from "./html.js";
import { tableText } from "./text.js";

const PREVIEW_ROWS = 8;

/** What a data set shows of itself (a Dataset; named by shape so that display does not depend on the data layer's class). */
interface Previewable {
  readonly names: readonly string[];
  readonly nRows: number;
  readonly roles: object;
  toRecords(limit?: number): Record<string, Cell | Date>[];
  toString(): string;
}

function preview(dataset: Previewable): Table {
  const rows = dataset.toRecords(PREVIEW_ROWS).map((record) =>
    dataset.names.map((name): Cell => {
      const value = record[name];
      return value instanceof Date ? value.toISOString() : value;
    }),
  );
  return { columns: dataset.names, rows };
}

function caption(dataset: Previewable): string {
  const roles = Object.entries(dataset.roles)
    .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([role, v]) => `${role}: ${Array.isArray(v) ? v.join(", ") : v}`);
  const shown = Math.min(PREVIEW_ROWS, dataset.nRows);
  return `${dataset.toString()}${roles.length ? `; roles: ${roles.join("; ")}` : ""}. First ${shown} rows:`;
}

/** A data set shows as its size, roles and first rows. */
export function datasetBundle(dataset: Previewable): Record<string, unknown> {
  const text = caption(dataset);
  return {
    "text/html": `<div class="litml-dataset" style="font-family:sans-serif;font-size:13px"><div>${escapeHtml(text)}</div>${tableHtml(preview(dataset))}</div>`,
    "text/plain": `${text}\n${tableText(preview(dataset))}`,
  };
}

export function datasetText(dataset: Previewable): string {
  return `${caption(dataset)}\n${tableText(preview(dataset))}`;
}
