#!/usr/bin/env node
// Issue 12: an active-learning run of 20 rounds on flights-200k (late = delay > 15 from
// distance and hour) must finish in under 30 s. litml's activeLearning with its defaults
// (start 20, batch 10, budget 220: 20 rounds; 5 seeds; uncertainty, diversity, combined and
// random) beside the same loop in scikit-learn (bench/active_learning_reference.py), timed in
// the same run. `--gbdt` times the boosted model too (litml's gbdt against HistGradientBoosting).
// Usage: node bench/active-learning.mjs [--gbdt]   (build first: tsc -p tsconfig.json)
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as litml from "../dist/src/index.js";
import { Dataset } from "../dist/src/data/dataset.js";
import { time } from "./timing.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const python = path.join(root, ".venv", "bin", "python");
const referenceEnv = { ...process.env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1" };
const bench = (name, ours, reference, note) => console.log(`BENCH ${name} litml=${ours.toFixed(4)} reference=${reference.toFixed(4)} ratio=${(ours / reference).toFixed(3)}  # ${note}`);

const flights = await litml.load("flights-200k");
const late = Int32Array.from(flights.column("delay").values, (d) => (d > 15 ? 1 : 0));
const data = new Dataset([
  ["distance", flights.column("distance")],
  ["time", flights.column("time")],
  ["late", { type: "category", codes: late, dictionary: ["on time", "late"] }],
]);
const finals = (result) => Object.fromEntries(result.data.curves.map((c) => [c.strategy, c.points[c.points.length - 1].mean.toFixed(4)]));
const referenceOf = (model) => JSON.parse(execFileSync(python, [path.join(root, "bench", "active_learning_reference.py"), "--model", model], { cwd: root, env: referenceEnv, encoding: "utf8" }).trim().split("\n").pop());

for (const model of ["logistic", ...(process.argv.includes("--gbdt") ? ["gbdt"] : [])]) {
  const cpu = process.cpuUsage();
  const [seconds, result] = await time(() => litml.activeLearning(data, { target: "late", model }));
  const used = process.cpuUsage(cpu);
  const reference = referenceOf(model);
  const ref = Object.fromEntries(Object.entries(reference.final).map(([k, v]) => [k, v.toFixed(4)]));
  bench(
    `active-learning-20-rounds-${model}-flights-200k`,
    seconds,
    reference.seconds,
    `${result.data.rounds} rounds × 4 strategies × ${result.data.seeds} seeds (target < 30 s); CPU ${((used.user + used.system) / 1e6).toFixed(1)} s vs ${reference.cpu.toFixed(1)} s; final accuracy ${JSON.stringify(finals(result))} vs ${JSON.stringify(ref)}; verdict level ${result.verdict.level}`,
  );
}
