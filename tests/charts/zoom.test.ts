/**
 * Issue #16: chart axes that compare values zoom to the data compared, intervals included,
 * with a little padding, instead of running from 0. The rule lives in src/charts/zoom.ts;
 * here it is checked on the charts of the analyses that compare a metric, on real data.
 */
import { describe, expect, it } from "vitest";
import { zoomDomain, zoomScale } from "../../src/charts/zoom.js";
import * as litml from "../../src/index.js";

process.env.JPY_SESSION_NAME = `zoom-${process.pid}`;

type Spec = Record<string, unknown>;

/** Every object in a spec, depth first. */
function* walk(node: unknown): Generator<Spec> {
  if (Array.isArray(node)) for (const item of node) yield* walk(item);
  else if (node !== null && typeof node === "object") {
    yield node as Spec;
    for (const value of Object.values(node)) yield* walk(value);
  }
}

/** The numbers under `fields` in every data set the spec draws. */
function drawn(spec: unknown, fields: readonly string[]): number[] {
  const out: number[] = [];
  for (const node of walk(spec)) {
    const data = node.data as { values?: Record<string, unknown>[] } | undefined;
    for (const row of data?.values ?? []) for (const f of fields) if (typeof row[f] === "number" && Number.isFinite(row[f])) out.push(row[f] as number);
  }
  return out;
}

/** The explicit domains of the quantitative channels that draw `fields`. */
function domains(spec: unknown, fields: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const node of walk(spec)) {
    if (node.type !== "quantitative" || !fields.includes(node.field as string)) continue;
    const scale = node.scale as { domain?: [number, number]; zero?: boolean } | undefined;
    expect(scale?.zero, `${String(node.field)} starts at zero`).toBe(false);
    expect(scale?.domain, `${String(node.field)} has no domain from the data`).toBeDefined();
    out.push(scale!.domain!);
  }
  return out;
}

const charts: [string, () => Promise<litml.Result>, string[]][] = [
  ["baseline", () => litml.baseline("penguins", { target: "Species", resamples: 100 }), ["score", "low", "high"]],
  ["slices", () => litml.slices("penguins", { target: "Species", by: "Island" }), ["value", "low", "high", "overall"]],
  ["learning curve", () => litml.learningCurve("penguins", { target: "Species", sizes: [40, 120, 240] }), ["score", "low", "high", "success"]],
  ["backtest", () => litml.backtest("seattle-weather", { target: "weather", time: "date", folds: 3 }), ["score"]],
  ["simpson", () => litml.simpson("kidney-stones", { outcome: "outcome", treatment: "treatment", by: "stone_size", count: "count" }), ["value"]],
];

describe("zoomDomain", () => {
  it("spans values in [0.8, 0.9] with a little padding, far from 0", () => {
    const [low, high] = zoomDomain([0.81, 0.86, 0.89, null, NaN, 0.83])!;
    expect(low).toBeGreaterThan(0.75);
    expect(low).toBeLessThanOrEqual(0.81);
    expect(high).toBeGreaterThanOrEqual(0.89);
    expect(high).toBeLessThan(0.95);
    expect(zoomScale([0.81, 0.89])).toMatchObject({ zero: false, nice: false });
  });
  it("stops its padding at a bound the metric cannot pass, and gives a lone value some room", () => {
    expect(zoomDomain([0.9, 1], { within: [0, 1] })![1]).toBe(1);
    const [low, high] = zoomDomain([0.5])!;
    expect(low).toBeLessThan(0.5);
    expect(high).toBeGreaterThan(0.5);
    expect(zoomDomain([null, NaN])).toBeUndefined();
  });
});

describe.each(charts)("the %s chart", (_, run, fields) => {
  it("zooms its metric axis to the values compared (intervals included), padded by at most half their range", async () => {
    const { chart } = await run();
    const values = drawn(chart, fields);
    expect(values.length).toBeGreaterThan(1);
    const min = Math.min(...values);
    const max = Math.max(...values);
    const range = max - min;
    const found = domains(chart, fields);
    expect(found.length).toBeGreaterThan(0);
    for (const [low, high] of found) {
      expect(low).toBeLessThanOrEqual(min);
      expect(high).toBeGreaterThanOrEqual(max);
      expect(low).toBeGreaterThanOrEqual(min - range / 2);
      expect(high).toBeLessThanOrEqual(max + range / 2);
      if (min >= 0.8 && max <= 0.9) expect(low).toBeGreaterThan(0);
    }
  }, 120_000);
});
