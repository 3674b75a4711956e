// The model registry's write and read of a fitted GBDT on flights-200k (issue 13), against
// joblib.dump/joblib.load of scikit-learn's HistGradientBoostingClassifier fitted on the
// same data in the project's venv (bench/registry_reference.py). Write = litml.register
// (pack the fitted pipeline, one SQLite transaction in WAL mode); read = loadRegistered.
// Prints BENCH lines: wall time (fastest of 7) and bytes.
// Usage: npm run build && node bench/registry.mjs
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

process.env.LITML_STATE_DIR = mkdtempSync(path.join(os.tmpdir(), "litml-bench-registry-"));
const litml = await import("../dist/src/index.js");
const { Dataset } = litml;
import { best } from "./timing.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const flights = await litml.load("flights-200k");
const delay = flights.column("delay").values;
const data = new Dataset([
  ["distance", flights.column("distance")],
  ["hour", flights.column("time")],
  ["late", { type: "number", values: Float64Array.from(delay, (d) => (d > 15 ? 1 : 0)) }],
]);
const pipeline = new litml.Pipeline([], litml.createModel("gbdt", { maxIterations: 100, maxBins: 255 }), { task: "classification" });
const fitted = await pipeline.fit(data, "late");

const [write, registered] = await best(7, () => litml.register(fitted, { name: "flights-gbdt", data }));
const [read, loaded] = await best(7, async () => litml.loadRegistered(`flights-gbdt@${registered.data.registered.version}`));
const before = fitted.predictProba(data).data;
const same = loaded.predictProba(data).data.every((p, i) => p === before[i]);
const bytes = registered.data.registered.artifactBytes;

const python = path.join(root, ".venv", "bin", "python");
// One thread, and without the OpenBLAS settings that slow a current numpy (as bench/run.mjs does).
const referenceEnv = { ...process.env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1" };
delete referenceEnv.OPENBLAS_CORETYPE;
delete referenceEnv.OPENBLAS_L2_SIZE;
const reference = JSON.parse(execFileSync(python, [path.join(root, "bench", "registry_reference.py")], { encoding: "utf8", env: referenceEnv }));
const r = (x) => Number(x.toPrecision(3));
console.log(`# litml GBDT: ${fitted.model.iterations} rounds, predictions equal after load: ${same}; scikit-learn: ${reference.iterations} rounds, equal after load: ${reference.same}`);
console.log(`BENCH registry-gbdt-write litml=${r(write)} reference=${r(reference.write)} ratio=${r(write / reference.write)}`);
console.log(`BENCH registry-gbdt-read litml=${r(read)} reference=${r(reference.read)} ratio=${r(read / reference.read)}`);
console.log(`BENCH registry-gbdt-bytes litml=${bytes} reference=${reference.bytes} ratio=${r(bytes / reference.bytes)}`);
