import { message } from "../../messages.js";

/** Parses JSON, turning V8's "at position N" into the line and column a person can find. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason);
    const offset = position ? Number(position[1]) : text.length;
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    throw message.unreadableJson(file, line, column, reason.replace(/ in JSON at position \d+.*$/, ""));
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
