// @ts-nocheck
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The browser suites run on their own (vitest.browser.config.ts).
    exclude: ["tests/browser/**", "**/node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Python references and the kernel share 2 cores; more workers only thrash.
    maxWorkers: 2,
    // Framing cards and test-set looks go to a fresh store, never the repository's .litml/.
    env: { LITML_STATE_DIR: mkdtempSync(path.join(os.tmpdir(), "litml-test-state-")) },
  },
});
