#!/usr/bin/env node
// One idempotent setup step, run by `npm start`, `npm test` and CI: installs the npm
// packages, builds, creates the project's Python virtualenv and installs the litml
// kernelspec into it. Each step is skipped when its inputs have not changed since it
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

function stamped(stampFile, hash, step) {
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === hash) return;
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

// 4. The litml kernelspec in the venv (cheap; always rewritten so it points at this checkout and this node).
run(process.execPath, [path.join(root, "dist", "src", "cli.js"), "install", "--prefix", venv], { stdio: ["ignore", "ignore", "inherit"] });
