import type { Dataset } from "../data/dataset.js";
import type { Cell, Table } from "../result.js";
import { escapeHtml } from "../util/escape.js";
import { tableHtml } from "./html.js";
import { tableText } from "./text.js";

const PREVIEW_ROWS = 8;

function preview(dataset: Dataset): Table {
  const rows = dataset.toRecords(PREVIEW_ROWS).map((record) =>
    dataset.names.map((name): Cell => {
      const value = record[name];
      return value instanceof Date ? value.toISOString() : value;
    }),
  );
  return { columns: dataset.names, rows };
}

function caption(dataset: Dataset): string {
  const roles = Object.entries(dataset.roles)
    .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([role, v]) => `${role}: ${Array.isArray(v) ? v.join(", ") : v}`);
  const shown = Math.min(PREVIEW_ROWS, dataset.nRows);
  return `${dataset.toString()}${roles.length ? `; roles: ${roles.join("; ")}` : ""}. First ${shown} rows:`;
}

/** A data set shows as its size, roles and first rows. */
export function datasetBundle(dataset: Dataset): Record<string, unknown> {
  const text = caption(dataset);
  return {
    "text/html": `<div class="litml-dataset" style="font-family:sans-serif;font-size:13px"><div>${escapeHtml(text)}</div>${tableHtml(preview(dataset))}</div>`,
    "text/plain": `${text}\n${tableText(preview(dataset))}`,
  };
}

export function datasetText(dataset: Dataset): string {
  return `${caption(dataset)}\n${tableText(preview(dataset))}`;
}
