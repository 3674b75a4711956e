// @ts-nocheck
import { describe, expect, it } from "vitest";
import { backtest } from "../../src/evaluate/backtest.js";
import { Random } from "../../src/util/random.js";

function series(n: number, drift: boolean, seed: number) {
  const random = new Random(seed);
  return Array.from({ length: n }, (_, i) => {
    const x = random.normal();
    // With drift, the relationship between x and y reverses progressively over time.
    const flipped = drift && random.float() < i / n;
    return { t: i, x, y: (flipped ? -x : x) + random.normal() * 0.3 > 0 ? "up" : "down" };
  });
}

describe("backtest", () => {
  it("detects a model that degrades as it is used further from its training period", async () => {
    const result = await backtest(series(3000, true, 1), { target: "y", time: "t", folds: 6 });
    expect(result.data.degrading).toBe(true);
    expect(result.data.trend.high).toBeLessThan(0);
    expect(result.verdict.level).toBe("fail");
  });

  it("finds a stable model stable, beating the zero rule in every period", async () => {
    const result = await backtest(series(3000, false, 2), { target: "y", time: "t", folds: 6 });
    expect(result.data.degrading).toBe(false);
    expect(result.data.beatsBaselineIn).toBe(6);
    expect(result.verdict.level).toBe("ok");
  });

  it("never trains on rows later than its test rows, and sorts unsorted rows with a note", async () => {
    const rows = series(600, false, 3).reverse();
    const result = await backtest(rows, { target: "y", time: "t", folds: 4, gap: 5 });
    expect(result.notes.join(" ")).toMatch(/not in time order; they were sorted by "t"/);
    for (const f of result.data.folds) expect(f.trainRows).toBeLessThanOrEqual((f.from as number) - 5);
  });

  it("keeps rows sharing the first test timestamp out of training", async () => {
    const rows = Array.from({ length: 600 }, (_, i) => ({ day: Math.floor(i / 4), x: i % 7, y: i % 2 ? "a" : "b" }));
    const result = await backtest(rows, { target: "y", time: "day", folds: 3, horizon: 150 });
    expect(result.notes.join(" ")).toMatch(/shared a timestamp with the first test row/);
  });

  it("needs a time column, and says so", async () => {
    await expect(backtest(series(100, false, 4).map(({ t: _t, ...r }) => r), { target: "y" })).rejects.toThrowError(/--time COL.*no meaning without one/);
    await expect(backtest([{ t: 1, y: "a" }, { t: null, y: "b" }], { target: "y", time: "t" })).rejects.toThrowError(/a time for every row/);
  });

  it("compares a regression with the last value (persistence) by default", async () => {
    const random = new Random(5);
    let level = 0;
    const rows = Array.from({ length: 800 }, (_, i) => ({ t: i, x: random.normal(), value: (level += random.normal()) }));
    const result = await backtest(rows, { target: "value", time: "t", folds: 4 });
    expect(result.data.baseline).toBe("last-value");
    // A random walk: yesterday's value beats a regression on noise.
    expect(result.data.beatsBaselineIn).toBe(0);
  });
});
