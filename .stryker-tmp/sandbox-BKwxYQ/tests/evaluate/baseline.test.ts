// @ts-nocheck
import { describe, expect, it } from "vitest";
import { baseline } from "../../src/evaluate/baseline.js";
import { load } from "../../src/data/convert.js";
import { Random } from "../../src/util/random.js";

const penguins = await load("penguins");

describe("baseline", () => {
  it("a real model beats the baselines on penguins, and the zero rule scores the majority share exactly", async () => {
    const result = await baseline(penguins, { target: "Species", models: ["logistic"] });
    expect(result.data.beats).toBe(true);
    expect(result.verdict.level).toBe("ok");
    // Stratified folds keep Adélie the majority in every training fold: accuracy = 152 / 344 (hand count).
    expect(result.data.contenders.find((c) => c.name === "zero-rule")!.score).toBeCloseTo(152 / 344, 12);
    expect(result.data.normalizedGain.low).toBeGreaterThan(0.1);
  });

  it("shuffled labels: the model must not beat the baselines", async () => {
    const records = penguins.toRecords();
    const order = new Random(11).permutation(records.length);
    const shuffled = records.map((r, i) => ({ ...r, Species: records[order[i]].Species }));
    const result = await baseline(shuffled, { target: "Species" });
    expect(result.data.beats).toBe(false);
    expect(result.verdict.level).toBe("fail");
    expect(result.verdict.text).toMatch(/does not beat the baselines/);
  });

  it("a heuristic and a human score join the baselines; the framing's minimum gain decides", async () => {
    const rule = (row: Record<string, unknown>) => ((row["Flipper Length (mm)"] as number) > 206 ? "Gentoo" : (row["Beak Length (mm)"] as number) > 44 ? "Chinstrap" : "Adelie");
    const result = await baseline(penguins.select(["Species", "Flipper Length (mm)", "Beak Length (mm)"]).take(Int32Array.from({ length: 344 }, (_, i) => i).filter((i) => i !== 3 && i !== 339)), {
      target: "Species",
      heuristic: rule,
      human: { score: 0.95, source: "a field biologist's guess" },
      minGain: 0.5,
    });
    const kinds = result.data.contenders.map((c) => c.kind);
    expect(kinds).toEqual(expect.arrayContaining(["heuristic", "human"]));
    expect(result.data.contenders.find((c) => c.kind === "heuristic")!.score).toBeGreaterThan(0.9);
    // The heuristic and the human are strong: no model gains 0.5 over them.
    expect(result.data.beats).toBe(false);
    expect(result.verdict.text).toMatch(/framing card's minimum/);
  });

  it("regression uses the mean and median as zero rules and RMSE by default", async () => {
    const cars = (await load("cars")).select(["Miles_per_Gallon", "Weight_in_lbs", "Horsepower", "Cylinders"]);
    const rows = Int32Array.from({ length: cars.nRows }, (_, i) => i).filter((r) => cars.get(r, "Miles_per_Gallon") !== null);
    const result = await baseline(cars.take(rows), { target: "Miles_per_Gallon" });
    expect(result.data.metric).toBe("rmse");
    expect(result.data.contenders.map((c) => c.name)).toEqual(["random", "zero-rule", "zero-rule (median)", "ridge"]);
    expect(result.data.beats).toBe(true);
  });

  it("is reproducible for a seed", async () => {
    const a = await baseline(penguins, { target: "Species", seed: 5, resamples: 200 });
    const b = await baseline(penguins, { target: "Species", seed: 5, resamples: 200 });
    expect(a.data.gain).toEqual(b.data.gain);
  });

  it("names a bad option", async () => {
    await expect(baseline(penguins, { target: "Species", metric: "acuracy" })).rejects.toThrowError(/Did you mean "accuracy"/);
    await expect(baseline(penguins, { target: "Species", models: [] })).rejects.toThrowError(/invalid models/);
  });
});
