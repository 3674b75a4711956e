// @ts-nocheck
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/** The litml package folder, found from this file whether it runs from src/ or dist/. */
export function packageRoot(): string {
  if (root === undefined) {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    while (!isLitmlRoot(dir)) {
      const parent = path.dirname(dir);
      if (parent === dir) throw new Error("litml: cannot find its own package.json");
      dir = parent;
    }
    root = dir;
  }
  return root;
}

function isLitmlRoot(dir: string): boolean {
  const file = path.join(dir, "package.json");
  return existsSync(file) && JSON.parse(readFileSync(file, "utf8")).name === "litml";
}

/**
 * The folder of an installed dependency, found the way Node looks for packages (each
 * node_modules from litml's folder upwards), so that `exports` maps that hide
 * package.json or lack a require condition do not get in the way.
 */
export function dependencyDir(name: string): string {
  for (let dir = packageRoot(); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`litml: the package ${name} is not installed`);
  }
}

export function packageVersion(dir: string): string {
  return JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).version;
}
