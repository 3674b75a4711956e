/** Arrow IPC files, read with flechette (arquero's Arrow engine) straight into typed columns. */
import { type Table, tableFromIPC } from "@uwdata/flechette";
import { message } from "../../messages.js";
import { type Column } from "../column.js";
import { inferColumn } from "../infer.js";
import { corruptBinaryFile } from "./corrupt.js";

const REWRITE = "pyarrow.feather.write_feather(table, path), or arquero's toArrow";

export function readArrowColumns(bytes: Uint8Array, file: string): [string, Column][] {
  // Feather version 1 predates the Arrow IPC format that readers share today.
  if (bytes.length >= 4 && String.fromCharCode(...bytes.subarray(0, 4)) === "FEA1") {
    throw message.corruptFile(file, "Arrow", "it is Feather version 1, an older layout litml does not read", `Write it again as Feather version 2 (${REWRITE}; version 2 is the default).`);
  }
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch {
    throw corruptBinaryFile(file, "Arrow", bytes, "ARROW1", REWRITE);
  }
  return table.schema.fields.map((field, i): [string, Column] => {
    const vector = table.getChildAt(i)!;
    const values = vector.toArray() as ArrayLike<unknown>;
    if (ArrayBuffer.isView(values) && !(values instanceof BigInt64Array) && !(values instanceof BigUint64Array) && vector.nullCount === 0) {
      return [field.name, { type: "number", values: Float64Array.from(values as ArrayLike<number>) }];
    }
    return [field.name, inferColumn(Array.from({ length: table.numRows }, (_, r) => vector.at(r)))];
  });
}
