/**
 * Installs the prebuilt JupyterLab extension (`kernel-ext/lab/labextension`, built by the
 * setup step) into a Jupyter data folder's `labextensions/`, where JupyterLab and Notebook 7
 * load it without a rebuild. The copy replaces the previous one whole: its chunk names are
 * content hashes, so files left from an older build would only pile up.
 */
// @ts-nocheck

import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../src/util/package-root.js";
import type { InstallTarget } from "./kernelspec.js";

export const LAB_EXTENSION_NAME = "litml-lab";

/** The built extension inside this checkout or installed package. */
export function prebuiltLabExtension(): string {
  return path.join(packageRoot(), "kernel-ext", "lab", "labextension");
}

function jupyterDataDir(target: InstallTarget): string {
  if ("prefix" in target) return path.join(target.prefix, "share", "jupyter");
  const code =
    "user" in target
      ? "import jupyter_core.paths as p; print(p.jupyter_data_dir())"
      : "import sys, os; print(os.path.join(sys.prefix, 'share', 'jupyter'))";
  return execFileSync(target.python, ["-c", code], { encoding: "utf8" }).trim();
}

/** Returns the folder written, or undefined when no built extension is present (the kernel works without it). */
export function installLabExtension(target: InstallTarget): string | undefined {
  const source = prebuiltLabExtension();
  if (!existsSync(path.join(source, "package.json"))) return undefined;
  const parent = path.join(jupyterDataDir(target), "labextensions");
  const destination = path.join(parent, LAB_EXTENSION_NAME);
  const staging = `${destination}.installing-${process.pid}`;
  mkdirSync(parent, { recursive: true });
  rmSync(staging, { recursive: true, force: true });
  cpSync(source, staging, { recursive: true });
  rmSync(destination, { recursive: true, force: true });
  renameSync(staging, destination);
  return destination;
}
