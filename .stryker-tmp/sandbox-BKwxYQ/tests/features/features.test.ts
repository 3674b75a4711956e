// @ts-nocheck
import { describe, expect, it } from "vitest";
import { load, toDataset } from "../../src/data/convert.js";
import { dependencyDir } from "../../src/util/package-root.js";
import { Bucketize, Impute, OneHot, Ordinal, Scale, TargetEncode } from "../../src/features/steps.js";
import { pipelineFor } from "../../src/features/default-pipeline.js";
import { loadPipeline } from "../../src/features/pipeline.js";
import { targetOf } from "../../src/features/target.js";
import { python } from "../helpers/python.js";

const penguins = await load("penguins");
const penguinsFile = `${dependencyDir("vega-datasets")}/data/penguins.json`;
const numeric = ["Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"];

const ref = python<{
  imputed: number[][];
  standard: number[][];
  minmax: number[][];
  robust: number[][];
  quantiles: number[];
  proba: number[][];
}>(`
import numpy as np, pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler, MinMaxScaler, RobustScaler
from sklearn.linear_model import LogisticRegression
df = pd.read_json(${JSON.stringify(penguinsFile)}).replace({".": np.nan, None: np.nan})
num = ${JSON.stringify(numeric)}
X = df[num].to_numpy(dtype=float)
features = df.drop(columns=["Species"])
from references import penguin_pipeline
model = penguin_pipeline(LogisticRegression(C=1.0, tol=1e-12, max_iter=100000))
model.fit(features, df["Species"])
emit({
  "imputed": SimpleImputer(strategy="median", add_indicator=True).fit_transform(X)[:5].tolist(),
  "standard": StandardScaler().fit_transform(X)[:5].tolist(),
  "minmax": MinMaxScaler().fit_transform(X)[:5].tolist(),
  "robust": RobustScaler().fit_transform(X)[:5].tolist(),
  "quantiles": np.nanquantile(X[:, 3], [0.25, 0.5, 0.75]).tolist(),
  "proba": model.predict_proba(features)[:10].tolist(),
})`);

function rows(data: ReturnType<typeof toDataset>, names: readonly string[], count: number): (number | null)[][] {
  return Array.from({ length: count }, (_, r) => names.map((n) => data.get(r, n) as number | null));
}

describe("feature steps against scikit-learn", () => {
  it("impute: medians and missing indicators (SimpleImputer(median, add_indicator=True))", () => {
    const out = new Impute().fit(penguins).transform(penguins.select(numeric));
    const names = [...numeric, ...numeric.map((n) => `${n} (missing)`)];
    expect(rows(out, names, 5)).toEqual(ref.value.imputed);
  });

  it.each(["standard", "minmax", "robust"] as const)("scale: %s", (method) => {
    const data = penguins.select(numeric);
    const out = new Scale({ method }).fit(data).transform(data);
    const got = rows(out, numeric, 5);
    ref.value[method].forEach((row, r) =>
      row.forEach((want, c) => (Number.isNaN(want) || want === null ? expect(got[r][c]).toBeNull() : expect(got[r][c]).toBeCloseTo(want, 12))),
    );
  });

  it("bucketize: quantile edges as numpy computes them", () => {
    const data = penguins.select(["Body Mass (g)"]);
    const out = new Bucketize({ buckets: 4 }).fit(data).transform(data);
    const column = out.column("Body Mass (g)");
    expect(column.type).toBe("category");
    const [q1, q2, q3] = ref.value.quantiles;
    expect(column.type === "category" && column.dictionary).toEqual([`< ${q1}`, `[${q1}, ${q2})`, `[${q2}, ${q3})`, `≥ ${q3}`].map((l) => l.replace(/(\d+)\.0\b/g, "$1").replace(/(\d{4})/g, (m) => Number(m).toLocaleString("en-US"))));
  });
});

describe("one-hot encoding", () => {
  const train = toDataset([...["a", "a", "a", "b", "b", "b", "c", null]].map((v) => ({ v })));
  const fitted = new OneHot({ minFrequency: 2 }).fit(train);

  it("pools rare categories and keeps a missing column", () => {
    expect(fitted.transform(train).names).toEqual(["v=a", "v=b", "v=(rare)", "v=(missing)"]);
    expect(fitted.transform(train).get(6, "v=(rare)")).toBe(1);
  });

  it("sends a category unseen in training to the rare column, never to an error", () => {
    const test = toDataset([{ v: "zebra" }, { v: "a" }]);
    const out = fitted.transform(test);
    expect([out.get(0, "v=(rare)"), out.get(0, "v=a"), out.get(1, "v=a")]).toEqual([1, 0, 1]);
  });

  it("ordinal encoding maps unseen and missing to NaN", () => {
    const out = new Ordinal().fit(train).transform(toDataset([{ v: "b" }, { v: "zebra" }, { v: null }]));
    expect([out.get(0, "v"), out.get(1, "v"), out.get(2, "v")]).toEqual([1, null, null]);
  });
});

describe("target encoding", () => {
  const rowsOf = (labels: string[], y: number[]) => toDataset(labels.map((v, i) => ({ v, y: y[i] })));

  it("shrinks small categories towards the overall mean (hand computation)", () => {
    // "a": 3 rows, mean 1; overall mean 4/6; m = 2 → (3·1 + 2·4/6) / (3 + 2) = 13/15.
    const data = rowsOf(["a", "a", "a", "b", "b", "c"], [1, 1, 1, 0, 0, 1]);
    const fitted = new TargetEncode({ smoothing: 2 }).fit(data.select(["v"]), targetOf(data, "y", "regression"));
    expect(fitted.transform(toDataset([{ v: "a" }, { v: "unseen" }])).get(0, "v")).toBeCloseTo(13 / 15, 12);
    expect(fitted.transform(toDataset([{ v: "unseen" }])).get(0, "v")).toBeCloseTo(4 / 6, 12);
  });

  it("encodes training rows out of fold: a one-row category never sees its own label", () => {
    const labels = Array.from({ length: 50 }, (_, i) => (i === 0 ? "solo" : `g${i % 5}`));
    const y = labels.map((_, i) => (i === 0 ? 100 : i % 2));
    const data = rowsOf(labels, y);
    const { transformed } = new TargetEncode({ smoothing: 1, folds: 5 }).fitTransform(data.select(["v"]), targetOf(data, "y", "regression"));
    expect(transformed.get(0, "v")).toBeLessThan(5);
  });
});

describe("pipeline", () => {
  it("logistic pipeline on penguins matches scikit-learn's (impute + one-hot + scale + logistic)", async () => {
    const fitted = await pipelineFor("logistic", { C: 1, tolerance: 1e-10 }).fit(penguins, "Species");
    const proba = fitted.predictProba(penguins.head(10));
    expect(fitted.classes).toEqual(["Adelie", "Chinstrap", "Gentoo"]);
    ref.value.proba.forEach((row, r) => row.forEach((p, c) => expect(Math.abs(proba.data[c * 10 + r] - p), `row ${r} class ${c}`).toBeLessThan(1e-5)));
  });

  it("saves and loads with identical predictions", async () => {
    const fitted = await pipelineFor("logistic").fit(penguins, "Species");
    const loaded = loadPipeline(JSON.parse(JSON.stringify(fitted.toJSON())));
    expect([...loaded.predictProba(penguins).data]).toEqual([...fitted.predictProba(penguins).data]);
  });

  it("a baseline pipeline looks at no features", async () => {
    const fitted = await pipelineFor("zero-rule").fit(penguins, "Species");
    expect(fitted.model.features).toEqual([]);
    expect(new Set(fitted.predict(penguins))).toEqual(new Set([0]));
  });

  it("a category column without an encoder is a clear error", async () => {
    const { Pipeline } = await import("../../src/features/pipeline.js");
    const { createModel } = await import("../../src/models/registry.js");
    await expect(new Pipeline([], createModel("logistic")).fit(penguins, "Species")).rejects.toThrowError(/Column "Island" holds categories.*add an encoder/);
  });

  it("a missing target is named by row", async () => {
    await expect(pipelineFor("logistic").fit(penguins, "Sex")).rejects.toThrowError(/missing or not a number in row 3/);
  });
});
