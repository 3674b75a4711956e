/** Arrow IPC files, read with flechette (arquero's Arrow engine) straight into typed columns. */
import { readFileSync } from "node:fs";
import { tableFromIPC } from "@uwdata/flechette";
import { type Column } from "../column.js";
import { inferColumn } from "../infer.js";

export function readArrowColumns(file: string): [string, Column][] {
  const table = tableFromIPC(readFileSync(file));
  return table.schema.fields.map((field, i): [string, Column] => {
    const vector = table.getChildAt(i)!;
    const values = vector.toArray() as ArrayLike<unknown>;
    if (ArrayBuffer.isView(values) && !(values instanceof BigInt64Array) && !(values instanceof BigUint64Array) && vector.nullCount === 0) {
      return [field.name, { type: "number", values: Float64Array.from(values as ArrayLike<number>) }];
    }
    return [field.name, inferColumn(Array.from({ length: table.numRows }, (_, r) => vector.at(r)))];
  });
}
