// @ts-nocheck
import { describe, expect, it } from "vitest";
import { quantile } from "../../src/stats/select.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";

// Quickselect on shapes that trouble it: duplicates, outliers, long tails, infinities, holes.
const random = new Random(5);
const QS = [0, 0.001, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999, 1];
const cases: Record<string, Float64Array> = {
  normal: Float64Array.from({ length: 20_001 }, () => random.normal()),
  "few distinct values": Float64Array.from({ length: 10_000 }, () => random.int(6)),
  "one huge outlier": Float64Array.from({ length: 8_000 }, (_, i) => (i === 77 ? 1e12 : random.float())),
  "heavy right tail": Float64Array.from({ length: 9_999 }, () => Math.exp(4 * random.normal())),
  "with infinities": Float64Array.from({ length: 5_000 }, (_, i) => (i % 1000 === 3 ? -Infinity : i % 1000 === 4 ? Infinity : random.normal())),
  "with missing values": Float64Array.from({ length: 6_000 }, (_, i) => (i % 7 === 0 ? NaN : random.normal())),
  constant: new Float64Array(5_000).fill(2.5),
  small: Float64Array.from({ length: 101 }, () => random.normal()),
};

/** The same rule on a fully sorted copy: the straightforward computation. */
function bySorting(values: Float64Array, q: number): number {
  const sorted = values.filter((v) => v === v).sort();
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below];
  return below === position ? low : low + (sorted[below + 1] - low) * (position - below);
}

describe("quantile", () => {
  it("equals the order statistics of a sorted copy exactly, whatever the distribution", () => {
    for (const [name, values] of Object.entries(cases)) {
      const before = Float64Array.from(values);
      for (const q of QS) expect(quantile(values, q), `${name}, q = ${q}`).toBe(bySorting(values, q));
      expect([...values], `${name}: the input is left as it was`).toEqual([...before]);
    }
  });

  it("matches numpy's quantile (linear rule)", () => {
    const ref = python<number[]>(`
import numpy as np
values = np.array(json.loads(sys.stdin.read()))
emit([float(np.quantile(values, q)) for q in ${JSON.stringify(QS)}])`, JSON.stringify([...cases.normal]));
    QS.forEach((q, i) => expect(Math.abs(quantile(cases.normal, q) - ref.value[i]), `q = ${q} (numpy ${ref.versions.numpy})`).toBeLessThan(1e-12));
  });

  it("is NaN without present values", () => {
    expect(quantile(new Float64Array(5000).fill(NaN), 0.5)).toBeNaN();
  });
});
