#!/usr/bin/env node
// @ts-nocheck
// One idempotent setup step, run by `npm start`, `npm test` and CI: installs the npm
// packages, builds, creates the project's Python virtualenv, builds the JupyterLab extension
// and installs the litml kernelspec and the extension into the venv. Each step is skipped when its inputs have not changed since it
// last ran (stamps hold the hashes), so a second run takes well under a second.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const venv = path.join(root, ".venv");
const venvPython = path.join(venv, "bin", "python");

function hashOf(...files) {
  const hash = createHash("sha256");
  for (const file of files) hash.update(existsSync(file) ? readFileSync(file) : "");
  return hash.digest("hex");
}

/** Runs `step` unless the stamp holds `hash` and the step's output (when named) is still there. */
function stamped(stampFile, hash, step, output) {
  const outputPresent = output === undefined || existsSync(output);
  if (outputPresent && existsSync(stampFile) && readFileSync(stampFile, "utf8") === hash) return;
  step();
  mkdirSync(path.dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, hash);
}

function run(command, args, options = {}) {
  console.error(`setup: ${command} ${args.join(" ")}`);
  execFileSync(command, args, { cwd: root, stdio: "inherit", ...options });
}

function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "lab") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function pythonVersion() {
  return execFileSync(venvPython, ["-c", "import sys; print(f'{sys.version_info[0]}.{sys.version_info[1]}')"], { encoding: "utf8" }).trim();
}

// 1. npm packages, exactly as locked.
stamped(path.join(root, "node_modules", ".litml-npm-stamp"), hashOf(path.join(root, "package-lock.json")), () =>
  run("npm", ["ci", "--no-audit", "--no-fund"]),
);

// 2. Build, when any source is newer than the last build.
const buildStamp = path.join(root, "dist", ".build-stamp");
const sourcesTime = Math.max(
  newestSourceTime(path.join(root, "src")),
  newestSourceTime(path.join(root, "kernel-ext")),
  statSync(path.join(root, "tsconfig.json")).mtimeMs,
);
if (!existsSync(buildStamp) || statSync(buildStamp).mtimeMs < sourcesTime) {
  run(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"]);
  writeFileSync(buildStamp, new Date().toISOString());
}

// 3. The Python virtualenv with bounded versions.
stamped(path.join(venv, ".litml-pip-stamp"), hashOf(path.join(root, "requirements.txt")), () => {
  if (!existsSync(venvPython)) run(process.env.PYTHON ?? "python3", ["-m", "venv", venv]);
  run(venvPython, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", "requirements.txt"]);
});
// The venv sits inside an ES-module package; Jupyter's bundled yarn.js is CommonJS and would
// otherwise be loaded as ESM (and fail) whenever JupyterLab asks it for its configuration.
const venvPackage = path.join(venv, "package.json");
if (!existsSync(venvPackage)) writeFileSync(venvPackage, '{ "type": "commonjs" }\n');

// 4. The prebuilt JupyterLab extension, against the venv's own JupyterLab (its staging
// package.json names the versions the host shares), rebuilt when any of its inputs change.
const lab = path.join(root, "kernel-ext", "lab");
stamped(path.join(lab, "node_modules", ".litml-npm-stamp"), hashOf(path.join(lab, "package-lock.json")), () =>
  run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: lab }),
);
const hostPackage = path.join(venv, "lib", `python${pythonVersion()}`, "site-packages", "jupyterlab", "staging", "package.json");
const labInputs = [
  ...sourceFiles(path.join(lab, "src")),
  ...sourceFiles(path.join(lab, "style")),
  path.join(lab, "package.json"),
  path.join(lab, "tsconfig.json"),
  path.join(root, "src", "display", "format.ts"),
  path.join(root, "src", "display", "levels.ts"),
  hostPackage,
];
const labBuild = path.join(lab, "labextension", "package.json");
stamped(path.join(lab, "node_modules", ".litml-build-stamp"), hashOf(...labInputs), () => {
  run(process.execPath, [path.join(lab, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], { cwd: lab });
  run(process.execPath, [path.join(lab, "node_modules", "@jupyter", "builder", "lib", "build-labextension.js"), "--core-package-file", hostPackage, "."], {
    cwd: lab,
    stdio: ["ignore", "ignore", "inherit"],
  });
}, labBuild);

// 5. The litml kernelspec and the lab extension in the venv (cheap; always rewritten so they
// point at this checkout and this node).
run(process.execPath, [path.join(root, "dist", "src", "cli.js"), "install", "--prefix", venv], { stdio: ["ignore", "ignore", "inherit"] });
