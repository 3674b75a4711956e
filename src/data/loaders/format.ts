/**
 * A data file's format, told by its name: what every loader dispatches on. Names that
 * litml cannot read get advice for their format rather than a lookup in the registry.
 */
import path from "node:path";
import { message } from "../../messages.js";

export type FileFormat = "csv" | "tsv" | "json" | "arrow" | "parquet";

export interface FileKind {
  readonly format: FileFormat;
  /** Named .gz: decompressed with gzip before reading. */
  readonly gzip: boolean;
}

const FORMATS: Record<string, FileFormat> = { ".csv": "csv", ".tsv": "tsv", ".json": "json", ".arrow": "arrow", ".feather": "arrow", ".parquet": "parquet" };
const GZIPPED: ReadonlySet<FileFormat> = new Set(["csv", "tsv", "json"]);

const ADVICE: Record<string, string> = {
  ".xlsx": "It is an Excel workbook: save the sheet as CSV (File › Save As › CSV UTF-8) and load the .csv.",
  ".xls": "It is an Excel workbook: save the sheet as CSV (File › Save As › CSV UTF-8) and load the .csv.",
  ".xlsm": "It is an Excel workbook: save the sheet as CSV (File › Save As › CSV UTF-8) and load the .csv.",
  ".ods": "It is a spreadsheet: save the sheet as CSV and load the .csv.",
  ".numbers": "It is a spreadsheet: export it as CSV and load the .csv.",
  ".sav": "It is an SPSS file: convert it to CSV or Parquet (pandas.read_spss(...).to_csv(...)).",
  ".dta": "It is a Stata file: convert it to CSV or Parquet (pandas.read_stata(...).to_csv(...)).",
  ".sas7bdat": "It is a SAS file: convert it to CSV or Parquet (pandas.read_sas(...).to_csv(...)).",
  ".rds": "It is an R object: write it out as CSV (write.csv) or Parquet (arrow::write_parquet).",
  ".pkl": "It is a Python pickle: write the DataFrame out as CSV or Parquet (df.to_parquet(...)).",
  ".pickle": "It is a Python pickle: write the DataFrame out as CSV or Parquet (df.to_parquet(...)).",
  ".zip": "It is a zip archive: unzip it and load the data file inside.",
  ".txt": "If it holds delimited text, rename it to .csv (or .tsv for tabs).",
  ".jsonl": "It holds one JSON record per line: wrap the lines in [ ] with commas to make a .json array, or convert it to CSV.",
  ".ndjson": "It holds one JSON record per line: wrap the lines in [ ] with commas to make a .json array, or convert it to CSV.",
};

/** The format of a file name, or undefined when litml does not read it. */
export function fileKind(file: string): FileKind | undefined {
  const lower = file.toLowerCase();
  const gzip = lower.endsWith(".gz");
  const format = FORMATS[path.extname(gzip ? lower.slice(0, -3) : lower)];
  if (format === undefined || (gzip && !GZIPPED.has(format))) return undefined;
  return { format, gzip };
}

/** The format of a file name, or a LitmlError saying what to do with this kind of file. */
export function requireFileKind(file: string): FileKind {
  const kind = fileKind(file);
  if (kind !== undefined) return kind;
  const lower = file.toLowerCase();
  const extension = path.extname(lower);
  if (extension === ".gz") {
    return failWith(file, `Only gzip-compressed CSV, TSV and JSON are read (data.csv.gz); decompress it (gunzip -k ${path.basename(file)}) and load the file inside.`);
  }
  return failWith(file, ADVICE[extension] ?? (extension ? `Its extension "${extension}" is not a data format litml knows; convert it to CSV or Parquet.` : "Its name has no extension to tell its format; add the right one."));
}

function failWith(file: string, advice: string): never {
  throw message.unknownFileFormat(file, advice);
}

/** Whether a string names a file rather than a registered data set: a path separator or an extension. */
export function looksLikePath(name: string): boolean {
  return /[\\/]/.test(name) || /\.[A-Za-z][A-Za-z0-9]{0,8}$/.test(name);
}
