// @ts-nocheck
import { message } from "../../messages.js";

/** Parses JSON; on failure, names the line and column where the text stops being JSON. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/,? ".*" is not valid JSON$/s, "").replace(/ in JSON at position \d+.*$/s, "");
    const offset = firstJsonError(text);
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    throw message.unreadableJson(file, line, column, reason);
  }
}

/**
 * Offset of the first character that breaks the JSON grammar. V8's messages only
 * sometimes carry a position, so the error path scans the text itself.
 */
function firstJsonError(text: string): number {
  let i = 0;
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else throw i;
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") i++;
      else if (text.charCodeAt(i) < 0x20) throw i;
      i++;
    }
    if (i >= text.length) throw i;
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === "" || match[0] === "-") throw i;
    i += match[0].length;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === "{") return sequence("}", () => {
      space();
      if (text[i] !== '"') throw i;
      string();
      space();
      if (text[i] !== ":") throw i;
      i++;
      value();
    });
    if (c === "[") return sequence("]", value);
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    return number();
  };
  const sequence = (close: string, item: () => void) => {
    i++;
    space();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      space();
      if (text[i] === ",") i++;
      else if (text[i] === close) {
        i++;
        return;
      } else throw i;
    }
  };
  try {
    value();
    space();
    return i < text.length ? i : text.length;
  } catch (offset) {
    return Math.min(offset as number, text.length);
  }
}

/** Rows as records, or columns as equal-length arrays: the two shapes JSON data comes in. */
export function jsonToColumns(value: unknown, file: string): Map<string, unknown[]> {
  if (Array.isArray(value)) {
    const columns = new Map<string, unknown[]>();
    value.forEach((row, r) => {
      if (row === null || typeof row !== "object" || Array.isArray(row)) {
        throw message.jsonNotRecords(file, `element ${r} is ${Array.isArray(row) ? "an array" : typeof row}`);
      }
      for (const key of Object.keys(row)) {
        if (!columns.has(key)) columns.set(key, new Array(value.length).fill(null));
      }
      for (const [key, cell] of Object.entries(row)) columns.get(key)![r] = cell;
    });
    return columns;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.every(([, v]) => Array.isArray(v))) return new Map(entries as [string, unknown[]][]);
  }
  throw message.jsonNotRecords(file, value === null ? "null" : typeof value);
}
