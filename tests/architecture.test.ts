/**
 * The architecture check (DESIGN.md "layering"): dependency-cruiser with the rules in
 * .dependency-cruiser.cjs finds no cycle and no import against the layers. The same
 * rules are run on a small tree with planted violations, so a check that finds nothing
 * because it checks nothing would fail here.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const CRUISER = path.resolve("node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
const CONFIG = path.resolve(".dependency-cruiser.cjs");

interface Violation {
  readonly rule: { readonly name: string };
  readonly from: string;
  readonly to: string;
}

function cruise(cwd: string, roots: readonly string[]): Violation[] {
  const out = execFileSync(process.execPath, [CRUISER, ...roots, "--config", CONFIG, "--output-type", "json"], { cwd, encoding: "utf8", maxBuffer: 64 << 20 });
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

describe("the architecture", () => {
  it("has no import cycle and no import against the layers", () => {
    const violations = cruise(process.cwd(), ["src", "kernel-ext"]).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(violations).toEqual([]);
  });

  it("the rules catch a planted cycle, an upward import and a chart reading its analysis", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "litml-architecture-"));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };
    write("tsconfig.json", JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", strict: true } }));
    write("package.json", JSON.stringify({ type: "module" }));
    write("src/stats/a.ts", 'import { b } from "./b.js";\nexport const a = () => b;\n');
    write("src/stats/b.ts", 'import { a } from "./a.js";\nimport { run } from "../evaluate/thing/index.js";\nexport const b = () => [a, run];\n');
    write("src/evaluate/thing/index.ts", 'export const run = 1;\n');
    write("src/evaluate/thing/types.ts", 'export interface ThingData { readonly n: number }\n');
    write("src/evaluate/other/chart.ts", 'import { run } from "../thing/index.js";\nexport const chart = run;\n');
    const rules = cruise(root, ["src"]).map((v) => v.rule.name);
    expect(rules).toContain("no-cycles");
    expect(rules).toContain("base-below-validation");
    expect(rules).toContain("charts-read-only-their-types");
  });
});
