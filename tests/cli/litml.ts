/**
 * Runs the built `litml` command the way a user does, with a kernelspec that starts THIS
 * build's kernel: the venv's own kernelspec may point at another checkout (setup writes the
 * one it ran from), and a test of this code must not run someone else's kernel.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const CLI = path.resolve("dist", "src", "cli.js");

let jupyterPath: string | undefined;

/** A Jupyter data folder holding a kernelspec for this build, made once per test file. */
export function thisKernel(): NodeJS.ProcessEnv {
  if (jupyterPath === undefined) {
    const prefix = mkdtempSync(path.join(os.tmpdir(), "litml-kernel-"));
    const install = spawnSync(process.execPath, [CLI, "install", "--prefix", prefix], { encoding: "utf8" });
    if (install.status !== 0) throw new Error(`litml install failed: ${install.stderr}`);
    jupyterPath = path.join(prefix, "share", "jupyter");
  }
  return { ...process.env, JUPYTER_PATH: jupyterPath };
}

export function litml(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: options.cwd, env: options.env ?? process.env });
}

/**
 * The same, for runs that take many seconds: a spawnSync that long blocks the test worker,
 * whose messages to vitest then time out ("Timeout calling onTaskUpdate") and fail the run.
 */
export function litmlAsync(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** A notebook file's text: markdown cells start with "#", code cells are everything else. */
export function notebookText(cells: readonly string[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "litml", display_name: "litml (TypeScript)", language: "typescript" } },
    cells: cells.map((source, i) =>
      source.startsWith("#")
        ? { id: `c${i}`, cell_type: "markdown", source, metadata: {} }
        : { id: `c${i}`, cell_type: "code", source, metadata: {}, outputs: [], execution_count: null },
    ),
  });
}
