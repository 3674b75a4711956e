/**
 * The cell the kernel is running (its execution count), for tracked runs. Kept on a
 * global symbol rather than in module state because the kernel loads this module as ESM
 * while cells `require` the notebook API: one value, whichever copy reads it.
 */
const KEY = Symbol.for("litml.kernel.cell");

export function setCurrentCell(count: number | undefined): void {
  (globalThis as Record<symbol, unknown>)[KEY] = count;
}

export function currentCell(): number | undefined {
  const value = (globalThis as Record<symbol, unknown>)[KEY];
  return typeof value === "number" ? value : undefined;
}
