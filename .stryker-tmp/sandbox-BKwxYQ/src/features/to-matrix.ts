// @ts-nocheck
import type { Dataset } from "../data/dataset.js";
import { type Matrix, matrix } from "../data/matrix.js";
import { message } from "../messages.js";

/** The numeric columns `names` as a matrix; a column still holding categories or dates is a pipeline without an encoder. */
export function toMatrix(data: Dataset, names: readonly string[]): Matrix {
  const out = matrix(data.nRows, names.length, names);
  names.forEach((name, c) => {
    const column = data.column(name);
    if (column.type !== "number") throw message.notNumeric(name, column.type);
    out.data.set(column.values, c * data.nRows);
  });
  return out;
}
