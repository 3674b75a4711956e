/** Executes the browser fixture once for every browser test file (it takes the kernel ~20 s). */
// @ts-nocheck

import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { executeFixture } from "./fixture.js";

declare module "vitest" {
  export interface ProvidedContext {
    fixtureDir: string;
    executedNotebook: string;
    report: string;
  }
}

export default function setup(project: TestProject): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), "litml-browser-"));
  const { executed, report } = executeFixture(dir);
  project.provide("fixtureDir", dir);
  project.provide("executedNotebook", path.basename(executed));
  project.provide("report", report);
}
