/**
 * Independent references: run a snippet in the project's venv (pandas, scipy,
 * scikit-learn) and read back what it prints as JSON. The snippet gets `emit(value)`;
 * the versions of the reference libraries come back with the value so that a failing
 * comparison says exactly which reference it was checked against.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export const VENV_PYTHON = path.resolve(".venv", "bin", "python");

const PRELUDE = `
import json, sys
from importlib.metadata import version
def emit(value):
    versions = {name: version(name) for name in ("numpy", "pandas", "scipy", "scikit-learn")}
    print(json.dumps({"value": value, "versions": versions}, allow_nan=True))
`;

export interface Reference<T> {
  value: T;
  versions: Record<string, string>;
}

export function python<T>(code: string, stdin?: string): Reference<T> {
  if (!existsSync(VENV_PYTHON)) throw new Error("The venv is missing: run `npm run setup` (npm test does it for you).");
  const out = execFileSync(VENV_PYTHON, ["-c", PRELUDE + code], { encoding: "utf8", input: stdin, maxBuffer: 64 << 20 });
  const lines = out.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]) as Reference<T>;
}
