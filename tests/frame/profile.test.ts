import { describe, expect, it } from "vitest";
import { profile } from "../../src/frame/profile/index.js";
import { load } from "../../src/data/convert.js";
import { Dataset } from "../../src/data/dataset.js";
import { dependencyDir } from "../../src/util/package-root.js";
import { LitmlError } from "../../src/errors.js";
import { python } from "../helpers/python.js";
import { STATSMODELS_DATA } from "../helpers/outside-data.js";

const penguinsFile = `${dependencyDir("vega-datasets")}/data/penguins.json`;

describe("profile of penguins, against pandas and scipy", () => {
  // pandas reads the same file; "." is a placeholder for a missing sex, as litml's missing rule says.
  const ref = python<{
    missing: Record<string, number>;
    distinct: Record<string, number>;
    min: Record<string, number>;
    max: Record<string, number>;
    mean: Record<string, number>;
    balance: Record<string, number>;
    duplicates: number;
    sexVsSpecies: number;
  }>(`
import pandas as pd
from scipy.stats import chi2_contingency
df = pd.read_json(${JSON.stringify(penguinsFile)}).replace({".": None})
numeric = df.select_dtypes("number")
table = pd.crosstab(df["Sex"].isna(), df["Species"])
emit({
  "missing": {k: int(v) for k, v in df.isna().sum().items()},
  "distinct": {k: int(v) for k, v in df.nunique().items()},
  "min": {k: float(v) for k, v in numeric.min().items()},
  "max": {k: float(v) for k, v in numeric.max().items()},
  "mean": {k: float(v) for k, v in numeric.mean().items()},
  "balance": {k: int(v) for k, v in df["Species"].value_counts().items()},
  "duplicates": int(df.duplicated().sum()),
  "sexVsSpecies": float(chi2_contingency(table, correction=False)[1]),
})`);

  it("counts rows, columns, missing and distinct values as pandas does", async () => {
    const result = await profile("penguins");
    expect(result.data.rows).toBe(344);
    expect(result.data.columns).toBe(7);
    for (const c of result.data.columnProfiles) {
      expect(c.missing, `${c.name} missing (pandas ${ref.versions.pandas})`).toBe(ref.value.missing[c.name]);
      expect(c.distinct, `${c.name} distinct`).toBe(ref.value.distinct[c.name]);
      if (c.type === "number") {
        expect(c.min).toBe(ref.value.min[c.name]);
        expect(c.max).toBe(ref.value.max[c.name]);
        expect(c.mean).toBeCloseTo(ref.value.mean[c.name], 10);
      }
    }
    expect(result.data.duplicateRows).toBe(ref.value.duplicates);
  });

  it("tests missingness against the target with scipy's chi-squared p-value", async () => {
    const result = await profile("penguins");
    const sex = result.data.columnProfiles.find((c) => c.name === "Sex")!;
    expect(sex.missingVsTarget?.test).toBe("chi-squared");
    expect(sex.missingVsTarget?.pValue).toBeCloseTo(ref.value.sexVsSpecies, 12);
    // Five columns tested: Holm multiplies the smallest p-value by 5.
    expect(sex.missingVsTarget?.adjustedPValue).toBeCloseTo(Math.min(1, 5 * ref.value.sexVsSpecies), 12);
  });

  it("reports the class balance of the target", async () => {
    const result = await profile("penguins");
    const balance = Object.fromEntries(result.data.classBalance!.map((c) => [c.label, c.count]));
    expect(balance).toEqual(ref.value.balance);
  });

  it("names the biggest problem in the verdict, with numbers", async () => {
    const result = await profile("penguins");
    expect(result.verdict.level).toBe("warn");
    expect(result.verdict.text).toContain('"Sex" is missing in 11 of 344 rows (3.2%)');
  });
});

describe("profile finds planted problems", () => {
  it("a column missing mostly for one class is related to the target, and the verdict says so", async () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({
      label: i % 2 === 0 ? "yes" : "no",
      income: i % 2 === 0 && i % 10 !== 0 ? null : i,
      age: 20 + (i % 50),
    }));
    const result = await profile(rows, { target: "label" });
    const income = result.data.columnProfiles.find((c) => c.name === "income")!;
    expect(income.missingVsTarget?.related).toBe(true);
    expect(income.missingVsTarget!.adjustedPValue).toBeLessThan(1e-6);
    expect(result.verdict.level).toBe("fail");
    expect(result.verdict.text).toMatch(/"income" is missing in 160 of 400 rows .*related to label/);
  });

  it("a missing target, a constant column, duplicates, an id column and text in a numeric column", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({
      id: `row-${i}`,
      y: i === 3 ? null : i % 3 === 0 ? "a" : "b",
      same: 1,
      price: i === 7 ? "unknown" : String(i % 5),
    }));
    rows.push({ ...rows[10] });
    const result = await profile(rows, { target: "y" });
    const kinds = result.data.problems.map((p) => p.kind);
    // One row in 51 without a target is worth a warning; text read into a numeric column outranks it.
    expect(result.data.problems.find((p) => p.kind === "missing-target")!.level).toBe("warn");
    expect(kinds).toEqual(expect.arrayContaining(["missing-target", "constant", "duplicates", "text-in-numeric"]));
    expect(result.data.duplicateRows).toBe(1);
  });

  it("an identifier column is flagged", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ id: `u${i}`, v: i % 4 }));
    const result = await profile(rows);
    expect(result.data.problems.map((p) => p.kind)).toContain("identifier");
  });

  it("clean data gets an ok verdict", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ x: i, y: i % 2 ? "a" : "b" }));
    const result = await profile(rows, { target: "y" });
    expect(result.verdict.level).toBe("ok");
  });

  it("strong imbalance is reported", async () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ x: i, y: i < 5 ? "fraud" : "ok" }));
    const result = await profile(rows, { target: "y" });
    expect(result.data.problems[0].kind).toBe("imbalance");
    expect(result.verdict.text).toContain('"fraud" has 5 rows (2.5%)');
  });
});

describe("profile rejects bad input with a LitmlError", () => {
  it("an empty table", async () => {
    await expect(profile([])).rejects.toThrowError(LitmlError);
    await expect(profile((await load("penguins")).take([]))).rejects.toThrowError(/"penguins" has no rows/);
  });

  it("an unknown target column, with a suggestion", async () => {
    await expect(profile("penguins", { target: "species" })).rejects.toThrowError(/Did you mean "Species"\?/);
  });

  it("an unknown option, with a suggestion", async () => {
    await expect(profile("penguins", { targt: "Species" } as never)).rejects.toThrowError(/unknown option "targt"\. Did you mean "target"\?/);
  });

  it("an unknown registry name", async () => {
    await expect(profile("penguin")).rejects.toThrowError(/Did you mean "penguins"\?/);
  });
});

describe("profile weighs findings by their size and lists every one", () => {
  /** `n` different rows, then `copies` of the first rows appended. */
  const withCopies = (n: number, copies: number) => new Dataset([["x", { type: "number", values: Float64Array.from({ length: n + copies }, (_, i) => (i < n ? i : i - n)) }]]);

  it("191 duplicate rows in 3,000,000 (0.006%) are a minor finding, listed; 10% duplicates are a warning", async () => {
    const few = await profile(withCopies(3_000_000 - 191, 191));
    expect(few.data.duplicateRows).toBe(191);
    expect(few.data.problems).toEqual([expect.objectContaining({ kind: "duplicates", level: "ok" })]);
    expect(few.verdict.level).toBe("ok");
    expect(few.verdict.text).toMatch(/No data-quality problem worth a warning in 3,000,000 rows × 1 column\. One minor finding, listed below: 191 rows \(0\.0064%\) repeat an earlier row exactly/);
    const many = await profile(withCopies(9_000, 1_000));
    expect(many.data.problems[0]).toMatchObject({ kind: "duplicates", level: "warn" });
    expect(many.verdict.level).toBe("warn");
  }, 60_000);

  it("missing values too: 0.1% is minor, 5% a warning, 40% related to the target a failure", async () => {
    const rows = (share: number) => Array.from({ length: 2000 }, (_, i) => ({ x: i / 2000 < share ? null : i, y: i % 2 ? "a" : "b" }));
    expect((await profile(rows(0.001), { target: "y" })).data.problems[0].level).toBe("ok");
    expect((await profile(rows(0.05), { target: "y" })).data.problems[0].level).toBe("warn");
    const related = Array.from({ length: 2000 }, (_, i) => ({ x: i % 2 && i % 5 ? null : i, y: i % 2 ? "a" : "b" }));
    expect((await profile(related, { target: "y" })).verdict.level).toBe("fail");
  });

  it("every finding counted is shown: the verdict's tally matches the notes, one note per finding", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({
      id: `row-${i}`,
      y: i === 3 ? null : i % 3 === 0 ? "a" : "b",
      same: 1,
      also: "x",
      price: i === 7 ? "unknown" : String(i % 5),
      a: i % 4 === 0 ? null : i,
      b: i % 6 === 0 ? null : i,
      c: i === 9 ? null : i,
    }));
    rows.push({ ...rows[10] });
    const result = await profile(rows, { target: "y" });
    const [headline, ...rest] = result.data.problems;
    expect(result.data.problems.length).toBeGreaterThan(7);
    expect(result.verdict.text).toContain(headline.text);
    expect(result.notes).toHaveLength(rest.length);
    rest.forEach((p, i) => expect(result.notes[i]).toContain(p.text));
    const worth = rest.filter((p) => p.level !== "ok").length;
    const minor = rest.length - worth;
    expect(result.verdict.text).toContain(`Also below: ${[worth ? `${worth} more worth a look` : "", minor ? `${minor} minor` : ""].filter(Boolean).join(", ")}.`);
  });
});

describe("profile on outside data, against pandas", () => {
  const counts = (path: string, sep = ",") =>
    python<{ rows: number; duplicates: number }>(
      `
import pandas as pd
d = pd.read_csv(${JSON.stringify(path)}, sep=${JSON.stringify(sep)})
emit({"rows": len(d), "duplicates": int(d.duplicated().sum())})`,
    ).value;

  it("statsmodels' fair: 16% of the survey rows repeat an earlier row, a warning", async () => {
    const path = STATSMODELS_DATA("fair/fair.csv");
    const result = await profile(path);
    const reference = counts(path);
    expect(result.data.rows).toBe(reference.rows);
    expect(result.data.duplicateRows).toBe(reference.duplicates);
    expect(result.data.problems.find((p) => p.kind === "duplicates")!.level).toBe("warn");
  });

  it("scikit-learn's iris: one repeated flower among 150 is a minor finding, shown", async () => {
    // load_iris reads the CSV scikit-learn ships (sklearn/datasets/data/iris.csv, whose first line is a count header).
    const reference = python<{ duplicates: number }>(
      `
from sklearn.datasets import load_iris
import pandas as pd
d = load_iris(as_frame=True).frame
emit({"duplicates": int(d.duplicated().sum())})`,
    ).value;
    const iris = python<Record<string, number>[]>(
      `
from sklearn.datasets import load_iris
emit(load_iris(as_frame=True).frame.to_dict(orient="records"))`,
    ).value;
    const result = await profile(iris, { target: "target" });
    expect(result.data.duplicateRows).toBe(reference.duplicates);
    expect(reference.duplicates).toBeGreaterThan(0);
    expect(result.verdict.level).toBe("ok");
    expect(result.notes.join(" ") + result.verdict.text).toMatch(/1 row \(0\.67%\) repeats an earlier row exactly/);
  });
});
