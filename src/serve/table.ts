/**
 * The prediction table of the static and hybrid modes: predictions computed ahead, keyed
 * by a row's input values. Static enumerates every combination of categories (each with
 * "missing"), which only makes sense when every input is a category with few values;
 * hybrid can instead take the rows to precompute (the frequent requests).
 */
import { resolveData } from "../data/convert.js";
import type { Dataset } from "../data/dataset.js";
import type { InputSchema } from "../features/input-schema.js";
import { message } from "../messages.js";
import type { Predictor } from "./predictor.js";
import { checkRows } from "./rows.js";
import type { Prediction, ServeMode } from "./types.js";

export type PredictionTable = ReadonlyMap<string, Prediction>;

/** Every combination of the categories (and missing), as request rows; or why there cannot be one. */
export function combinations(schema: InputSchema, maxTable: number): { rows: Record<string, unknown>[] } | { reasons: string[] } {
  const reasons: string[] = [];
  const others = schema.fields.filter((f) => f.type !== "category").map((f) => `"${f.name}" (${f.type})`);
  if (others.length > 0) reasons.push(`${others.length === 1 ? "input" : "inputs"} ${others.slice(0, 6).join(", ")}${others.length > 6 ? ", …" : ""} ${others.length === 1 ? "is not a category" : "are not categories"}`);
  let count = 1;
  for (const f of schema.fields) if (f.type === "category") count *= f.levels.length + 1;
  if (count > maxTable) reasons.push(`the categories make ${count.toLocaleString("en-US")} combinations, more than the table's limit of ${maxTable.toLocaleString("en-US")}`);
  if (schema.fields.length === 0) reasons.push("the model has no inputs");
  if (reasons.length > 0) return { reasons };
  let rows: Record<string, unknown>[] = [{}];
  for (const f of schema.fields) {
    if (f.type !== "category") continue;
    const values = [...f.levels, null];
    rows = rows.flatMap((row) => values.map((v) => ({ ...row, [f.name]: v })));
  }
  return { rows };
}

/** The table for this mode: every combination, or (hybrid) the given rows. */
export async function buildTable(predictor: Predictor, mode: ServeMode, options: { tableRows?: unknown; maxTable: number }): Promise<PredictionTable> {
  let rows: readonly unknown[];
  if (mode === "hybrid" && options.tableRows !== undefined) {
    const data = await resolveData(options.tableRows, "tableRows");
    const names = predictor.schema.fields.map((f) => f.name);
    for (const name of names) data.column(name);
    const records = recordsOf(data, names);
    if (records.length > options.maxTable) throw message.tableRefused(mode, [`tableRows has ${records.length} rows, more than the table's limit of ${options.maxTable}`]);
    rows = records;
  } else {
    const all = combinations(predictor.schema, options.maxTable);
    if ("reasons" in all) throw message.tableRefused(mode, all.reasons);
    rows = all.rows;
  }
  // Rows the schema rejects (a category unseen in training) cannot be requested, so they are left out.
  const table = new Map<string, Prediction>();
  const checked = checkRows(predictor.schema, rows, true, true);
  const predictions = predictor.predict(checked.data);
  checked.keys.forEach((key, i) => table.set(key, predictions[i]));
  return table;
}

function recordsOf(data: Dataset, names: readonly string[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let r = 0; r < data.nRows; r++) {
    const row: Record<string, unknown> = {};
    for (const name of names) {
      const v = data.get(r, name);
      row[name] = v instanceof Date ? v.getTime() : typeof v === "number" && Number.isNaN(v) ? null : v;
    }
    out.push(row);
  }
  return out;
}
