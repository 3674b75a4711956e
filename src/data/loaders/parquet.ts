/**
 * Parquet files (with Snappy, ZSTD, gzip, Brotli or LZ4 pages), decoded by hyparquet
 * column chunk by column chunk straight into typed columns, so a 3-million-row file
 * never exists as row objects. Integers (64-bit included) and floats become numbers,
 * timestamps become dates, strings become categories.
 */
import { readFileSync } from "node:fs";
import { parquetMetadata, parquetRead, parquetSchema } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { CategoryBuilder, type Column, MISSING_CODE } from "../column.js";
import { message } from "../../messages.js";
import { corruptBinaryFile } from "./corrupt.js";

type Builder =
  | { kind: "number" | "date"; values: Float64Array }
  | { kind: "category"; codes: Int32Array; categories: CategoryBuilder };

export async function readParquetColumns(file: string): Promise<[string, Column][]> {
  const bytes = readFileSync(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const corrupt = () => corruptBinaryFile(file, "Parquet", bytes, "PAR1", "pandas: df.to_parquet(path); R: arrow::write_parquet(df, path)");
  let metadata: ReturnType<typeof parquetMetadata>;
  let schema: ReturnType<typeof parquetSchema>;
  try {
    metadata = parquetMetadata(buffer);
    schema = parquetSchema(metadata);
  } catch {
    throw corrupt();
  }
  const rows = Number(metadata.num_rows);
  const builders = new Map<string, Builder>();
  for (const child of schema.children) {
    const element = child.element;
    const isText = element.type === "BYTE_ARRAY" || element.type === "FIXED_LEN_BYTE_ARRAY" || element.converted_type === "UTF8";
    const isDate = element.logical_type?.type === "TIMESTAMP" || element.logical_type?.type === "DATE" || element.converted_type?.startsWith("TIMESTAMP") || element.converted_type === "DATE";
    builders.set(
      element.name,
      isText ? { kind: "category", codes: new Int32Array(rows), categories: new CategoryBuilder() } : { kind: isDate ? "date" : "number", values: new Float64Array(rows) },
    );
  }
  // A file whose footer reads can still hold damaged pages; the reader's own words name its internals, not the file's problem.
  await parquetRead({
    file: buffer,
    compressors,
    parsers: EPOCH_MILLISECONDS,
    onChunk: ({ columnName, columnData, rowStart }) => {
      const builder = builders.get(columnName);
      if (!builder) return;
      const data = columnData as ArrayLike<unknown>;
      if (builder.kind === "category") {
        for (let i = 0; i < data.length; i++) {
          const v = data[i];
          builder.codes[rowStart + i] = v === null || v === undefined ? MISSING_CODE : builder.categories.code(String(v));
        }
      } else {
        for (let i = 0; i < data.length; i++) builder.values[rowStart + i] = toNumber(data[i]);
      }
    },
  }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw /unsupported|not supported/i.test(reason) ? message.unsupportedParquet(file, reason.replace(/^parquet\s*/i, "")) : corrupt();
  });
  return [...builders].map(([name, b]): [string, Column] =>
    b.kind === "category" ? [name, { type: "category", codes: b.codes, dictionary: b.categories.dictionary }] : [name, { type: b.kind, values: b.values }],
  );
}

/** Dates arrive as milliseconds since 1970 (what a date column holds), not as a Date object per value. */
const EPOCH_MILLISECONDS = {
  timestampFromMilliseconds: (millis: bigint) => Number(millis),
  timestampFromMicroseconds: (micros: bigint) => Number(micros / 1000n),
  timestampFromNanoseconds: (nanos: bigint) => Number(nanos / 1_000_000n),
  dateFromDays: (days: number) => days * 86_400_000,
};

function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.getTime();
  if (typeof value === "boolean") return value ? 1 : 0;
  return NaN;
}
