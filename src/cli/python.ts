/** Which Python runs Jupyter for litml: `--python`, else the folder's .venv, else python3. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { message } from "../messages.js";
import type { OptionSpec } from "./command.js";

export const pythonOption: OptionSpec = {
  type: "string",
  value: "PY",
  help: "the Python whose Jupyter runs the kernel (default: .venv/bin/python if present, else python3)",
};

export function choosePython(given: string | undefined): string {
  if (given !== undefined) {
    // A path that does not exist would otherwise surface as spawn's bare ENOENT.
    if (given.includes(path.sep) && !existsSync(given)) throw message.noPython(given, "no such file");
    return given;
  }
  const venv = path.resolve(".venv", "bin", "python");
  return existsSync(venv) ? venv : "python3";
}

/**
 * Fails in one sentence, before any notebook starts, when the Python cannot run or lacks
 * Jupyter: the alternative is a progress line followed by the same error for every notebook.
 */
export function checkPython(python: string, modules: readonly string[] = ["nbformat", "nbclient", "jupyter_client"]): void {
  const child = spawnSync(python, ["-c", `import ${modules.join(", ")}`], { encoding: "utf8", timeout: 60_000 });
  if (child.error) {
    const code = (child.error as NodeJS.ErrnoException).code;
    throw message.noPython(python, code === "ENOENT" ? "not found" : child.error.message);
  }
  if (child.status !== 0) {
    const missing = /No module named '([^'.]+)/.exec(child.stderr)?.[1];
    if (missing) throw message.noJupyter(python, missing);
    throw message.noPython(python, child.stderr.trim().split("\n").at(-1) || `exit ${child.status}`);
  }
}
