#!/usr/bin/env node
// Issue 13's tuning benchmarks, in one run: 5-fold cross-validation and a 20-candidate grid
// search of logistic regression's C on flights-200k (late = delay > 15, from distance and
// hour), litml against scikit-learn with n_jobs=-1 (what a user would run), on the same
// folds: litml plans them and scikit-learn is given them as (train, test) index arrays.
// Both sides use their library's defaults otherwise; the machine may be shared, so each side is timed as the fastest of a few runs. Usage: node bench/tune.mjs (after npm run build)
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as litml from "../dist/src/index.js";
import { Dataset } from "../dist/src/data/dataset.js";
import { targetOf } from "../dist/src/features/target.js";
import { planFolds } from "../dist/src/validate/plan.js";
import { best } from "./timing.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const python = path.join(root, ".venv", "bin", "python");
const bench = (name, ours, reference, note = "") =>
  console.log(`BENCH ${name} litml=${ours.toFixed(4)} reference=${reference.toFixed(4)} ratio=${(ours / reference).toFixed(3)}${note ? `  # ${note}` : ""}`);

const flights = await litml.load("flights-200k");
const late = Int32Array.from(flights.column("delay").values, (d) => (d > 15 ? 1 : 0));
const data = new Dataset([
  ["distance", flights.column("distance")],
  ["hour", flights.column("time")],
  ["late", { type: "category", codes: late, dictionary: ["on time", "late"] }],
]);
const grid = Array.from({ length: 20 }, (_, i) => Number((10 ** (-4 + (6 * i) / 19)).toPrecision(6)));
const { folds, description } = planFolds("bench", data, targetOf(data, "late"), { folds: 5, seed: 0 });

const options = { target: "late", model: "logistic", folds: 5, seed: 0 };
// The same cross-validation in one thread (LITML_THREADS=1) and on the pool of worker threads (every core): identical numbers, the pool's wall-clock.
const threads = (n, work) => async () => {
  const given = process.env.LITML_THREADS;
  process.env.LITML_THREADS = String(n);
  try {
    return await work();
  } finally {
    if (given === undefined) delete process.env.LITML_THREADS;
    else process.env.LITML_THREADS = given;
  }
};
const cores = os.availableParallelism();
const [oneSeconds, one] = await best(3, threads(1, () => litml.crossValidate(data, options)));
const [coldSeconds] = await best(1, threads(cores, () => litml.crossValidate(data, options)));
const [cvSeconds, cv] = await best(3, threads(cores, () => litml.crossValidate(data, options)));
const identical = JSON.stringify(cv.folds.map((f) => f.metrics)) === JSON.stringify(one.folds.map((f) => f.metrics));
// The search is scored by log-loss: every C gives the same accuracy here (the majority class), and a tie proves nothing.
const [tuneSeconds, tuned] = await best(2, threads(cores, () => litml.tune(data, { ...options, space: { C: grid }, metric: "log-loss" })));

const dir = mkdtempSync(path.join(os.tmpdir(), "litml-bench-tune-"));
const input = path.join(dir, "input.json");
writeFileSync(input, JSON.stringify({ X: [[...flights.column("distance").values], [...flights.column("time").values]], y: [...late], folds: folds.map((f) => [[...f.train], [...f.test]]), grid }));
const env = { ...process.env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1" };
let reference;
try {
  const out = execFileSync(python, [path.join(root, "bench", "tune_reference.py"), input], { cwd: root, env, encoding: "utf8", maxBuffer: 1 << 26 });
  reference = JSON.parse(out.trim().split("\n").pop());
} finally {
  rmSync(dir, { recursive: true, force: true });
}

bench("pool-speedup-cv5-flights-200k", cvSeconds, oneSeconds, `litml crossValidate on a pool of ${cores} worker threads (LITML_THREADS default) against LITML_THREADS=1; fold metrics ${identical ? "identical" : "DIFFERENT"}; first pool run with worker start-up ${coldSeconds.toFixed(3)} s; fastest of 3 each`);
bench("cv5-flights-200k", cvSeconds, reference.cv5.seconds, `logistic, ${description}; accuracy ${cv.mean.accuracy.toFixed(4)} vs ${reference.cv5.accuracy.toFixed(4)}; litml on a pool of ${cores} worker threads, scikit-learn n_jobs=-1 on ${cores} cores; fastest of 3 each`);
const d = tuned.data;
bench(
  "tune-20-flights-200k",
  tuneSeconds,
  reference.grid.seconds,
  `logistic C over 20 log-spaced values, ${description} (litml also scores the defaults; scikit-learn refits the best); log-loss; best C ${d.best.params.C} (${d.best.mean.toFixed(5)}) vs ${reference.grid.best} (${reference.grid.score.toFixed(5)}); largest gap in mean log-loss ${Math.max(...d.candidates.map((c, i) => Math.abs(c.mean - reference.grid.means[i]))).toExponential(1)}; litml on a pool of ${cores} worker threads, scikit-learn n_jobs=-1 on ${cores} cores; fastest of 2 each`,
);
