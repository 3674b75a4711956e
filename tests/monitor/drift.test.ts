import { describe, expect, it } from "vitest";
import { Dataset } from "../../src/data/dataset.js";
import { toDataset } from "../../src/data/convert.js";
import { drift } from "../../src/monitor/drift/index.js";
import { jensenShannon, jensenShannonBias, jensenShannonNull, kolmogorovSurvival, ksStatistic, psi, wasserstein } from "../../src/stats/distribution-distance.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";
import { STATSMODELS_DATA } from "../helpers/outside-data.js";

const numbers = (n: number, seed: number, shift = 0) => {
  const random = new Random(seed);
  return Float64Array.from({ length: n }, () => random.normal() + shift);
};
const table = (columns: Record<string, Float64Array>) => new Dataset(Object.entries(columns).map(([name, values]) => [name, { type: "number", values }] as const));

describe("distances against scipy", () => {
  const a = numbers(500, 1);
  const b = numbers(400, 2, 0.2);
  const ref = python<[number, number, number, number]>(`
import json, sys
import numpy as np
from scipy.stats import ks_2samp, wasserstein_distance, kstwobign
from scipy.spatial.distance import jensenshannon
d = json.load(sys.stdin)
a, b = np.array(d["a"]), np.array(d["b"])
emit([ks_2samp(a, b).statistic, wasserstein_distance(a, b), kstwobign.sf(1.23), jensenshannon([5, 0, 3, 9], [2, 4, 3, 1], base=2)])`,
    JSON.stringify({ a: [...a], b: [...b] }));

  it("KS statistic, Wasserstein distance, the Kolmogorov tail and Jensen–Shannon distance", () => {
    const sa = Float64Array.from(a).sort();
    const sb = Float64Array.from(b).sort();
    expect(ksStatistic(sa, sb)).toBeCloseTo(ref.value[0], 12);
    expect(wasserstein(sa, sb)).toBeCloseTo(ref.value[1], 12);
    expect(kolmogorovSurvival(1.23)).toBeCloseTo(ref.value[2], 12);
    expect(jensenShannon([5, 0, 3, 9], [2, 4, 3, 1])).toBeCloseTo(ref.value[3], 12);
  });

  it("PSI of identical distributions is 0 (hand computation)", () => {
    expect(psi([10, 20, 30], [1, 2, 3])).toBeCloseTo(0, 12);
  });
});

describe("drift with planted answers", () => {
  it.each([200, 2_000_000])("two samples from one distribution are not flagged at %i rows", async (n) => {
    const result = await drift(table({ x: numbers(n, 3), y: numbers(n, 4) }), table({ x: numbers(n, 5), y: numbers(n, 6) }));
    expect(result.data.columns.map((c) => c.drifted)).toEqual([false, false]);
    expect(result.verdict.level).toBe("ok");
  }, 60_000);

  it.each([
    [200, 1],
    [2_000_000, 0.3],
  ])("a shifted column is flagged at %i rows (shift %f sd), the unshifted one is not", async (n, shift) => {
    const result = await drift(table({ same: numbers(n, 7), moved: numbers(n, 8) }), table({ same: numbers(n, 9), moved: numbers(n, 10, shift) }));
    expect(result.data.columns.map((c) => [c.column, c.drifted])).toEqual([["same", false], ["moved", true]]);
    expect(result.verdict.level).toBe("fail");
  }, 60_000);

  it("a categorical shift is flagged, and an unseen category is named", async () => {
    const before = toDataset(Array.from({ length: 3000 }, (_, i) => ({ plan: i % 3 === 0 ? "pro" : "free" })));
    const after = toDataset(Array.from({ length: 3000 }, (_, i) => ({ plan: i % 3 === 0 ? "free" : i % 3 === 1 ? "pro" : "enterprise" })));
    const result = await drift(before, after);
    expect(result.data.columns[0].drifted).toBe(true);
    expect(result.notes.join(" ")).toMatch(/never seen in the reference \(enterprise\)/);
  });

  it("different columns or types are named; an all-missing column is skipped with a note", async () => {
    await expect(drift(table({ a: numbers(10, 1) }), table({ b: numbers(10, 2) }))).rejects.toThrowError(/CURRENT lacks "a"/);
    await expect(drift(toDataset([{ a: 1 }, { a: 2 }]), toDataset([{ a: "x" }, { a: "y" }]))).rejects.toThrowError(/the types differ for "a \(number → category\)"/);
    const result = await drift(table({ a: numbers(50, 1), hole: new Float64Array(50).fill(NaN) }), table({ a: numbers(50, 2), hole: numbers(50, 3) }));
    expect(result.notes.join(" ")).toMatch(/"hole": all values are missing in the reference/);
  });
});

describe("drift of a model's predictions", () => {
  it("compares the model's predicted classes on both sides, and names them in the verdict", async () => {
    const labelled = (n: number, seed: number, shift: number) => {
      const x = numbers(n, seed, shift);
      return toDataset(Array.from(x, (v, i) => ({ x: v, noise: (i * 7919) % 13, label: v > 0.5 ? "high" : "low" })));
    };
    const reference = labelled(3000, 11, 0);
    const { pipelineFor } = await import("../../src/features/default-pipeline.js");
    const model = await pipelineFor("logistic").fit(reference, "label");
    const steady = await drift(reference, labelled(3000, 12, 0), { columns: ["x", "noise"], model });
    expect(steady.data.predictions).toMatchObject({ column: "predictions of logistic", type: "binary", drifted: false });
    const moved = await drift(reference, labelled(3000, 13, 1), { columns: ["x", "noise"], model });
    expect(moved.data.predictions!.drifted).toBe(true);
    expect(moved.verdict.text).toMatch(/The model's predictions drifted \([^)]+ [\d.]+\)\./);
    expect(moved.table!.rows.at(-1)![0]).toBe("predictions of logistic");
    await expect(drift(reference, reference, { model: {} as never })).rejects.toThrowError(/invalid model: \{\}; expected a fitted pipeline/);
  }, 60_000);
});

/** `n` draws from a Zipf-like distribution over `k` categories ("c0" most common); `boost` multiplies the weight of the first `boosted`. */
function categories(n: number, k: number, seed: number, boost = 1, boosted = 0) {
  const random = new Random(seed);
  const weights = Array.from({ length: k }, (_, i) => (i < boosted ? boost : 1) / (i + 1));
  const total = weights.reduce((a, b) => a + b);
  const cumulative = weights.map(((sum) => (w: number) => (sum += w / total))(0));
  return toDataset(
    Array.from({ length: n }, () => {
      const u = random.float();
      let i = cumulative.findIndex((c) => c >= u);
      if (i < 0) i = k - 1;
      return { airport: `c${i}` };
    }),
  );
}

describe("categories with hundreds of values", () => {
  it("the chance divergence of two samples of one distribution: permutations and the first-order formula against a scipy simulation", () => {
    const a = categories(3000, 300, 1);
    const b = categories(3000, 300, 2);
    const counts = (d: Dataset) => {
      const column = d.column("airport") as { codes: Int32Array; dictionary: readonly string[] };
      const out = new Float64Array(300);
      column.codes.forEach((c) => out[Number(column.dictionary[c].slice(1))]++);
      return out;
    };
    const ca = counts(a);
    const cb = counts(b);
    const null_ = jensenShannonNull(ca, cb, 400, new Random(3));
    // scipy: many pairs of fresh samples from the pooled frequencies, their mean JS divergence (base 2, squared distance).
    const reference = python<{ mean: number; observed: number }>(
      `
import json, sys
import numpy as np
from scipy.spatial.distance import jensenshannon
d = json.load(sys.stdin)
a, b = np.array(d["a"]), np.array(d["b"])
p = (a + b) / (a + b).sum()
rng = np.random.default_rng(0)
sims = [jensenshannon(rng.multinomial(3000, p), rng.multinomial(3000, p), base=2) ** 2 for _ in range(2000)]
emit({"mean": float(np.mean(sims)), "observed": float(jensenshannon(a, b, base=2))})`,
      JSON.stringify({ a: [...ca], b: [...cb] }),
    ).value;
    expect(jensenShannon(ca, cb)).toBeCloseTo(reference.observed, 12);
    expect(Math.abs(null_.mean - reference.mean) / reference.mean).toBeLessThan(0.05);
    // The first-order formula holds only roughly with many sparse categories; that is why drift permutes.
    expect(Math.abs(jensenShannonBias(300, 3000, 3000) - reference.mean) / reference.mean).toBeLessThan(0.35);
    // Uncorrected, two samples of one distribution sit at a JS distance far above the 0.1 threshold.
    expect(reference.observed).toBeGreaterThan(0.15);
  });

  it("twenty pairs of samples of one 300-category distribution at 3,000 rows: none flagged", async () => {
    let flagged = 0;
    for (let s = 0; s < 20; s++) {
      const result = await drift(categories(3000, 300, 100 + s), categories(3000, 300, 200 + s), { seed: s });
      if (result.data.columns[0].drifted) flagged++;
      expect(result.data.columns[0].rawEffect!).toBeGreaterThan(0.1);
    }
    expect(flagged).toBe(0);
  }, 120_000);

  it("a real shift in such a column is still flagged: the ten busiest categories three times as common", async () => {
    const result = await drift(categories(3000, 300, 5), categories(3000, 300, 6, 3, 10));
    expect(result.data.columns[0]).toMatchObject({ drifted: true, method: "Jensen–Shannon beyond chance" });
    expect(result.verdict.level).toBe("fail");
    // And with a small reference, through the chi-squared test.
    const small = await drift(categories(800, 300, 7), categories(800, 300, 8, 3, 10));
    expect(small.data.columns[0].drifted).toBe(true);
    const smallNull = await drift(categories(800, 300, 9), categories(800, 300, 10));
    expect(smallNull.data.columns[0].drifted).toBe(false);
  }, 60_000);
});

describe("drift on outside data", () => {
  it("vega-datasets' weather.csv: Seattle 2012 against 2013 against scipy (the labels changed), and Seattle against New York", async () => {
    const { load } = await import("../../src/data/convert.js");
    const weather = await load("node_modules/vega-datasets/data/weather.csv");
    const rows = weather.toRecords() as { location: string; date: Date; precipitation: number; temp_max: number; temp_min: number; wind: number; weather: string }[];
    const pick = (where: (r: (typeof rows)[number]) => boolean) => toDataset(rows.filter(where).map(({ date: _, location: __, ...r }) => r));
    const seattle = (year: number) => pick((r) => r.location === "Seattle" && r.date.getUTCFullYear() === year);
    const [y2012, y2013] = [seattle(2012), seattle(2013)];
    const years = await drift(y2012, y2013, { largeSample: 300 });
    const reference = python<Record<string, number>>(
      `
import pandas as pd
from scipy.stats import wasserstein_distance
from scipy.spatial.distance import jensenshannon
d = pd.read_csv("node_modules/vega-datasets/data/weather.csv", parse_dates=["date"])
s = d[d.location == "Seattle"]
a, b = s[s.date.dt.year == 2012], s[s.date.dt.year == 2013]
out = {c: wasserstein_distance(a[c], b[c]) / a[c].std(ddof=0) for c in ["precipitation", "temp_max", "temp_min", "wind"]}
counts = pd.concat([a.weather.value_counts().rename("a"), b.weather.value_counts().rename("b")], axis=1).fillna(0)
out["weather"] = float(jensenshannon(counts.a, counts.b, base=2))
emit(out)`,
    ).value;
    for (const c of years.data.columns) {
      if (c.type === "numeric") expect(c.effect).toBeCloseTo(reference[c.column], 10);
      else expect(c.rawEffect).toBeCloseTo(reference[c.column], 10);
    }
    // Seattle's weather labels changed between years (2012 records rain and drizzle where 2013 records sun): drift found, well beyond chance with five labels.
    const labels = years.data.columns.find((c) => c.column === "weather")!;
    expect(labels.drifted).toBe(true);
    expect(labels.rawEffect! - labels.effect).toBeLessThan(0.02);
    const cities = await drift(pick((r) => r.location === "Seattle"), pick((r) => r.location === "New York"));
    expect(cities.data.columns.find((c) => c.column === "temp_min")!.drifted).toBe(true);
    expect(cities.verdict.level).not.toBe("ok");
  }, 60_000);

  it("vega-datasets' flights-10k: two random halves of January's 300 airports are one distribution", async () => {
    const { load } = await import("../../src/data/convert.js");
    const flights = await load("node_modules/vega-datasets/data/flights-10k.json");
    const order = new Random(1).permutation(flights.nRows);
    const half = flights.nRows >> 1;
    const [a, b] = [flights.take(order.subarray(0, half).sort()), flights.take(order.subarray(half).sort())];
    const result = await drift(a.select(["origin", "destination", "distance", "delay"]), b.select(["origin", "destination", "distance", "delay"]));
    expect(new Set((a.column("origin") as { dictionary: readonly string[] }).dictionary).size).toBeGreaterThan(200);
    expect(result.data.columns.map((c) => [c.column, c.drifted])).toEqual([["origin", false], ["destination", false], ["distance", false], ["delay", false]]);
    expect(result.data.columns[0].rawEffect!).toBeGreaterThan(0.1);
    expect(result.verdict.level).toBe("ok");
  });

  it("statsmodels' macrodata: 1959–1983 against 1984–2009, KS statistics against scipy; levels drift, rates less", async () => {
    const path = STATSMODELS_DATA("macrodata/macrodata.csv");
    const { load } = await import("../../src/data/convert.js");
    const macro = await load(path);
    const early = macro.where("year", (y) => (y as number) < 1984);
    const late = macro.where("year", (y) => (y as number) >= 1984);
    const columns = ["realgdp", "cpi", "unemp", "infl", "realint"];
    const result = await drift(early, late, { columns });
    const reference = python<number[]>(
      `
import pandas as pd
from scipy.stats import ks_2samp
d = pd.read_csv(${JSON.stringify(path)})
a, b = d[d.year < 1984], d[d.year >= 1984]
emit([float(ks_2samp(a[c], b[c]).statistic) for c in ${JSON.stringify(columns)}])`,
    ).value;
    result.data.columns.forEach((c, i) => expect(c.effect).toBeCloseTo(reference[i], 12));
    expect(result.data.columns.find((c) => c.column === "realgdp")!.drifted).toBe(true);
    expect(result.data.columns.find((c) => c.column === "cpi")!.drifted).toBe(true);
    expect(result.verdict.level).toBe("fail");
  });
});
