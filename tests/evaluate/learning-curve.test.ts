import { describe, expect, it } from "vitest";
import { learningCurve } from "../../src/evaluate/learning-curve.js";
import { load } from "../../src/data/convert.js";
import { Dataset } from "../../src/data/dataset.js";

describe("learning curves", () => {
  it("penguins with logistic regression has plateaued: validation accuracy is near its ceiling early", async () => {
    const result = await learningCurve("penguins", { target: "Species" });
    expect(result.data.state).toBe("plateaued");
    expect(result.verdict.level).toBe("warn");
    expect(result.data.points).toHaveLength(6);
    const sizes = result.data.points.map((p) => p.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
  });

  it("flight delays with boosting are still rising, with high variance, and estimate the rows to reach a target", async () => {
    const flights = (await load("flights-200k")).take(Int32Array.from({ length: 40_000 }, (_, i) => i));
    const delay = (flights.column("delay") as { values: Float64Array }).values;
    const data = new Dataset([
      ["distance", flights.column("distance")],
      ["hour", flights.column("time")],
      ["late", { type: "number", values: Float64Array.from(delay, (d) => (d > 15 ? 1 : 0)) }],
    ]);
    const result = await learningCurve(data, { target: "late", model: "gbdt", metric: "roc-auc", successValue: 0.7 });
    expect(result.data.state).toBe("rising");
    expect(result.data.fit!.exponentLow).toBeGreaterThan(0);
    expect(result.data.diagnosis).toBe("high variance");
    expect(result.data.rowsForSuccess).toBeGreaterThan(40_000);
    expect(result.verdict.text).toMatch(/Still rising/);
  }, 60_000);

  it("drops sizes larger than the training folds with a note, and refuses when fewer than two remain", async () => {
    const result = await learningCurve("penguins", { target: "Species", sizes: [30, 100, 5000] });
    expect(result.data.points.map((p) => p.size)).toEqual([30, 100]);
    expect(result.notes.join(" ")).toMatch(/Sizes above 275 rows .* were dropped: 5000/);
    await expect(learningCurve("penguins", { target: "Species", sizes: [4000, 5000] })).rejects.toThrowError(/at least two sizes of at most 275 rows/);
  });
});
