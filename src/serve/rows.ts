/**
 * Request rows checked against a pipeline's input schema and turned into a Dataset with
 * the training column types. A row that does not fit fails as a LitmlError naming the
 * row, the field and what was expected (the server answers it with a 400).
 */
import type { Column } from "../data/column.js";
import { Dataset } from "../data/dataset.js";
import type { InputField, InputSchema } from "../features/input-schema.js";
import { message } from "../messages.js";

export interface CheckedRows {
  readonly data: Dataset;
  /** Each row's values in schema order (labels for categories, null for missing): the table's key. */
  readonly keys: readonly string[];
}

const expected = (field: InputField) =>
  field.type === "number" ? "a number" : field.type === "date" ? "a date (ISO text or milliseconds)" : "a category (text)";

/** `batch`: name rows "row N" in messages. `rare`: unknown categories pass (to the pipeline's rare bucket) instead of failing. */
export function checkRows(schema: InputSchema, rows: readonly unknown[], batch: boolean, rare: boolean): CheckedRows {
  const names = schema.fields.map((f) => f.name);
  const known = new Set(names);
  const n = rows.length;
  const values = schema.fields.map((f) => (f.type === "category" ? new Int32Array(n) : new Float64Array(n)));
  const dictionaries = schema.fields.map((f) => (f.type === "category" ? [...f.levels] : []));
  const codeOf = schema.fields.map((f) => (f.type === "category" ? new Map(f.levels.map((l, i) => [l, i])) : new Map<string, number>()));
  const keys: string[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const row = rows[r];
    const at = batch ? `row ${r}` : "the row";
    if (row === null || typeof row !== "object" || Array.isArray(row)) throw message.badRequestField(at, "an object of field values", row);
    for (const key of Object.keys(row)) if (!known.has(key)) throw message.extraRequestField(at, key, names);
    const key: unknown[] = [];
    schema.fields.forEach((field, c) => {
      const where = `${batch ? `row ${r}, ` : ""}field "${field.name}"`;
      if (!(field.name in row)) throw message.missingRequestField(at, field.name, expected(field));
      const value = (row as Record<string, unknown>)[field.name];
      if (field.type === "category") {
        const codes = values[c] as Int32Array;
        if (value === null) {
          codes[r] = -1;
          key.push(null);
          return;
        }
        if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") throw message.badRequestField(where, expected(field), value);
        const label = String(value);
        let code = codeOf[c].get(label);
        if (code === undefined) {
          if (!rare) throw message.unknownRequestCategory(where, label, field.levels);
          code = dictionaries[c].push(label) - 1;
          codeOf[c].set(label, code);
        }
        codes[r] = code;
        key.push(label);
        return;
      }
      const numbers = values[c] as Float64Array;
      let v: number;
      if (value === null) v = NaN;
      else if (field.type === "number") {
        if (typeof value !== "number" || !Number.isFinite(value)) throw message.badRequestField(where, expected(field), value);
        v = value;
      } else {
        v = typeof value === "number" ? value : typeof value === "string" ? Date.parse(value) : NaN;
        if (!Number.isFinite(v)) throw message.badRequestField(where, expected(field), value);
      }
      numbers[r] = v;
      key.push(Number.isNaN(v) ? null : v);
    });
    keys[r] = JSON.stringify(key);
  }
  const columns = schema.fields.map((field, c): [string, Column] =>
    field.type === "category" ? [field.name, { type: "category", codes: values[c] as Int32Array, dictionary: dictionaries[c] }] : [field.name, { type: field.type, values: values[c] as Float64Array }],
  );
  return { data: new Dataset(columns, {}, {}, n), keys };
}
