// litml's side of the core benchmarks (issue 3). Prints one JSON object of timings and
// quality numbers; bench/run.mjs puts it beside scikit-learn's and pandas's.
// Usage: node bench/core.mjs [--quick]   (--quick skips the 3-million-row runs)
import * as litml from "../dist/src/index.js";
import { fromColumns, takeMatrixRows } from "../dist/src/data/matrix.js";
import { groupRows } from "../dist/src/data/group.js";
import { LogisticRegression } from "../dist/src/models/logistic.js";
import { GradientBoosting } from "../dist/src/models/gbdt.js";
import { KNearestNeighbours } from "../dist/src/models/knn.js";
import { crossValidate } from "../dist/src/validate/cross-validate.js";
import { rocAuc } from "../dist/src/metrics/ranking.js";
import { accuracy } from "../dist/src/metrics/classification.js";
import { wilson } from "../dist/src/stats/intervals.js";
import { Dataset } from "../dist/src/data/dataset.js";
import { best, time } from "./timing.mjs";

const quick = process.argv.includes("--quick");
const out = {};
const standardize = (values) => {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let variance = 0;
  for (const v of values) variance += (v - mean) ** 2;
  const sd = Math.sqrt(variance / values.length);
  return Float64Array.from(values, (v) => (v - mean) / sd);
};

// flights-200k: target "more than 15 minutes late", features distance and hour.
const flights = await litml.load("flights-200k");
const delay = flights.column("delay").values;
const late = Int32Array.from(delay, (d) => (d > 15 ? 1 : 0));
const y = { kind: "classification", codes: late, classes: ["0", "1"] };
const Xraw = fromColumns([flights.column("distance").values, flights.column("time").values], ["distance", "hour"]);
const Xstd = fromColumns([standardize(Xraw.data.subarray(0, 200_000)), standardize(Xraw.data.subarray(200_000))], ["distance", "hour"]);

{
  const [seconds, model] = await best(3, () => new LogisticRegression({ C: 1, tolerance: 1e-6 }).fit(Xstd, y));
  out.logisticFit = { seconds, coefficients: [...model.coefficients[0]], auc: rocAuc(late, model.predictProba(Xstd).data.subarray(200_000)) };
}
{
  const data = new Dataset([
    ["distance", { type: "number", values: Xraw.data.subarray(0, 200_000) }],
    ["hour", { type: "number", values: Xraw.data.subarray(200_000) }],
    ["late", { type: "number", values: Float64Array.from(late) }],
  ]);
  const [seconds, cv] = await best(2, () => crossValidate(data, { target: "late", model: "logistic", params: { tolerance: 1e-6 }, folds: 5, split: "kfold", metrics: ["accuracy"] }));
  out.cv5 = { seconds, accuracy: cv.mean.accuracy };
}
{
  const [seconds, model] = await best(3, () => new GradientBoosting({ maxIterations: 100, maxBins: 255 }).fit(Xraw, y));
  out.gbdtFit = { seconds, auc: rocAuc(late, model.predictProba(Xraw).data.subarray(200_000)) };
}
{
  const test = Int32Array.from({ length: 10_000 }, (_, i) => i);
  const train = Int32Array.from({ length: 190_000 }, (_, i) => 10_000 + i);
  const model = await new KNearestNeighbours({ k: 5 }).fit(takeMatrixRows(Xstd, train), { ...y, codes: Int32Array.from(train, (r) => late[r]) });
  const Xtest = takeMatrixRows(Xstd, test);
  const [seconds, predicted] = await best(3, async () => model.predict(Xtest));
  out.knnPredict = { seconds, accuracy: accuracy(Int32Array.from(test, (r) => late[r]), predicted) };
}

if (!quick) {
  const [loadSeconds, big] = await time(() => litml.load("flights-3m"));
  out.load3m = { seconds: loadSeconds, rssMB: process.memoryUsage().rss / 1e6 };
  const codesOf = (name) => Float64Array.from(big.column(name).codes);
  const X3 = fromColumns([big.column("distance").values, big.column("hour").values, codesOf("weekday"), codesOf("origin"), codesOf("destination")], ["distance", "hour", "weekday", "origin", "destination"]);
  const late3 = Int32Array.from(big.column("delay").values, (d) => (d > 15 ? 1 : 0));
  const [gbdtSeconds, model] = await time(() => new GradientBoosting({ maxIterations: 100, maxBins: 255 }).fit(X3, { kind: "classification", codes: late3, classes: ["0", "1"] }));
  const proba = model.predictProba(X3);
  out.gbdt3m = { seconds: gbdtSeconds, auc: rocAuc(late3, proba.data.subarray(X3.rows)) };
  // Per-origin accuracy of those predictions, with a Wilson interval per airport.
  const predicted = model.predict(X3);
  const origin = big.column("origin");
  const [groupSeconds, perOrigin] = await best(3, async () => {
    const { order, offsets } = groupRows(origin.codes, origin.dictionary.length);
    const rows = [];
    for (let g = 0; g < origin.dictionary.length; g++) {
      let hits = 0;
      for (let i = offsets[g]; i < offsets[g + 1]; i++) hits += predicted[order[i]] === late3[order[i]] ? 1 : 0;
      const count = offsets[g + 1] - offsets[g];
      if (count > 0) rows.push({ origin: origin.dictionary[g], count, accuracy: hits / count, interval: wilson(hits, count) });
    }
    return rows;
  });
  out.groupByOrigin = { seconds: groupSeconds, groups: perOrigin.length };
}
console.log(JSON.stringify(out));
