#!/usr/bin/env node
// @ts-nocheck
// Compiles the project's WebAssembly text (src/**/*.wat) into TypeScript modules that hold the
// binary as base64 (name.wat → name-wasm.ts), so the library loads it the same way from src/
// (tests) and dist/ with no build step of its own. Run `npm run build:wasm` after editing a
// .wat file; a test fails while a generated module is stale.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import wabtInit from "wabt";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The TypeScript module for one .wat source. */
export async function generatedModule(watFile) {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat(path.basename(watFile), readFileSync(watFile, "utf8"), { bulk_memory: true });
  const { buffer } = parsed.toBinary({});
  parsed.destroy();
  const name = path.basename(watFile, ".wat");
  return `// Generated from ${name}.wat by scripts/build-wasm.mjs (npm run build:wasm); do not edit.\nexport const WASM_BASE64 =\n  "${Buffer.from(buffer).toString("base64")}";\n`;
}

export function watFiles(directory = path.join(root, "src")) {
  return readdirSync(directory, { recursive: true })
    .filter((file) => file.endsWith(".wat"))
    .map((file) => path.join(directory, file));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const wat of watFiles()) {
    const out = wat.replace(/\.wat$/, "-wasm.ts");
    writeFileSync(out, await generatedModule(wat));
    console.log(`build-wasm: ${path.relative(root, wat)} → ${path.relative(root, out)}`);
  }
}
