// Mutation testing (issue #11): `npm run mutation` mutates the evaluation core and the
// statistics and reports which mutants no test kills. Not part of CI (it takes long);
// reports go to reports/mutation/.
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  mutate: (process.env.LITML_MUTATE ?? "src/stats/**/*.ts,src/evaluate/**/*.ts,src/monitor/**/*.ts").split(","),
  ignorePatterns: ["dist", "reports", "test-results", ".venv", "kernel-ext/lab", "bench", "notebooks"],
  reporters: ["clear-text", "html", "json", "progress"],
  // LITML_MUTATION_REPORT names the run, so the scores of several narrowed runs can be kept side by side.
  htmlReporter: { fileName: `reports/mutation/${process.env.LITML_MUTATION_REPORT ?? "all"}.html` },
  jsonReporter: { fileName: `reports/mutation/${process.env.LITML_MUTATION_REPORT ?? "all"}.json` },
  concurrency: Number(process.env.LITML_MUTATION_WORKERS ?? 2),
  timeoutMS: 60_000,
  // The first run measures every test with coverage; on a busy machine it takes longer than the default five minutes.
  dryRunTimeoutMinutes: 40,
  // A mutant in a module's top level runs every test; those are few here and cost hours on two cores.
  ignoreStatic: true,
  // Results carry over between runs, so a long run can be stopped and resumed file by file.
  incremental: true,
  incrementalFile: `reports/mutation/${process.env.LITML_MUTATION_REPORT ?? "all"}.incremental.json`,
  cleanTempDir: "always",
};
