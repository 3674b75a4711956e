/**
 * What is wrong with a binary data file that its reader refused, in the file's terms.
 * Readers fail with their internals ("metadata length 527363590 exceeds available
 * buffer"); a person needs to hear that the file is empty, cut short, text under the
 * wrong name, or damaged, and what to do about each.
 */
import { type LitmlError } from "../../errors.js";
import { message } from "../../messages.js";

export function corruptBinaryFile(file: string, format: "Parquet" | "Arrow", bytes: Uint8Array, signature: string, rewrite: string): LitmlError {
  const again = `Check that the download or copy finished, then write the file again (${rewrite}).`;
  if (bytes.length === 0) return message.corruptFile(file, format, "it is empty (0 bytes)", again);
  const text = textStart(bytes);
  if (text !== undefined) {
    return message.corruptFile(file, format, `it holds text (it begins ${JSON.stringify(text)})`, "If it is CSV or JSON, give it that extension.");
  }
  const head = hasSignature(bytes, 0, signature);
  const tail = hasSignature(bytes, bytes.length - signature.length, signature);
  if (head && !tail) return message.corruptFile(file, format, `it is cut short (it starts as ${format}, but the closing ${signature} is missing)`, again);
  if (!head) return message.corruptFile(file, format, `it does not start with ${signature}, the signature of ${format} files`, again);
  return message.corruptFile(file, format, "its metadata or data pages are damaged", again);
}

function hasSignature(bytes: Uint8Array, at: number, signature: string): boolean {
  if (at < 0) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[at + i] !== signature.charCodeAt(i)) return false;
  return true;
}

/** The first characters when the file starts as printable text (CSV or JSON under a binary name), else undefined. */
function textStart(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 256);
  for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) return undefined;
  const text = new TextDecoder("utf-8", { fatal: false }).decode(head.subarray(0, 40));
  return text.includes("\ufffd") ? undefined : text.split(/\r?\n/)[0];
}
