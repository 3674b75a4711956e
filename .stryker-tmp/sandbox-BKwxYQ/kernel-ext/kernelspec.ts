/**
 * Installs the litml kernelspec: a kernel.json that starts this checkout's (or this
 * installed package's) kernel with the current Node. `--prefix` writes it directly (the
 * project's venv); `--user` and `--sys-prefix` go through `jupyter kernelspec install`
 * so that Jupyter picks the right folder for the platform.
 */
// @ts-nocheck

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const KERNEL_NAME = "litml";

export function kernelSpec(): Record<string, unknown> {
  const main = path.join(path.dirname(fileURLToPath(import.meta.url)), "main.js");
  return {
    // require() of litml's ES modules is stable from Node 20.19; the warning would land in cell output.
    argv: [process.execPath, "--disable-warning=ExperimentalWarning", main, "{connection_file}"],
    display_name: "litml (TypeScript)",
    language: "typescript",
    interrupt_mode: "signal",
    metadata: { debugger: false },
  };
}

export type InstallTarget = { prefix: string } | { user: true; python: string } | { sysPrefix: true; python: string };

export function installKernelSpec(target: InstallTarget): string {
  const spec = JSON.stringify(kernelSpec(), null, 2) + "\n";
  if ("prefix" in target) {
    const dir = path.join(target.prefix, "share", "jupyter", "kernels", KERNEL_NAME);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "kernel.json"), spec);
    return dir;
  }
  const staging = mkdtempSync(path.join(os.tmpdir(), "litml-kernelspec-"));
  const dir = path.join(staging, KERNEL_NAME);
  try {
    mkdirSync(dir);
    writeFileSync(path.join(dir, "kernel.json"), spec);
    const where = "user" in target ? "--user" : "--sys-prefix";
    const out = execFileSync(target.python, ["-m", "jupyter", "kernelspec", "install", dir, "--name", KERNEL_NAME, where], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return out.trim();
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
