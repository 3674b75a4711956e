// Issue 12: confident learning on 200,000 rows beside cleanlab on the same probabilities.
// flights-200k with a class target, "late" (more than 15 minutes) or "on time", from distance
// and hour. Times the whole labelIssues call (out-of-fold fits, confident learning, the refit
// without the suspects), then the confident-learning step alone on litml's out-of-fold
// probabilities and cleanlab's find_label_issues on the very same numbers, and compares the
// flagged rows. Prints a BENCH line.
// Usage: node bench/label-issues.mjs   (build first: tsc -p tsconfig.json; the reference
// Python, with cleanlab, is .venv/bin/python or LITML_REFERENCE_PYTHON)
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as litml from "../dist/src/index.js";
import { Dataset } from "../dist/src/data/dataset.js";
import { labelIssuesProbabilities } from "../dist/src/label/label-issues/compute.js";
import { confidentLearning } from "../dist/src/stats/confident-learning.js";
import { best, time } from "./timing.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const python = process.env.LITML_REFERENCE_PYTHON ?? path.join(root, ".venv", "bin", "python");

const flights = await litml.load("flights-200k");
const delay = flights.column("delay").values;
const data = new Dataset([
  ["distance", flights.column("distance")],
  ["hour", flights.column("time")],
  ["late", { type: "category", codes: Int32Array.from(delay, (d) => (d > 15 ? 1 : 0)), dictionary: ["on time", "late"] }],
]);

const [wholeSeconds, result] = await time(() => litml.labelIssues(data, { target: "late" }));
const p = await labelIssuesProbabilities(data, { target: "late" });
const [clSeconds, learned] = await best(3, async () => confidentLearning(p.codes, p.proba));
const ours = [];
for (let i = 0; i < learned.issues.length; i++) if (learned.issues[i]) ours.push(i);

const folder = mkdtempSync(path.join(os.tmpdir(), "litml-bench-label-issues-"));
try {
  // Probabilities as the row-major float64 matrix numpy reads, labels as int32.
  const n = p.proba.rows;
  const k = p.proba.cols;
  const rowMajor = new Float64Array(n * k);
  for (let c = 0; c < k; c++) for (let i = 0; i < n; i++) rowMajor[i * k + c] = p.proba.data[c * n + i];
  writeFileSync(path.join(folder, "proba.f64"), rowMajor);
  writeFileSync(path.join(folder, "labels.i32"), p.codes);
  const script = `
import json, sys, time
import numpy as np
from importlib.metadata import version
from cleanlab.filter import find_label_issues
folder, n, k = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
p = np.fromfile(folder + "/proba.f64", dtype=np.float64).reshape(n, k)
y = np.fromfile(folder + "/labels.i32", dtype=np.int32).astype(np.int64)
def best(f, runs=3):
    fastest, value = float("inf"), None
    for _ in range(runs):
        t = time.perf_counter(); v = f(); t = time.perf_counter() - t
        if t < fastest: fastest, value = t, v
    return fastest, value
one, mask = best(lambda: find_label_issues(y, p, n_jobs=1))
default, _ = best(lambda: find_label_issues(y, p))
print(json.dumps({"seconds": one, "defaultSeconds": default, "issues": np.flatnonzero(mask).tolist(), "cleanlab": version("cleanlab"), "numpy": version("numpy")}))`;
  const env = { ...process.env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1" };
  const reference = JSON.parse(execFileSync(python, ["-c", script, folder, String(n), String(k)], { env, encoding: "utf8", maxBuffer: 1 << 28 }).trim().split("\n").pop());
  const theirs = new Set(reference.issues);
  const both = ours.filter((i) => theirs.has(i)).length;
  const jaccard = both / (ours.length + theirs.size - both);
  console.log(
    JSON.stringify({
      rows: n,
      model: result.data.model,
      wholeCallSeconds: Number(wholeSeconds.toFixed(2)),
      verdict: result.verdict.text,
      flagged: { litml: ours.length, cleanlab: theirs.size, both, jaccard },
      cleanlab: reference.cleanlab,
      cleanlabDefaultJobsSeconds: reference.defaultSeconds,
    }),
  );
  console.log(
    `BENCH label-issues-cl-flights-200k litml=${clSeconds.toFixed(4)} reference=${reference.seconds.toFixed(4)} ratio=${(clSeconds / reference.seconds).toFixed(3)}  # confident learning alone on the same ${n.toLocaleString("en-US")} out-of-fold probabilities (cleanlab ${reference.cleanlab} find_label_issues, n_jobs=1; ${reference.defaultSeconds.toFixed(4)} s with its default jobs); flagged ${ours.length} vs ${theirs.size}, Jaccard ${jaccard.toFixed(4)}; whole labelIssues call ${wholeSeconds.toFixed(1)} s (${result.data.model}, 5 folds, refit without suspects)`,
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}
