import { describe, expect, it } from "vitest";
import { load, toDataset } from "../../src/data/convert.js";
import { pipelineFor } from "../../src/features/default-pipeline.js";
import { targetOf } from "../../src/features/target.js";
import { holdout } from "../../src/evaluate/guarded-test/index.js";
import { slices } from "../../src/evaluate/slices/index.js";
import { chooseModel } from "../../src/validate/model.js";
import { planFolds, timeFolds } from "../../src/validate/plan.js";
import { runFolds } from "../../src/validate/out-of-fold.js";
import { asPredictor } from "../../src/validate/predictor.js";
import { python } from "../helpers/python.js";

const penguins = await load("penguins");
const weather = await load("seattle-weather");

describe("the split policy", () => {
  it("stratifies classes, shuffles numbers, and keeps groups on one side", () => {
    const species = planFolds("slices", penguins, targetOf(penguins, "Species"));
    expect(species.split).toBe("stratified");
    expect(species.coversEveryRow).toBe(true);
    const mass = planFolds("slices", weather, targetOf(weather, "temp_max"));
    expect(mass.split).toBe("kfold");
    const grouped = planFolds("slices", penguins, targetOf(penguins, "Species"), { group: "Island" , folds: 3 });
    expect(grouped.split).toBe("group");
    const island = penguins.column("Island") as { codes: Int32Array };
    for (const fold of grouped.folds) {
      const inTest = new Set(Array.from(fold.test, (r) => island.codes[r]));
      for (const r of fold.train) expect(inTest.has(island.codes[r])).toBe(false);
    }
  });

  it("follows the framing card's time column: every fold tests only rows later than its training rows", () => {
    const plan = planFolds("baseline", weather, targetOf(weather, "weather"), {}, { time: "date" });
    expect(plan.split).toBe("time");
    expect(plan.coversEveryRow).toBe(false);
    const date = (weather.column("date") as { values: Float64Array }).values;
    for (const fold of plan.folds) {
      const latestTrain = Math.max(...Array.from(fold.train, (r) => date[r]));
      const earliestTest = Math.min(...Array.from(fold.test, (r) => date[r]));
      expect(earliestTest).toBeGreaterThan(latestTrain);
    }
    // "time: none" says the data is not time-ordered; an explicit split wins over the card.
    expect(planFolds("baseline", weather, targetOf(weather, "weather"), {}, { time: "none (rows are independent days)" }).split).toBe("stratified");
    expect(planFolds("baseline", weather, targetOf(weather, "weather"), { split: "kfold" }, { time: "date" }).split).toBe("kfold");
  });

  it("names the calling analysis and the fix in its errors", () => {
    expect(() => planFolds("slices", penguins, undefined, { folds: 1 })).toThrowError(/^slices: invalid folds: 1; expected a whole number ≥ 2/);
    expect(() => planFolds("errors", weather, undefined, {}, { time: "day" })).toThrowError(/errors: the framing card's time column "day" is not in this data\..*"time: none"/);
    const gaps = toDataset([{ t: 1, y: 1 }, { t: NaN, y: 2 }, { t: 3, y: 3 }, { t: 4, y: 4 }, { t: 5, y: 5 }, { t: 6, y: 6 }]);
    expect(() => planFolds("backtest", gaps, undefined, { time: "t", folds: 2 })).toThrowError(/backtest: the time column "t" has a missing or unreadable value in row 1/);
    expect(() => planFolds("slices", penguins, undefined, { split: "random" as never })).toThrowError(/slices: invalid split: "random"/);
    expect(() => planFolds("fairness", penguins, undefined, { group: "Island", folds: 4 })).toThrowError(/at most the number of groups in "Island" \(3\)/);
  });

  it("an analysis given a card with a time column scores only the rows its folds tested", async () => {
    const result = await slices(weather, { target: "weather", by: "precipitation", card: { time: "date" }, folds: 3 });
    const n = result.data.slices.reduce((s, slice) => s + slice.n, 0);
    expect(n).toBe(3 * Math.floor(weather.nRows / 4));
  });

  it("the column that orders time-ordered folds is their clock, not a model input", async () => {
    // As loaded from a file of one's own: no column has the time role.
    const plain = weather.withRoles({ time: undefined });
    const inputsOf = async (plan: ReturnType<typeof planFolds>) => {
      const seen: (readonly string[])[] = [];
      await runFolds(plain, "weather", asPredictor(pipelineFor("logistic")), plan, { withProba: false, probe: (fitted) => seen.push((fitted as unknown as { inputs: readonly string[] }).inputs) });
      return seen;
    };
    const timed = await inputsOf(planFolds("slices", plain, targetOf(plain, "weather"), { folds: 3 }, { time: "date" }));
    expect(timed.length).toBe(3);
    for (const inputs of timed) expect(inputs).not.toContain("date");
    const shuffled = await inputsOf(planFolds("slices", plain, targetOf(plain, "weather"), { folds: 3 }));
    for (const inputs of shuffled) expect(inputs).toContain("date");
  });

  it("holdout with a time column holds out the latest period", async () => {
    const { train, test } = await holdout(weather, { card: { time: "date" }, testSize: 0.25 });
    const latestTrain = Math.max(...(train.column("date") as { values: Float64Array }).values);
    const earliestTest = Math.min(...(test.data.column("date") as { values: Float64Array }).values);
    expect(earliestTest).toBeGreaterThanOrEqual(latestTrain);
    expect(test.data.nRows).toBe(Math.round(weather.nRows * 0.25));
  });
});

describe("the model option", () => {
  it("takes a registry name with params checked against the model's own, the user's Pipeline, or a fitted pipeline", async () => {
    expect(() => chooseModel("slices", { model: "logistic", params: { c: 1 } }, penguins, "Species")).toThrowError(/model "logistic": unknown option "c"\. Did you mean "C"\?/);
    const own = pipelineFor("tree", { maxDepth: 2 });
    expect(chooseModel("slices", { model: own }, penguins, "Species").name).toBe("tree");
    const fitted = await pipelineFor("logistic").fit(penguins, "Island");
    expect(() => chooseModel("slices", { model: fitted }, penguins, "Species")).toThrowError(/fitted to predict "Island" but --target is "Species"/);
    const species = await pipelineFor("logistic").fit(penguins, "Species");
    expect(() => chooseModel("slices", { model: species }, penguins, "Species")).toThrowError(/slices refits the model inside each fold/);
    expect(chooseModel("drift", { model: species }, penguins, "Species", { refits: false }).fitted).toBe(species);
  });

  it("uses the user's own pipeline inside the folds", async () => {
    const shallow = await slices(penguins, { target: "Species", by: "Island", model: pipelineFor("tree", { maxDepth: 1 }) });
    const deep = await slices(penguins, { target: "Species", by: "Island", model: "tree" });
    expect(shallow.data.model).toBe("tree");
    // A one-split tree cannot separate three species: the user's pipeline, not a default one, was fitted.
    expect(shallow.data.overall).toBeLessThan(0.8);
    expect(deep.data.overall).toBeGreaterThan(0.9);
  });
});

describe("time-ordered folds for backtests (timeFolds)", () => {
  // 3 interleaved series over 60 days, rows shuffled so that only the time column orders them.
  const days = Array.from({ length: 60 }, (_, d) => Date.UTC(2021, 0, 1 + d));
  const records = days.flatMap((t, d) => ["a", "b", "c"].map((s) => ({ t: new Date(t), s, y: d })));
  const shuffled = toDataset(records.map((r, i) => ({ r, key: (i * 37) % records.length })).sort((p, q) => p.key - q.key).map((p) => p.r));

  it("sliding windows, horizon and gap follow scikit-learn's TimeSeriesSplit, on rows or on the timestamps of every series", () => {
    const reference = python<{ rows: number[][][]; steps: number[][][] }>(`
from sklearn.model_selection import TimeSeriesSplit
split = lambda n, gap: [[train.tolist(), test.tolist()] for train, test in TimeSeriesSplit(n_splits=3, test_size=10, gap=gap, max_train_size=15).split(range(n))]
emit({"rows": split(180, 0), "steps": split(60, 2)})`).value;
    const time = (shuffled.column("t") as { values: Float64Array }).values;
    const step = (row: number) => days.indexOf(time[row]);
    const bySeries = timeFolds("backtest", shuffled, "t", { folds: 3, horizon: 10, gap: 2, window: "sliding", trainSize: 15, series: "s" });
    bySeries.folds.forEach((fold, f) => {
      expect([...new Set(Array.from(fold.train, step))].sort((a, b) => a - b)).toEqual(reference.steps[f][0]);
      expect([...new Set(Array.from(fold.test, step))].sort((a, b) => a - b)).toEqual(reference.steps[f][1]);
      expect(fold.test.length).toBe(30);
    });
    const byRow = timeFolds("backtest", shuffled, "t", { folds: 3, horizon: 10, window: "sliding", trainSize: 15 });
    const position = new Int32Array(shuffled.nRows);
    byRow.order.forEach((row, i) => (position[row] = i));
    byRow.folds.forEach((fold, f) => {
      expect(Array.from(fold.test, (r) => position[r])).toEqual(reference.rows[f][1]);
      // Without a gap, rows sharing the first test row's day leave training (row 159 in period 2): the plan notes how many.
      const kept = reference.rows[f][0].filter((p) => step(byRow.order[p]) < step(fold.test[0]));
      expect(Array.from(fold.train, (r) => position[r])).toEqual(kept);
    });
    expect(byRow.notes.join(" ")).toMatch(/shared a timestamp with the first test row/);
  });
});

describe("a card passed by hand", () => {
  it("is held to the rules %%frame applies, naming the closest metric", async () => {
    await expect(slices(penguins, { target: "Species", by: "Island", card: { metric: "auc" } as never })).rejects.toThrowError(/metric "auc" is not a metric litml knows\. Did you mean "roc-auc"\?/);
    await expect(slices(penguins, { target: "Species", by: "Island", card: { metric: "accuracy", success: 1.5 } })).rejects.toThrowError(/invalid success: 1\.5/);
  });
});
