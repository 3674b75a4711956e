/**
 * The last expression of a cell becomes an execute_result. A value that knows how to
 * show itself (Symbol.for("Jupyter.display"), the convention Deno's kernel also uses)
 * sends its full bundle; anything else is shown as Node's inspect would print it.
 */
// @ts-nocheck

import { inspect } from "node:util";

const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");

export type Bundle = Record<string, unknown>;

export function displayBundle(value: unknown): Bundle {
  if (value !== null && (typeof value === "object" || typeof value === "function")) {
    const display = (value as Record<symbol, unknown>)[JUPYTER_DISPLAY];
    if (typeof display === "function") {
      try {
        const bundle = display.call(value);
        if (bundle && typeof bundle === "object") return withPlainText(bundle as Bundle, value);
      } catch (error) {
        return { "text/plain": `${plainText(value)}\n(its rich display failed: ${String(error)})` };
      }
    }
  }
  return { "text/plain": plainText(value) };
}

function withPlainText(bundle: Bundle, value: unknown): Bundle {
  return "text/plain" in bundle ? bundle : { ...bundle, "text/plain": plainText(value) };
}

function plainText(value: unknown): string {
  return typeof value === "string" ? value : inspect(value, { depth: 3, maxArrayLength: 50, breakLength: 100 });
}
