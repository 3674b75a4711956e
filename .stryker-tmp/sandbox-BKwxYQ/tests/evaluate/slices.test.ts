// @ts-nocheck
import { describe, expect, it } from "vitest";
import { slices } from "../../src/evaluate/slices.js";
import { Random } from "../../src/util/random.js";

/** Rows where x predicts y, except in region "west", where y is a coin flip; "tiny" has 8 rows, all mislabelled. */
function planted(n: number, seed: number) {
  const random = new Random(seed);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const region = i < 8 ? "tiny" : ["north", "south", "east", "west"][random.int(4)];
    const x = random.normal();
    const clear = x > 0 ? "yes" : "no";
    const y = region === "west" ? (random.float() < 0.5 ? "yes" : "no") : region === "tiny" ? (clear === "yes" ? "no" : "yes") : clear;
    rows.push({ region, x, y, value: region === "east" ? 10 : 1 });
  }
  return rows;
}

describe("slices", () => {
  const rows = planted(4000, 1);

  it("flags the slice where the model fails and not the healthy ones", async () => {
    const result = await slices(rows, { target: "y", by: "region" });
    const status = Object.fromEntries(result.data.slices.map((s) => [s.label, s.status]));
    expect(status.west).toBe("worse");
    expect([status.north, status.south, status.east]).toEqual(["ok", "ok", "ok"]);
    expect(result.data.slices[0].label).toBe("west");
    expect(result.verdict.level).toBe("warn");
  });

  it("never judges a slice below the minimum size, however bad it looks", async () => {
    const result = await slices(rows, { target: "y", by: "region" });
    const tiny = result.data.slices.find((s) => s.label === "tiny")!;
    expect(tiny.value).toBeLessThan(0.5);
    expect(tiny.status).toBe("too small");
  });

  it("corrects for the number of slices: noise in many small slices is not flagged", async () => {
    const random = new Random(2);
    const noisy = Array.from({ length: 3000 }, () => {
      const x = random.normal();
      return { group: `g${random.int(40)}`, x, y: x + random.normal() * 0.8 > 0 ? "yes" : "no" };
    });
    const result = await slices(noisy, { target: "y", by: "group" });
    expect(result.data.slices.filter((s) => s.status === "worse")).toEqual([]);
    expect(result.verdict.level).toBe("ok");
  });

  it("weights rows that matter more", async () => {
    const plain = await slices(rows, { target: "y", by: "region" });
    const weighted = await slices(rows, { target: "y", by: "region", weight: "value" });
    // "east" is correct everywhere and weighs 10: the weighted overall accuracy rises.
    expect(weighted.data.overall).toBeGreaterThan(plain.data.overall);
  });

  it("refuses a slice column with 100k distinct values with advice, before training anything", async () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ id: `user-${i}`, x: i % 7, y: i % 2 ? "a" : "b" }));
    const started = performance.now();
    await expect(slices(many, { target: "y", by: "id" })).rejects.toThrowError(/100000 distinct values.*bucket the column first/);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("buckets a numeric slice column and intersects two columns", async () => {
    const result = await slices(rows, { target: "y", by: ["region", "x"], buckets: 2 });
    expect(result.data.slices.some((s) => / × /.test(s.label))).toBe(true);
  });
});
