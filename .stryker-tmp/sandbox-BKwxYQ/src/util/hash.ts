// @ts-nocheck
import { createHash } from "node:crypto";

/** Short, stable content hash (first 16 hex digits of SHA-256) for provenance stamps. */
export function shortHash(...parts: (string | ArrayBufferView)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(typeof part === "string" ? part : new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
    hash.update("\u0000");
  }
  return hash.digest("hex").slice(0, 16);
}
