#!/usr/bin/env node
// Runs every test: the TypeScript suites with vitest, the kernel and protocol suites with
// pytest from the project's venv, then the browser suites (JupyterLab, Notebook 7 and the
// HTML report in Debian's Chromium, vitest.browser.config.ts; see chromium.mjs for a machine
// without it). Prints each runner's own summary, then one closing line with the totals. Exits
// non-zero if anything failed.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { browserGate } from "./chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const results = path.join(root, "test-results");
mkdirSync(results, { recursive: true });

// Tests are TypeScript too: type-check them (and the public API they use) before running.
const typecheck = spawnSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.tests.json"], { cwd: root, stdio: "inherit" });
if (typecheck.status !== 0) console.error("litml: the tests do not type-check (see above)");

// Decided first, so that installing Chromium or the line saying it is missing comes up front.
const gate = browserGate();
if (gate.line) console.error(gate.line);

function runVitest(report, ...args) {
  rmSync(report, { force: true }); // a report left from an earlier run must not count
  return spawnSync(
    process.execPath,
    [path.join(root, "node_modules", "vitest", "vitest.mjs"), "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    { cwd: root, stdio: "inherit" },
  );
}

const vitestJson = path.join(results, "vitest.json");
const vitest = runVitest(vitestJson);
const junit = path.join(results, "pytest.xml");
const pytest = spawnSync(path.join(root, ".venv", "bin", "python"), ["-m", "pytest", "tests/kernel", "-q", `--junitxml=${junit}`], {
  cwd: root,
  stdio: "inherit",
});

const browserJson = path.join(results, "vitest-browser.json");
const browser = gate.run ? runVitest(browserJson, "--config", "vitest.browser.config.ts") : { status: gate.failed ? 1 : 0 };

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of gate.run ? [vitestJson, browserJson] : [vitestJson]) {
  try {
    const report = JSON.parse(readFileSync(file, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  } catch {
    failed += 1; // vitest did not report: count the suite as failed rather than pass silently.
  }
}
try {
  const xml = readFileSync(junit, "utf8");
  const suite = /<testsuite\b[^>]*>/.exec(xml)[0];
  const attribute = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(suite)?.[1] ?? 0);
  const pyFailed = attribute("failures") + attribute("errors");
  const pySkipped = attribute("skipped");
  passed += attribute("tests") - pyFailed - pySkipped;
  failed += pyFailed;
  skipped += pySkipped;
} catch {
  failed += 1;
}
if (typecheck.status !== 0) failed += 1;
if (gate.failed) failed += 1;
const ok = [typecheck, vitest, pytest, browser].every((run) => run.status === 0) && failed === 0;
console.log(`\nlitml: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
if (gate.line) console.log(gate.line);
process.exit(ok ? 0 : 1);
