import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Mutation testing (stryker.config.mjs) runs the library's own suites many times over:
// without the kernel, browser and Deno suites (they test other layers through processes
// that mutants do not reach) and with room for slow references on a busy machine.
export default defineConfig({
  test: {
    // LITML_MUTATION_TESTS narrows the suites (comma-separated globs), for a quick score of one folder.
    include: (process.env.LITML_MUTATION_TESTS ?? "tests/**/*.test.ts").split(","),
    exclude: ["tests/browser/**", "tests/deno/**", "tests/kernel/**", "tests/architecture.test.ts", "**/node_modules/**"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    maxWorkers: 1,
    env: { LITML_STATE_DIR: mkdtempSync(path.join(os.tmpdir(), "litml-mutation-state-")), OMP_NUM_THREADS: "1" },
  },
});
