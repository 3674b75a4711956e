/**
 * Bytes to text for CSV, TSV and JSON. UTF-8 is the rule; UTF-16 with a byte-order mark
 * (Excel's "Unicode text") is decoded as such. Text that is not UTF-8 is decoded as
 * Windows-1252, the superset of Latin-1 that spreadsheets on Windows write, with a
 * warning naming the line, so an "é" never silently becomes U+FFFD. Binary files are
 * refused by name before any parser sees them.
 */
import { isUtf8 } from "node:buffer";
import { message } from "../../messages.js";
import { loadWarning } from "./load-warning.js";

/** File signatures of binary formats people hand to a text loader, and what to call them. */
const SIGNATURES: readonly [readonly number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], "it is a zip archive; an Excel .xlsx workbook is one"],
  [[0xd0, 0xcf, 0x11, 0xe0], "it is an old Office file, such as an Excel .xls workbook"],
  [[0x50, 0x41, 0x52, 0x31], "it is a Parquet file; name it .parquet"],
  [[0x41, 0x52, 0x52, 0x4f, 0x57, 0x31], "it is an Arrow file; name it .arrow"],
  [[0x25, 0x50, 0x44, 0x46], "it is a PDF document"],
  [[0x89, 0x50, 0x4e, 0x47], "it is a PNG image"],
  [[0xff, 0xd8, 0xff], "it is a JPEG image"],
];

// Bytes Windows-1252 leaves undefined: text holding them is in some other encoding.
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
// Like git, judge binary by a NUL byte near the start; text never holds one.
const SNIFF_BYTES = 8000;

export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  for (const [signature, what] of SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) throw message.notTextFile(file, what);
  }
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) throw message.notTextFile(file, "it holds NUL bytes, as binary files and UTF-16 text without a byte-order mark do");
  if (isUtf8(bytes)) return new TextDecoder("utf-8").decode(bytes);
  const offset = Math.max(0, firstInvalidUtf8(bytes));
  const line = lineAt(bytes, offset);
  const foreign = bytes.findIndex((b) => UNDEFINED_IN_1252.has(b));
  if (foreign >= 0) {
    throw message.badEncoding(file, lineAt(bytes, foreign), hex(bytes.subarray(foreign, foreign + 3)));
  }
  const text = decodeWindows1252(bytes);
  loadWarning(message.readAsWindows1252(file, line, wordAround(bytes, offset)));
  return text;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlong forms, no surrogates), or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (need === 0 || i + need >= n) return i;
    for (let k = 1; k <= need; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    const next = b[i + 1];
    if ((c === 0xe0 && next < 0xa0) || (c === 0xed && next > 0x9f) || (c === 0xf0 && next < 0x90) || (c === 0xf4 && next > 0x8f)) return i;
    i += need + 1;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The word holding the offending byte, decoded as Windows-1252, so the warning shows what was read. */
function wordAround(bytes: Uint8Array, offset: number): string {
  const separator = (b: number) => b === 0x0a || b === 0x0d || b === 0x2c || b === 0x3b || b === 0x09 || b === 0x22 || b === 0x20;
  let start = offset;
  while (start > 0 && offset - start < 30 && !separator(bytes[start - 1])) start--;
  let end = offset + 1;
  while (end < bytes.length && end - offset < 30 && !separator(bytes[end])) end++;
  return decodeWindows1252(bytes.subarray(start, end));
}

// 0x80–0x9F, where Windows-1252 puts €, curly quotes and dashes and Latin-1 has control codes.
const HIGH_1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/**
 * Windows-1252 decoded by table: Node's TextDecoder("windows-1252") decodes as ISO Latin-1
 * since Node 20.18.3 (nodejs/node#56542, #60888), which turns € and curly quotes into
 * invisible control codes.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const CHUNK = 8192;
  let out = "";
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? HIGH_1252.charCodeAt(b - 0x80) : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`).join(" ");
}
