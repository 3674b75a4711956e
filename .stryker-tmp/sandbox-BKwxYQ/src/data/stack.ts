/**
 * Rows of several data sets one after another, over the columns they share. Category
 * columns get the union of the dictionaries (codes remapped), so a category seen only in
 * a later part keeps its own code.
 */
// @ts-nocheck

import { type Column, MISSING_CODE, type CategoryColumn } from "./column.js";
import { Dataset } from "./dataset.js";

function stackCategories(parts: readonly CategoryColumn[]): CategoryColumn {
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(parts.reduce((n, part) => n + part.codes.length, 0));
  let offset = 0;
  for (const part of parts) {
    const remap = Int32Array.from(part.dictionary, (label) => {
      let code = index.get(label);
      if (code === undefined) index.set(label, (code = dictionary.push(label) - 1));
      return code;
    });
    for (let i = 0; i < part.codes.length; i++) {
      const code = part.codes[i];
      codes[offset + i] = code === MISSING_CODE ? MISSING_CODE : remap[code];
    }
    offset += part.codes.length;
  }
  return { type: "category", codes, dictionary };
}

function stackColumn(name: string, parts: readonly Column[]): Column {
  const type = parts[0].type;
  if (parts.some((part) => part.type !== type)) {
    throw new TypeError(`stackRows: column "${name}" has different types (${parts.map((part) => part.type).join(", ")})`);
  }
  if (type === "category") return stackCategories(parts as CategoryColumn[]);
  const values = new Float64Array(parts.reduce((n, part) => n + (part as { values: Float64Array }).values.length, 0));
  let offset = 0;
  for (const part of parts as readonly { values: Float64Array }[]) {
    values.set(part.values, offset);
    offset += part.values.length;
  }
  return { type, values } as Column;
}

/** The rows of `parts` in order, over `names` (which every part must have, with the same type). */
export function stackRows(parts: readonly Dataset[], names: readonly string[]): Dataset {
  return new Dataset(
    names.map((name) => [name, stackColumn(name, parts.map((part) => part.column(name)))] as const),
    {},
    {},
    parts.reduce((n, part) => n + part.nRows, 0),
  );
}
