import { describe, expect, it } from "vitest";
import { ascendingOrder } from "../../src/stats/order.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";

describe("ascendingOrder", () => {
  it("is a permutation that sorts, ties (many) and negatives included, as numpy's argsort orders the values", () => {
    const random = new Random(1);
    const values = Float64Array.from({ length: 2000 }, () => Math.round(random.normal() * 8) / 4 + 0);
    const order = ascendingOrder(values);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    const reference = python<number[]>(`import numpy as np\nv = np.array(json.loads(sys.stdin.read()))\nemit(v[np.argsort(v, kind="stable")].tolist())`, JSON.stringify([...values])).value;
    expect(Array.from(order, (i) => values[i])).toEqual(reference);
  });

  it("falls back to a comparator sort when values hold NaN, NaN last", () => {
    const order = ascendingOrder([3, NaN, 1, 2]);
    expect(Array.from(order.subarray(0, 3))).toEqual([2, 3, 0]);
  });
});
