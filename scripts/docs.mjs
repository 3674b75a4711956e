#!/usr/bin/env node
// Rewrites the README's table of magics from the magic table (run after `npm run build`).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { withMagicTable } = await import(path.join(root, "dist", "kernel-ext", "magics", "readme.js"));
const file = path.join(root, "README.md");
const before = readFileSync(file, "utf8");
const after = withMagicTable(before);
writeFileSync(file, after);
console.log(before === after ? "README.md: the magic table is current" : "README.md: magic table rewritten");
