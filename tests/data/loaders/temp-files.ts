/** Real-shaped files written to a temporary folder, and the LitmlError a call throws. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { LitmlError } from "../../../src/errors.js";
import { dependencyDir } from "../../../src/util/package-root.js";
import { python } from "../../helpers/python.js";

export const tempDir = mkdtempSync(path.join(os.tmpdir(), "litml-loaders-"));

export function writeTemp(name: string, content: string | Uint8Array): string {
  const full = path.join(tempDir, name);
  writeFileSync(full, content);
  return full;
}

/** A file of the vega-datasets package, the repository's own source of real data. */
export function vegaFile(name: string): string {
  return path.join(dependencyDir("vega-datasets"), "data", name);
}

export function vegaText(name: string): string {
  return readFileSync(vegaFile(name), "utf8");
}

/** The path of a data file shipped inside an installed Python package (statsmodels, scikit-learn). */
export function pythonDataFile(module: string, relative: string): string {
  return python<string>(`import os, ${module}\nemit(os.path.join(os.path.dirname(${module}.__file__), ${JSON.stringify(relative)}))`).value;
}

export function errorOf(f: () => unknown): LitmlError {
  try {
    f();
  } catch (error) {
    if (error instanceof LitmlError) return error;
    throw error;
  }
  throw new Error("expected a LitmlError");
}

export async function asyncErrorOf(f: () => Promise<unknown>): Promise<LitmlError> {
  try {
    await f();
  } catch (error) {
    if (error instanceof LitmlError) return error;
    throw error;
  }
  throw new Error("expected a LitmlError");
}
