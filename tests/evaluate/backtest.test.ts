import path from "node:path";
import { describe, expect, it } from "vitest";
import { load } from "../../src/data/convert.js";
import { backtest } from "../../src/evaluate/backtest/index.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";

const VEGA = path.resolve("node_modules/vega-datasets/data");

function series(n: number, drift: boolean, seed: number) {
  const random = new Random(seed);
  return Array.from({ length: n }, (_, i) => {
    const x = random.normal();
    // With drift, the relationship between x and y reverses progressively over time.
    const flipped = drift && random.float() < i / n;
    return { t: i, x, y: (flipped ? -x : x) + random.normal() * 0.3 > 0 ? "up" : "down" };
  });
}

/**
 * The reference for lagged baselines on interleaved series: folds from scikit-learn's
 * TimeSeriesSplit over the distinct timestamps, the baseline from pandas' groupby(series).shift(lag),
 * n/a for a series in a period when it has fewer than `lag` earlier rows; RMSE per series and period.
 */
function pandasBaselines(read: string, series: string, target: string, folds: number, lag: number) {
  return python<{ fold: number; series: string; rows: number; rmse: number | null }[]>(`
import numpy as np, pandas as pd
from sklearn.model_selection import TimeSeriesSplit
d = ${read}
d = d.sort_values(["date", "${series}"], kind="stable").reset_index(drop=True)
d["prior"] = d.groupby("${series}")["${target}"].shift(${lag})
dates = np.sort(d["date"].unique())
out = []
for f, (train, test) in enumerate(TimeSeriesSplit(n_splits=${folds}).split(dates)):
    block = d[d["date"].isin(dates[test])]
    for name, rows in block.groupby("${series}"):
        history = (d[(d["${series}"] == name)]["date"] < dates[test][0]).sum()
        if history >= ${lag}:
            rmse = float(np.sqrt(np.mean((rows["${target}"] - rows["prior"]) ** 2)))
        else:
            rmse = None
        out.append({"fold": f + 1, "series": name, "rows": len(rows), "rmse": rmse})
emit(out)`.replace("${read}", read).replaceAll("${series}", series).replaceAll("${target}", target).replace("${folds}", String(folds)).replaceAll("${lag}", String(lag)));
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

  it("never trains on rows later than its test rows, however the rows come", async () => {
    const rows = series(600, false, 3).reverse();
    const result = await backtest(rows, { target: "y", time: "t", folds: 4, gap: 5 });
    for (const f of result.data.folds) expect(f.trainRows).toBeLessThanOrEqual((f.from as number) - 5);
  });

  it("keeps rows sharing the first test timestamp out of training (the validation engine's time plan)", async () => {
    const rows = Array.from({ length: 600 }, (_, i) => ({ day: Math.floor(i / 4), x: i % 7, y: i % 2 ? "a" : "b" }));
    const result = await backtest(rows, { target: "y", time: "day", folds: 3, horizon: 150 });
    expect(result.notes.join(" ")).toMatch(/shared a timestamp with the first test row/);
    // 600 rows, 3 blocks of 150: the first block starts at row 150 (day 37.5), so rows 148–149 of day 37 leave its training.
    expect(result.data.folds[0].trainRows).toBe(148);
  });

  it("numbers periods from 1 in the data, the table and the chart alike", async () => {
    const result = await backtest(series(600, false, 6), { target: "y", time: "t", folds: 3 });
    expect(result.data.folds.map((f) => f.fold)).toEqual([1, 2, 3]);
    expect(result.table!.rows.map((r) => r[0])).toEqual([1, 2, 3]);
    const periods = [...new Set(((result.chart as { data: { values: { period: string }[] } }).data.values).map((v) => v.period))];
    expect(periods.map((p) => Number(p.split(":")[0]))).toEqual([1, 2, 3]);
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

describe("backtest per series, on outside data", () => {
  it("stocks.csv (vega-datasets, 5 interleaved series): persistence per stock equals pandas' groupby shift(1), n/a where a stock has no history yet", async () => {
    const stocks = (await load(path.join(VEGA, "stocks.csv"))).toRecords().map((r) => ({ ...r, date: new Date(`${r.date} UTC`) }));
    const result = await backtest(stocks, { target: "price", time: "date", series: "symbol", folds: 4 });
    const reference = pandasBaselines(`pd.read_csv("${VEGA}/stocks.csv").assign(date=lambda t: pd.to_datetime(t["date"], format="%b %d %Y"))`, "symbol", "price", 4, 1);
    const ours = result.data.series!.flatMap((s) => s.folds.map((f) => ({ fold: f.fold, series: s.series, rows: f.rows, rmse: f.baseline })));
    expect(ours.length).toBe(reference.value.length);
    for (const ref of reference.value) {
      const mine = ours.find((o) => o.fold === ref.fold && o.series === ref.series)!;
      expect(mine.rows).toBe(ref.rows);
      if (ref.rmse === null) expect(mine.rmse).toBeNull();
      else expect(mine.rmse!).toBeCloseTo(ref.rmse, 9);
    }
    // GOOG starts trading (in this file) inside period 2: no earlier price, so no persistence there.
    expect(ours.find((o) => o.series === "GOOG" && o.fold === 2)!.rmse).toBeNull();
    // A ridge on the symbol alone cannot follow prices: it loses to persistence in every stock, and says so.
    expect(result.verdict.level).toBe("warn");
    expect(result.verdict.text).toMatch(/Per series of symbol, it beat the baseline in 0 of 5/);
    // One panel per stock, drawn (a missing baseline point leaves a gap, not an error).
    expect((result.chart as { facet: { field: string } }).facet.field).toBe("series");
    expect(result.svg).toMatch(/^<svg[\s\S]*GOOG/);
  }, 60_000);

  it("two cities' daily weather (vega-datasets weather.csv): the seasonal baseline per city equals pandas' shift(365), n/a in a period with less than a year of history", async () => {
    const weather = await load(path.join(VEGA, "weather.csv"));
    const result = await backtest(weather, { target: "temp_max", time: "date", series: "location", baseline: "seasonal", season: 365, folds: 4 });
    const reference = pandasBaselines(`pd.read_csv("${VEGA}/weather.csv", parse_dates=["date"])`, "location", "temp_max", 4, 365);
    for (const ref of reference.value) {
      const mine = result.data.series!.find((s) => s.series === ref.series)!.folds.find((f) => f.fold === ref.fold)!;
      expect(mine.rows).toBe(ref.rows);
      if (ref.rmse === null) expect(mine.baseline).toBeNull();
      else expect(mine.baseline!).toBeCloseTo(ref.rmse, 9);
    }
    expect(result.data.folds[0].baseline).toBeNull();
    expect(result.data.comparedIn).toBe(3);
    expect(result.verdict.text).toMatch(/in \d of 3 periods \(n\/a in 1 with less than a season of history\)/);
    expect(result.table!.columns).toContain("location");
  }, 60_000);
});

/**
 * The reference for a whole period: TimeSeriesSplit over the distinct timestamps, persistence from
 * pandas' groupby(series).shift(1) where the series has an earlier row before the period, and the
 * mean of the training prices (the zero rule) as the model, both scored on exactly those rows.
 */
function pandasPeriods(folds: number) {
  return python<{ fold: number; test: number; scored: number; model: number; modelAll: number; baseline: number }[]>(`
import numpy as np, pandas as pd
from sklearn.model_selection import TimeSeriesSplit
d = pd.read_csv("${VEGA}/stocks.csv").assign(date=lambda t: pd.to_datetime(t["date"], format="%b %d %Y"))
d = d.sort_values(["date", "symbol"], kind="stable").reset_index(drop=True)
d["prior"] = d.groupby("symbol")["price"].shift(1)
dates = np.sort(d["date"].unique())
rmse = lambda a, b: float(np.sqrt(np.mean((np.asarray(a) - np.asarray(b)) ** 2)))
out = []
for f, (train, test) in enumerate(TimeSeriesSplit(n_splits=${folds}).split(dates)):
    block = d[d["date"].isin(dates[test])]
    mean = d[d["date"].isin(dates[train])]["price"].mean()
    first = d.groupby("symbol")["date"].min()
    kept = block[block["symbol"].map(first) < dates[test][0]]
    out.append({"fold": f + 1, "test": len(block), "scored": len(kept), "model": rmse(kept["price"], mean), "modelAll": rmse(block["price"], mean), "baseline": rmse(kept["price"], kept["prior"])})
emit(out)`);
}

describe("backtest: the model and the baseline on the same rows", () => {
  it("stocks.csv: in the period where GOOG starts, both are scored on the other stocks' rows, as pandas scores them; the table says how many rows", async () => {
    const stocks = (await load(path.join(VEGA, "stocks.csv"))).toRecords().map((r) => ({ ...r, date: new Date(`${r.date} UTC`) }));
    const result = await backtest(stocks, { target: "price", time: "date", series: "symbol", model: "zero-rule" });
    const reference = pandasPeriods(5).value;
    expect(result.data.folds.length).toBe(reference.length);
    for (const [i, ref] of reference.entries()) {
      const f = result.data.folds[i];
      expect([f.testRows, f.scoredRows]).toEqual([ref.test, ref.scored]);
      expect(f.model).toBeCloseTo(ref.model, 9);
      expect(f.modelAllRows).toBeCloseTo(ref.modelAll, 9);
      expect(f.baseline!).toBeCloseTo(ref.baseline, 9);
      expect(f.beats).toBe(ref.model < ref.baseline);
    }
    // Period 2: GOOG's first 8 rows have no earlier price; 80 of 88 rows are scored.
    expect([result.data.folds[1].testRows, result.data.folds[1].scoredRows]).toEqual([88, 80]);
    const columns = result.table!.columns;
    expect(columns).toContain("rows scored");
    const all = result.table!.rows.filter((r) => r[1] === "(all)");
    expect(all.map((r) => r[columns.indexOf("rows scored")])).toEqual(reference.map((r) => r.scored));
    expect(result.notes.join(" ")).toMatch(/both scored on the other series' rows only \(80 of 88 rows in period 2\)/);
  }, 60_000);

  it("stocks.csv with last month's price as a feature and the default ridge (the reviewer's case): period 2 scores the model on the 80 rows the baseline covers, not on GOOG's first rows", async () => {
    // The reviewer's table: pandas' groupby("symbol").shift(1) as lag1, each stock's first month dropped.
    const records = (await load(path.join(VEGA, "stocks.csv"))).toRecords();
    const stocks = records.flatMap((r, i) => (i > 0 && records[i - 1].symbol === r.symbol ? [{ symbol: r.symbol, date: new Date(`${r.date} UTC`), price: r.price, lag1: records[i - 1].price }] : []));
    expect(stocks.length).toBe(555);
    const result = await backtest(stocks, { target: "price", time: "date", series: "symbol" });
    const f = result.data.folds[1];
    expect(f.scoredRows).toBe(80);
    // Before the fix the period read 12.67 (87 rows, GOOG's first rows at RMSE 42) against the baseline's 3.56 on 80 rows.
    expect(f.modelAllRows).toBeCloseTo(12.67, 2);
    expect(f.model).toBeCloseTo(4.35, 2);
    expect(f.baseline!).toBeCloseTo(3.56, 2);
  }, 60_000);
});

/** vega-datasets weather.csv as the reviewer read it: rain or not from the weather, without precipitation (which gives it away). */
async function rain() {
  return (await load(path.join(VEGA, "weather.csv"))).toRecords().map(({ weather, precipitation: _p, ...r }) => ({ ...r, rain: weather === "rain" ? "yes" : "no" }));
}

/** A drift of `strength`: the share of rows whose relationship is reversed grows to `strength` at the end. */
function drifting(n: number, strength: number, seed: number) {
  const random = new Random(seed);
  return Array.from({ length: n }, (_, i) => {
    const x = random.normal();
    const flipped = random.float() < (strength * i) / n;
    return { t: i, x, y: (flipped ? -x : x) + random.normal() * 0.3 > 0 ? "up" : "down" };
  });
}

describe("backtest: the framing card's success value and minimum gain", () => {
  it("weather.csv, card balanced-accuracy 0.8: every period (0.72 to 0.75) falls short, so it warns with the gap; at 0.7 it is met", async () => {
    const data = await rain();
    const short = await backtest(data, { target: "rain", series: "location", card: { metric: "balanced-accuracy", success: 0.8, time: "date" } });
    const scores = short.data.folds.map((f) => f.model);
    expect(short.data.metric).toBe("balanced-accuracy");
    expect(short.data.goal).toEqual({ metric: "balanced-accuracy", greaterIsBetter: true, success: 0.8 });
    expect(Math.max(...scores)).toBeLessThan(0.8);
    expect(short.data.beatsBaselineIn).toBe(5);
    expect(short.verdict.level).toBe("warn");
    const gap = (x: number) => String(Number((0.8 - x).toPrecision(3)));
    expect(short.verdict.text).toContain(`falls short of the framing card's success value (balanced-accuracy 0.8) in all 5 periods, by ${gap(Math.max(...scores))} to ${gap(Math.min(...scores))}`);
    const met = await backtest(data, { target: "rain", series: "location", card: { metric: "balanced-accuracy", success: 0.7, time: "date" } });
    expect(met.verdict.level).toBe("ok");
    expect(met.verdict.text).toContain("It meets the framing card's success value (balanced-accuracy 0.7) in every period.");
  }, 60_000);

  it("weather.csv: a minimum gain of 0.5 over the zero rule (balanced accuracy 0.5) is not reached by gains near 0.23, and it says so", async () => {
    const result = await backtest(await rain(), { target: "rain", series: "location", card: { metric: "balanced-accuracy", success: 0.7, minGain: 0.5, time: "date" } });
    expect(result.data.folds.every((f) => f.baseline === 0.5)).toBe(true);
    expect(result.verdict.level).toBe("warn");
    expect(result.verdict.text).toMatch(/gain over the baseline is below the framing card's minimum gain \(0\.5\) in all 5 periods where both were scored: it gained 0\.2\d+ to 0\.2\d+/);
  }, 60_000);

  it("names a card whose metric does not fit the task (rmse on classes) in a note, and the metric option that overrides the card's", async () => {
    const data = await rain();
    const unfit = await backtest(data, { target: "rain", series: "location", card: { metric: "rmse", success: 5, time: "date" } });
    expect(unfit.data.metric).toBe("accuracy");
    expect(unfit.data.goal).toBeUndefined();
    expect(unfit.notes.join(" ")).toMatch(/The framing card's metric rmse does not fit this target \(classes\), so backtest scored accuracy instead; its success value 5 was not compared/);
    const overridden = await backtest(data, { target: "rain", series: "location", metric: "accuracy", card: { metric: "balanced-accuracy", success: 0.8, time: "date" } });
    expect(overridden.notes.join(" ")).toMatch(/success value 0\.8 is in balanced-accuracy, but backtest scored accuracy \(the metric option\)/);
    // Without a card, no note about one.
    const plain = await backtest(data, { target: "rain", series: "location", time: "date" });
    expect(plain.notes.join(" ")).not.toMatch(/framing card/);
  }, 60_000);
});

describe("backtest: a trend on a few periods fails only when the drop matters", () => {
  it("a significant decline that still beats the zero rule in the last period warns; the trend's p-value is scipy's linregress on the period scores", async () => {
    const result = await backtest(drifting(3000, 0.3, 1), { target: "y", time: "t", folds: 5 });
    const ref = python<number>(`
from scipy.stats import linregress
emit(float(linregress([1, 2, 3, 4, 5], ${JSON.stringify(result.data.folds.map((f) => f.model))}).pvalue))`);
    expect(result.data.trend.pValue).toBeCloseTo(ref.value, 9);
    expect(result.data.significantTrend).toBe(true);
    expect(result.data.folds[4].beats).toBe(true);
    expect(result.data.degrading).toBe(false);
    expect(result.verdict.level).toBe("warn");
    expect(result.data.drop!.material).toBe(false);
    expect(result.data.drop!.size).toBeLessThan(result.data.drop!.lead! / 2);
    expect(result.verdict.text).toMatch(/^Worsening: .*the last period still beats the baseline, and the fitted drop \(0\.\d+\) is less than half the model's mean lead over the baseline \(0\.\d+\)\. A warning, not yet a failure/);
  });

  it("the same decline fails once the last period misses the card's success value", async () => {
    const result = await backtest(drifting(3000, 0.3, 1), { target: "y", time: "t", folds: 5, card: { metric: "accuracy", success: 0.75 } });
    expect(result.data.folds[4].model).toBeLessThan(0.75);
    expect(result.data.degrading).toBe(true);
    expect(result.verdict.level).toBe("fail");
    expect(result.verdict.text).toMatch(/in the last period it misses the success value 0\.75/);
  });

  it("a regression whose slope reverses over time (the reviewer's planted drift, three series): the fitted rise of RMSE dwarfs its lead over persistence, so it fails though persistence is worse still in the last period", async () => {
    let s = 99;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
    const day = (i: number) => new Date(Date.UTC(2015, 0, 1) + i * 86400000).toISOString().slice(0, 10);
    for (let k = 0; k < 10; k++) for (let i = 0; i < 1200; i++) gauss(); // the reviewer's script ran ten null tables first
    const rows = Array.from({ length: 400 }, (_, i) => ["a", "b", "c"].map((ser) => {
      const x = gauss();
      return { date: day(i), ser, x, y: (2 - (4 * i) / 400) * x + 0.5 * gauss() };
    })).flat();
    const result = await backtest(rows, { target: "y", time: "date", series: "ser" });
    expect(result.data.folds[4].beats).toBe(true);
    expect(result.data.drop!.material).toBe(true);
    expect(result.verdict.level).toBe("fail");
    expect(result.verdict.text).toMatch(/the fitted drop of \d\.\d+ eats at least half its mean lead over the last-value baseline/);
  });

  it("a stationary model is neither worsening nor degrading (null case)", async () => {
    for (const seed of [11, 12, 13]) {
      const result = await backtest(drifting(3000, 0, seed), { target: "y", time: "t", folds: 5 });
      expect(result.verdict.level).toBe("ok");
    }
  });
});

describe("backtest: bad input names the fix", () => {
  it("needs a time column, and says so", async () => {
    await expect(backtest(series(100, false, 4).map(({ t: _t, ...r }) => r), { target: "y" })).rejects.toThrowError(/--time COL.*no meaning without one/);
  });

  it("names the row of a missing or unparseable time", async () => {
    await expect(backtest([{ t: 1, y: "a" }, { t: null, y: "b" }], { target: "y", time: "t" })).rejects.toThrowError(/backtest: the time column "t" has a missing or unreadable value in row 1/);
    const rows = Array.from({ length: 40 }, (_, i) => ({ day: i === 17 ? "soon" : `2020-01-${String((i % 28) + 1).padStart(2, "0")}`, y: i }));
    await expect(backtest(rows, { target: "y", time: "day" })).rejects.toThrowError(/backtest: the time column "day" holds text, and row 17 reads "soon", which is not a date/);
  });

  it("refuses a series column with one value, naming it", async () => {
    const rows = series(200, false, 7).map((r) => ({ ...r, city: "Seattle" }));
    await expect(backtest(rows, { target: "y", time: "t", series: "city" })).rejects.toThrowError(/backtest: the series column "city" holds one value only \("Seattle"\).*leave out --series/);
  });

  it("a framing card whose time column is not in the data is refused by the validation engine, naming backtest", async () => {
    await expect(backtest(series(200, false, 8), { target: "y", card: { time: "tme" } })).rejects.toThrowError(/backtest: the framing card's time column "tme" is not in this data\. Did you mean "t"\?/);
  });

  it("leaves rows without a target out, with a note saying how many", async () => {
    const rows = series(300, false, 9).map((r, i) => (i % 50 === 7 ? { ...r, y: null } : r));
    const result = await backtest(rows, { target: "y", time: "t", folds: 3 });
    expect(result.notes[0]).toMatch(/^6 of 300 rows have no value in the target "y" \(the first is row 7\) and were left out/);
  });

  it("checks options against the schema", async () => {
    await expect(backtest(series(100, false, 4), { target: "y", time: "t", window: "rolling" as "sliding" })).rejects.toThrowError(/backtest: invalid window: "rolling"\. Did you mean "sliding"\? Choose one of "expanding", "sliding"/);
    await expect(backtest(series(100, false, 4), { target: "y", time: "t", baseline: "seasonal" })).rejects.toThrowError(/invalid season/);
  });
});
