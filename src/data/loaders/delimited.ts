import { message } from "../../messages.js";
import { isNumberText } from "../infer.js";
import { isDecimalCommaNumber } from "./decimal-comma.js";
import { loadWarning } from "./load-warning.js";

/**
 * RFC 4180 parser for CSV/TSV text: quoted fields may hold delimiters, newlines and
 * doubled quotes. Returns the header and the fields column by column, so the caller
 * can infer each column's type from one array. Errors name the file, line and column.
 *
 * A first row of numbers only is no header (data exported with header=False, or
 * scikit-learn's bundled files): it is kept as the first row of data, the columns are
 * named column1, column2, … and a warning says so, rather than turning a row of
 * measurements into column names and losing it. The one all-number header kept is a
 * numbering 0,1,2,… (or 1,2,3,…), which pandas writes for a DataFrame built from an array.
 */
export function parseDelimited(
  text: string,
  file: string,
  delimiter: string,
): { header: string[]; columns: string[][] } {
  const rows = splitRecords(text, file, delimiter.charCodeAt(0));
  if (rows.length === 0) return { header: [], columns: [] };
  if (isNumberRow(rows[0].fields, delimiter) && !isColumnNumbering(rows[0].fields)) {
    const firstRow = rows[0].fields;
    const names = firstRow.map((_, c) => `column${c + 1}`);
    loadWarning(message.readWithoutHeader(file, firstRow, names));
    rows.unshift({ fields: names, line: 0 });
  }
  const [header, ...body] = rows;
  const width = header.fields.length;
  const seen = new Set<string>();
  for (const name of header.fields) {
    if (seen.has(name)) throw message.duplicateColumn(file, name);
    seen.add(name);
  }
  const columns = header.fields.map(() => new Array<string>(body.length));
  for (let r = 0; r < body.length; r++) {
    const { fields, line } = body[r];
    if (fields.length !== width) throw message.raggedRow(file, line, fields.length, width);
    for (let c = 0; c < width; c++) columns[c][r] = fields[c];
  }
  return { header: header.fields, columns };
}

function isNumberRow(fields: readonly string[], delimiter: string): boolean {
  return fields.every((field) => isNumberText(field) || (delimiter !== "," && isDecimalCommaNumber(field)));
}

/** 0,1,2,… or 1,2,3,…: the header pandas writes for a DataFrame made from a bare array, not a row of data. */
function isColumnNumbering(fields: readonly string[]): boolean {
  if (fields.length < 2) return false;
  const first = fields[0].trim();
  if (first !== "0" && first !== "1") return false;
  return fields.every((field, i) => field.trim() === String(i + Number(first)));
}

interface RawRecord {
  fields: string[];
  line: number;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

function splitRecords(text: string, file: string, delimiter: number): RawRecord[] {
  const records: RawRecord[] = [];
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let lineStart = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const endRecord = () => {
    // A blank line (one empty field) separates nothing; skip it rather than make a ragged row.
    if (!(fields.length === 1 && fields[0] === "")) records.push({ fields, line: recordLine });
    fields = [];
  };
  while (i <= n) {
    if (i === n) {
      if (fields.length > 0) {
        fields.push("");
        endRecord();
      }
      break;
    }
    if (text.charCodeAt(i) === QUOTE) {
      const openLine = line;
      const openColumn = i - lineStart + 1;
      let value = "";
      let j = i + 1;
      for (;;) {
        const next = text.indexOf('"', j);
        if (next < 0) throw message.unclosedQuote(file, openLine, openColumn);
        value += text.slice(j, next);
        for (let k = j; k < next; k++) {
          if (text.charCodeAt(k) === LF) {
            line++;
            lineStart = k + 1;
          }
        }
        if (text.charCodeAt(next + 1) === QUOTE) {
          value += '"';
          j = next + 2;
          continue;
        }
        i = next + 1;
        break;
      }
      fields.push(value);
      const c = text.charCodeAt(i);
      if (i < n && c !== delimiter && c !== LF && c !== CR) throw message.strayQuote(file, line, i - lineStart + 1);
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === delimiter || c === LF || c === CR) break;
        j++;
      }
      fields.push(text.slice(i, j));
      i = j;
    }
    if (i >= n) {
      endRecord();
      break;
    }
    const c = text.charCodeAt(i);
    if (c === delimiter) {
      i++;
      if (i === n) {
        fields.push("");
        endRecord();
        break;
      }
      continue;
    }
    // End of line: \n, \r\n or a lone \r.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    endRecord();
    line++;
    lineStart = i;
    recordLine = line;
  }
  return records;
}
