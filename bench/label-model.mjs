// Issue 12: the label model on 100,000 rows × 10 labeling functions, beside Snorkel's
// LabelModel.fit on the same label matrix, in the same run. The matrix is simulated: a true
// class per row (30% positive) and ten functions with planted coverage and accuracy, some
// voting for one class only, as real labeling functions do. Both sides are timed on the fit
// alone (the fastest of three), and both are scored against the planted classes.
// Snorkel needs torch, so it runs from a venv that has it: LITML_SNORKEL_PYTHON (default
// /tmp/peers/bin/python). Without it the reference is a numpy Dawid–Skene in the project's venv.
// Usage: node bench/label-model.mjs   (build first: tsc -p tsconfig.json)
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fitLabelModel } from "../dist/src/stats/label-model.js";
import { fitMatrixCompletion } from "../dist/src/stats/matrix-completion.js";
import { Random } from "../dist/src/util/random.js";
import { best } from "./timing.mjs";

const n = 100_000;
const functions = [
  // [coverage, accuracy, the class it votes for (−1: either)]
  [0.3, 0.9, 1], [0.2, 0.85, 1], [0.4, 0.75, -1], [0.5, 0.8, 0], [0.25, 0.95, 0],
  [0.6, 0.7, -1], [0.15, 0.9, 1], [0.35, 0.8, 0], [0.1, 0.97, 1], [0.45, 0.65, -1],
];
const m = functions.length;
const random = new Random(12);
const truth = Int32Array.from({ length: n }, () => (random.float() < 0.3 ? 1 : 0));
const votes = new Int32Array(n * m).fill(-1);
functions.forEach(([coverage, accuracy, polarity], j) => {
  for (let i = 0; i < n; i++) {
    // A one-sided function fires mostly on its class: its votes there are right with the planted accuracy.
    const vote = random.float() < accuracy ? truth[i] : 1 - truth[i];
    if (polarity >= 0 && vote !== polarity) continue;
    if (random.float() < coverage) votes[j * n + i] = vote;
  }
});
const accuracyOf = (predictions) => predictions.reduce((s, p, i) => s + (p === truth[i] ? 1 : 0), 0) / n;
// litml's default label model is Snorkel's matrix completion (timed at Snorkel's 100 steps; %labeling takes 500); Dawid–Skene EM beside it.
const [litml, fit] = await best(3, async () => fitMatrixCompletion(votes, n, m, 2, { epochs: 100 }));
const [em, emFit] = await best(3, async () => fitLabelModel(votes, n, m, 2));

const scratch = mkdtempSync(path.join(os.tmpdir(), "litml-bench-label-model-"));
const file = path.join(scratch, "votes.bin");
writeFileSync(file, Buffer.from(votes.buffer));
const snorkelPython = process.env.LITML_SNORKEL_PYTHON ?? "/tmp/peers/bin/python";
const hasSnorkel = existsSync(snorkelPython) && (() => {
  try {
    execFileSync(snorkelPython, ["-c", "import snorkel.labeling.model"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
const python = hasSnorkel ? snorkelPython : path.resolve(".venv", "bin", "python");
const script = `
import json, sys, time
import numpy as np
n, m = ${n}, ${m}
L = np.fromfile(${JSON.stringify(file)}, dtype=np.int32).reshape(m, n).T.copy()
${hasSnorkel ? `
from importlib.metadata import version
from snorkel.labeling.model import LabelModel
def fit():
    model = LabelModel(cardinality=2, verbose=False)
    model.fit(L, seed=0, progress_bar=False)
    return model
name = "snorkel " + version("snorkel") + " LabelModel.fit (torch " + version("torch") + ", 100 epochs)"
predict = lambda model: model.predict(L, tie_break_policy="random")
` : `
sys.path.insert(0, ${JSON.stringify(path.resolve("tests", "helpers"))})
from references import dawid_skene
def fit():
    return dawid_skene(L)[0]
name = "numpy Dawid-Skene in the project venv (Snorkel unavailable)"
predict = lambda T: T.argmax(1)
`}
times = []
for _ in range(3):
    began = time.perf_counter(); model = fit(); times.append(time.perf_counter() - began)
print(json.dumps({"seconds": min(times), "name": name, "predictions": predict(model).tolist()}))
`;
const out = JSON.parse(execFileSync(python, ["-c", script], { encoding: "utf8", maxBuffer: 64 << 20, env: { ...process.env, OMP_NUM_THREADS: "1" }, stdio: ["ignore", "pipe", "ignore"] }));
const shape = `${n.toLocaleString("en-US")} rows × ${m} functions (${emFit.patterns} vote patterns)`;
console.log(
  `BENCH label-model litml=${litml.toFixed(4)} reference=${out.seconds.toFixed(4)} ratio=${(litml / out.seconds).toFixed(3)}  # matrix completion, 100 steps, ${shape}; reference: ${out.name}; accuracy against the planted classes: litml ${accuracyOf(fit.predictions).toFixed(4)}, reference ${accuracyOf(out.predictions).toFixed(4)}`,
);
console.log(
  `BENCH label-model-em litml=${em.toFixed(4)} reference=${out.seconds.toFixed(4)} ratio=${(em / out.seconds).toFixed(3)}  # Dawid–Skene EM (${emFit.iterations} iterations), ${shape}; reference: ${out.name}; accuracy against the planted classes: litml ${accuracyOf(emFit.predictions).toFixed(4)}, reference ${accuracyOf(out.predictions).toFixed(4)}`,
);
