#!/usr/bin/env node
// Runs every benchmark and prints BENCH lines: litml beside its reference, measured in
// the same run. Not part of CI or npm test. `--quick` skips the 3-million-row runs.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const python = path.join(root, ".venv", "bin", "python");
const quick = process.argv.includes("--quick");
const bench = (name, litml, reference, note = "") =>
  console.log(`BENCH ${name} litml=${litml.toFixed(4)} reference=${reference.toFixed(4)} ratio=${(litml / reference).toFixed(3)}${note ? `  # ${note}` : ""}`);

// The reference runs with one thread, and without the OpenBLAS settings that slow a
// current numpy on some processors (for the reference process only).
const referenceEnv = { ...process.env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1" };
delete referenceEnv.OPENBLAS_CORETYPE;
delete referenceEnv.OPENBLAS_L2_SIZE;

const run = (command, args, env = process.env) => JSON.parse(execFileSync(command, args, { cwd: root, env, encoding: "utf8", maxBuffer: 1 << 26 }).trim().split("\n").pop());
const flag = quick ? ["--quick"] : [];
// One thread each side: litml's pool of worker threads is off here (bench/tune.mjs times it against one thread).
const oneThread = { ...process.env, LITML_THREADS: "1" };
const litml = run(process.execPath, ["--disable-warning=ExperimentalWarning", path.join(root, "bench", "core.mjs"), ...flag], oneThread);
const reference = run(python, [path.join(root, "bench", "core_reference.py"), ...flag], referenceEnv);

const coefficientGap = Math.max(...litml.logisticFit.coefficients.map((c, i) => Math.abs(c - reference.logisticFit.coefficients[i])));
bench("logistic-fit-flights-200k", litml.logisticFit.seconds, reference.logisticFit.seconds, `AUC ${litml.logisticFit.auc.toFixed(4)} vs ${reference.logisticFit.auc.toFixed(4)}, max coefficient gap ${coefficientGap.toExponential(1)}`);
bench("cv-5fold-logistic-flights-200k", litml.cv5.seconds, reference.cv5.seconds, `accuracy ${litml.cv5.accuracy.toFixed(4)} vs ${reference.cv5.accuracy.toFixed(4)}`);
bench("gbdt-fit-flights-200k", litml.gbdtFit.seconds, reference.gbdtFit.seconds, `100 iterations, 255 bins; train AUC ${litml.gbdtFit.auc.toFixed(4)} vs ${reference.gbdtFit.auc.toFixed(4)}`);
bench("knn-predict-10k-flights-200k", litml.knnPredict.seconds, reference.knnPredict.seconds, `accuracy ${litml.knnPredict.accuracy.toFixed(4)} vs ${reference.knnPredict.accuracy.toFixed(4)}`);
if (!quick) {
  bench("load-flights-3m", litml.load3m.seconds, reference.load3m.seconds, `RSS ${litml.load3m.rssMB.toFixed(0)} MB vs peak ${reference.load3m.rssMB.toFixed(0)} MB (target < 1000 MB)`);
  bench("gbdt-fit-flights-3m", litml.gbdt3m.seconds, reference.gbdt3m.seconds, `5 features, train AUC ${litml.gbdt3m.auc.toFixed(4)} vs ${reference.gbdt3m.auc.toFixed(4)}`);
  bench("groupby-metrics-origin-flights-3m", litml.groupByOrigin.seconds, reference.groupByOrigin.seconds, `${litml.groupByOrigin.groups} airports, accuracy with Wilson intervals vs pandas groupby mean/count`);
}
// The guided analyses (issue 4): learning curve, Simpson scan, slices; the two processes share inputs through files.
const scratch = mkdtempSync(path.join(os.tmpdir(), "litml-bench-"));
const shared = {
  LITML_BENCH_SIMPSON_FILE: path.join(scratch, "simpson.json"),
  LITML_BENCH_PREDICTIONS_FILE: path.join(scratch, "predictions.bin"),
  LITML_BENCH_SLICES_FILE: path.join(scratch, "slices.json"),
};
const guided = run(process.execPath, ["--disable-warning=ExperimentalWarning", path.join(root, "bench", "guided.mjs"), ...flag], { ...oneThread, ...shared });
const guidedReference = run(python, [path.join(root, "bench", "guided_reference.py"), ...flag], { ...referenceEnv, ...shared });
const gap = Math.max(...guided.learningCurve.validation.map((v, i) => Math.abs(v - guidedReference.learningCurve.validation[i])));
bench("learning-curve-5x5-logistic-flights-200k", guided.learningCurve.seconds, guidedReference.learningCurve.seconds, `fastest of 3; first runs ${guided.learningCurve.first.toFixed(3)} vs ${guidedReference.learningCurve.first.toFixed(3)}; largest validation-accuracy gap ${gap.toExponential(1)}`);
bench("baseline-roc-auc-vs-accuracy-flights-200k", guided.baselineAuc.seconds, guided.baselineAuc.accuracySeconds, `both litml in one run (target ratio ≤ 1.5); logistic AUC ${guided.baselineAuc.auc.toFixed(4)} (95% CI ${guided.baselineAuc.low.toFixed(4)} to ${guided.baselineAuc.high.toFixed(4)}), 200 bootstrap draws`);
bench("simpson-scan-100k-x-20", guided.simpsonScan.seconds, guidedReference.simpsonScan.seconds, `${guided.simpsonScan.pairs} pairs, ${guided.simpsonScan.reversals} reversals (with strength) vs a pandas scan of directions only (target < 5 s)`);
bench("slice-discovery-200k-x-10", guided.sliceDiscovery.seconds, guidedReference.sliceDiscovery.seconds, `one- and two-predicate slices, 10 bins, support 2,000; top slice ${guided.sliceDiscovery.top} vs columns ${guidedReference.sliceDiscovery.top} (target < 10 s)`);
if (!quick) {
  bench("drift-flights-3m-every-column", guided.drift3m.seconds, guidedReference.drift3m.seconds, `January–March against April–June, 6 columns, ${guided.drift3m.drifted} drifted vs ${guidedReference.drift3m.drifted} by scipy (target < 3 s after load)`);
  bench("adversarial-validation-200k", guided.adversarial200k.seconds, guidedReference.adversarial200k.seconds, `January vs June flights, 6 columns, 3 folds; AUC ${guided.adversarial200k.auc.toFixed(4)} vs ${guidedReference.adversarial200k.auc.toFixed(4)}, top giveaway ${guided.adversarial200k.top} vs ${guidedReference.adversarial200k.top} (target < 5 s)`);
  bench("slices-flights-3m-by-origin", guided.slices3m.seconds, guidedReference.slices3m.seconds, `${guided.slices3m.slices} airports, Wilson intervals and Holm correction, given predictions (target < 2 s after load)`);
}
rmSync(scratch, { recursive: true, force: true });

// The kernel benchmarks (issue 2).
const kernel = spawnSync(process.execPath, [path.join(root, "bench", "expand.mjs")], { cwd: root, stdio: "inherit" });
const kernelPy = spawnSync(python, [path.join(root, "bench", "kernel.py")], { cwd: root, stdio: "inherit" });
// Printed output (issue 18): 200,000 lines against IPython.
const kernelPrint = spawnSync(python, [path.join(root, "bench", "kernel_print.py")], { cwd: root, stdio: "inherit" });
// Rendering in JupyterLab (issue 5): TypeScript that reuses the browser tests' helpers, run through vite-node.
const lab = spawnSync(process.execPath, [path.join(root, "node_modules", "vite-node", "vite-node.mjs"), path.join(root, "bench", "lab.ts")], { cwd: root, stdio: "inherit" });
// The later chapters (issues 12 and 13): each script runs litml and its reference and prints its own BENCH lines.
const chapters = ["label-model.mjs", "label-issues.mjs", "active-learning.mjs", "tune.mjs", "registry.mjs"].map((file) =>
  spawnSync(process.execPath, ["--disable-warning=ExperimentalWarning", path.join(root, "bench", file)], { cwd: root, stdio: "inherit" }),
);
process.exit(kernel.status || kernelPy.status || kernelPrint.status || lab.status || chapters.find((c) => c.status)?.status || 0);
