/**
 * Independent references: run a snippet in the project's venv (pandas, scipy,
 * scikit-learn) and read back what it prints as JSON. The snippet gets `emit(value)`;
 * the versions of the reference libraries come back with the value so that a failing
 * comparison says exactly which reference it was checked against.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

// Mutation testing runs the tests from a sandbox copy without the venv: it points here with LITML_VENV_PYTHON.
export const VENV_PYTHON = process.env.LITML_VENV_PYTHON ?? path.resolve(".venv", "bin", "python");

const PRELUDE = `
import json, sys
sys.path.insert(0, ${JSON.stringify(path.resolve("tests", "helpers"))})
from importlib.metadata import version
def _finite(value):
    # JSON has no NaN: non-finite numbers travel as null.
    if isinstance(value, float) and value != value or value in (float("inf"), float("-inf")):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value
def emit(value):
    versions = {name: version(name) for name in ("numpy", "pandas", "scipy", "scikit-learn")}
    print(json.dumps({"value": _finite(value), "versions": versions}, allow_nan=False))
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
