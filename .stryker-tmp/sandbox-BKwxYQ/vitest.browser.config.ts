// @ts-nocheck
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// The browser tests: a real JupyterLab / Notebook 7 server and Debian's Chromium. One file at
// a time, after the other suites, because a browser and a Jupyter server fill both cores.
export default defineConfig({
  test: {
    include: ["tests/browser/**/*.test.ts"],
    globalSetup: ["tests/browser/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: { LITML_STATE_DIR: mkdtempSync(path.join(os.tmpdir(), "litml-test-state-")) },
  },
});
