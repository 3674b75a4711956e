/**
 * A pipeline's input schema: each input column's type and, for categories, the labels seen
 * in training. Recorded when the pipeline is fitted and saved with it, it is the contract a
 * prediction server checks request rows against (src/serve/).
 */
import type { Dataset } from "../data/dataset.js";

export type InputField =
  | { readonly name: string; readonly type: "number"; readonly missing: boolean; readonly min: number; readonly max: number }
  | { readonly name: string; readonly type: "category"; readonly missing: boolean; readonly levels: readonly string[] }
  | { readonly name: string; readonly type: "date"; readonly missing: boolean };

export interface InputSchema {
  readonly fields: readonly InputField[];
}

/** The schema of these (training) inputs: categories keep only the labels that occur. */
export function inputSchemaOf(inputs: Dataset): InputSchema {
  const fields = inputs.names.map((name): InputField => {
    const column = inputs.column(name);
    if (column.type === "category") {
      const seen = new Uint8Array(column.dictionary.length);
      let missing = false;
      for (const code of column.codes) code < 0 ? (missing = true) : (seen[code] = 1);
      return { name, type: "category", missing, levels: column.dictionary.filter((_, i) => seen[i] === 1) };
    }
    let missing = false;
    let min = Infinity;
    let max = -Infinity;
    for (const v of column.values) {
      if (Number.isNaN(v)) missing = true;
      else {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    return column.type === "number" ? { name, type: "number", missing, min, max } : { name, type: "date", missing };
  });
  return { fields };
}
