// Issue 11: `%slices flights-3m --target delay --by weekday` with the default model (ridge
// with one-hot features) must finish in under 30 s and keep its matrix small. Prints the
// seconds, the peak resident memory and the design matrix against the data's own size.
// Usage: node bench/slices-3m.mjs [--rows N]   (build first: tsc -p tsconfig.json)
import { getHeapStatistics } from "node:v8";
import * as litml from "../dist/src/index.js";
import { chooseModel } from "../dist/src/validate/model.js";
import { planFolds } from "../dist/src/validate/plan.js";
import { designSize } from "../dist/src/validate/design.js";
import { targetOf } from "../dist/src/features/target.js";
import { time } from "./timing.mjs";

// CPU time and heap are this thread's: litml's pool of worker threads stays off unless LITML_THREADS asks for it.
process.env.LITML_THREADS ??= "1";

const rowsArg = process.argv.indexOf("--rows");
let data = await litml.load("flights-3m");
if (rowsArg > 0) data = data.take(Int32Array.from({ length: Number(process.argv[rowsArg + 1]) }, (_, i) => i));
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const dataBytes = data.names.reduce((sum, name) => {
  const column = data.column(name);
  return sum + (column.type === "category" ? column.codes.byteLength : column.values.byteLength);
}, 0);
const chosen = chooseModel("slices", {}, data, "delay");
const design = designSize(chosen, data, "delay", planFolds("slices", data, targetOf(data, "delay"), {}));
const cpuBefore = process.cpuUsage();
const [seconds, result] = await time(() => litml.slices(data, { target: "delay", by: "weekday" }));
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);
console.log(
  JSON.stringify({
    rows: data.nRows,
    model: result.data.model,
    seconds: Number(seconds.toFixed(2)),
    // On a shared machine the wall clock waits for other processes; CPU time is what the call costs (one thread, plus GC helpers).
    cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    peakRssMB: Math.round(Math.max(peak, process.memoryUsage().rss) / 1e6),
    heapLimitMB: Math.round(getHeapStatistics().heap_size_limit / 1e6),
    dataMB: Math.round(dataBytes / 1e6),
    designColumns: design.columns,
    designMB: Math.round((design.rows * design.columns * 8) / 1e6),
    verdict: result.verdict.text,
    notes: result.notes,
  }),
);
