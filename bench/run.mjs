#!/usr/bin/env node
// Runs every benchmark and prints its BENCH lines. Not part of CI or npm test.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const python = path.join(root, ".venv", "bin", "python");
const runs = [
  [process.execPath, [path.join(root, "bench", "expand.mjs")]],
  [python, [path.join(root, "bench", "kernel.py"), ...process.argv.slice(2)]],
];
let status = 0;
for (const [command, args] of runs) {
  const child = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  status ||= child.status ?? 1;
}
process.exit(status);
