/**
 * labeling on data the team did not make (issue #12): vega's movie titles with keyword rules,
 * and scikit-learn's breast-cancer data with simulated rules at planted accuracies (random,
 * backwards, duplicated), built by numpy exactly as the reviewer built them. Rates and
 * intervals are checked against pandas and statsmodels.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toDataset } from "../../src/data/convert.js";
import { ABSTAIN, lf } from "../../src/label/functions.js";
import { labeling } from "../../src/label/labeling/index.js";
import { SKLEARN_DATA, VEGA_DATA } from "../helpers/outside-data.js";
import { python } from "../helpers/python.js";

const FEATURES = Array.from({ length: 10 }, (_, i) => `m${i}`);

interface Simulated {
  rows: Record<string, number | string | null>[];
  /** Per function: [right, voted, chance rate, Wilson low, Wilson high]. */
  functions: number[][];
  /** The majority class on the covered rows: [class, right, rows, low, high]. */
  majority: [string, number, number, number, number];
}

/** The reviewer's prep_lab.py: five functions per data set, each voting on half the rows at a planted accuracy (numpy's generator, seed 1). */
const simulated = python<Record<string, Simulated>>(
  `
import numpy as np, pandas as pd
from statsmodels.stats.proportion import proportion_confint
raw = np.loadtxt(${JSON.stringify(SKLEARN_DATA("breast_cancer.csv"))}, delimiter=",", skiprows=1)
X = raw[:, :10]; y = np.where(raw[:, -1] == 1, "benign", "malignant")
rng = np.random.default_rng(1); n = len(y)
def lf(acc, cov):
    v = np.full(n, "", dtype=object)
    on = rng.random(n) < cov; right = rng.random(n) < acc
    other = np.where(y == "benign", "malignant", "benign")
    v[on] = np.where(right, y, other)[on]
    return v
out = {}
for name, accs in [("plant", [0.95, 0.85, 0.75, 0.65, 0.55]), ("null", [0.5]*5), ("bad", [0.9, 0.85, 0.3, 0.2, 0.8])]:
    V = [lf(a, 0.5) for a in accs]
    rows = [dict([(f"m{j}", float(X[i, j])) for j in range(10)] + [("diagnosis", str(y[i]))] + [(f"v{f+1}", V[f][i] or None) for f in range(5)]) for i in range(n)]
    shares = pd.Series(y).value_counts(normalize=True)
    fs = []
    for v in V:
        on = v != ""
        right = int((v[on] == y[on]).sum()); voted = int(on.sum())
        cast = pd.Series(v[on]).value_counts(normalize=True)
        chance = float(sum(cast[c] * shares[c] for c in cast.index))
        lo, hi = proportion_confint(right, voted, method="wilson")
        fs.append([right, voted, chance, lo, hi])
    covered = np.any(np.stack(V) != "", axis=0)
    counts = pd.Series(y[covered]).value_counts()
    lo, hi = proportion_confint(int(counts.iloc[0]), int(covered.sum()), method="wilson")
    out[name] = {"rows": rows, "functions": fs, "majority": [counts.index[0], int(counts.iloc[0]), int(covered.sum()), lo, hi]}
emit(out)`,
).value;

const votes = [1, 2, 3, 4, 5].map((i) => lf.fn(`v${i}`, (r) => (r[`v${i}`] as string | null) ?? ABSTAIN));
const run = (name: string, extra: object = {}) => labeling(toDataset(simulated[name].rows), { lfs: votes, gold: "diagnosis", features: FEATURES, ...extra });

describe("labeling against always answering the commonest class", () => {
  it("random rules on breast cancer: the label model below the majority-class rate is said, and the functions are at chance", async () => {
    const r = await run("null");
    const g = r.data.gold!;
    const [cls, right, rows, low, high] = simulated.null.majority;
    expect(g.majorityClass.class).toBe(cls);
    expect([g.majorityClass.correct, g.majorityClass.n]).toEqual([right, rows]);
    expect(g.majorityClass.low).toBeCloseTo(low, 10);
    expect(g.majorityClass.high).toBeCloseTo(high, 10);
    expect(g.labelModel.high).toBeLessThan(g.majorityClass.accuracy);
    r.data.functions.forEach((f, j) => expect(f.chance).toBeCloseTo(simulated.null.functions[j][2], 10));
    expect(r.verdict.level).toBe("warn");
    expect(r.verdict.text).toContain(`always answering "benign"`);
    expect(r.verdict.text).toMatch(/"v\d".*vote no better than chance/);
    // The smallest gold sample tried already beats the weak labels: a floor, not an estimate.
    const e = r.data.endModel!;
    expect(e.goldToMatch).toBe(e.curve[0].size);
    expect(r.verdict.text).toContain(`${e.curve[0].size} or fewer gold labels match it`);
    expect(r.verdict.text).not.toContain("about 25");
  }, 60_000);

  it("planted rules: nothing named, the label model beats the majority class, and the learning-curve floor is said as a floor", async () => {
    const r = await run("plant");
    const g = r.data.gold!;
    expect(g.labelModel.low).toBeGreaterThan(g.majorityClass.accuracy);
    expect(r.verdict.text).not.toContain("always answering");
    expect(r.verdict.text).not.toContain("against the truth");
    const e = r.data.endModel!;
    if (e.goldToMatch === e.curve[0].size) expect(r.verdict.text).toContain(`${e.curve[0].size} or fewer gold labels`);
    else expect(r.verdict.text).not.toContain("or fewer");
  }, 60_000);
});

describe("labeling names bad functions when gold labels exist", () => {
  it("backwards rules (0.3 and 0.2 on gold) are named against their chance rate, with statsmodels' Wilson interval", async () => {
    const r = await run("bad");
    const ref = simulated.bad.functions;
    r.data.functions.forEach((f, j) => {
      expect([f.gold!.correct, f.gold!.n]).toEqual([ref[j][0], ref[j][1]]);
      expect(f.chance).toBeCloseTo(ref[j][2], 10);
    });
    const below = ref.map((x, j) => (x[4] < x[2] ? `v${j + 1}` : null)).filter((x) => x !== null);
    expect(below).toEqual(["v3", "v4"]);
    expect(r.verdict.level).toBe("warn");
    expect(r.verdict.text).toMatch(/"v3" \(.*\), "v4" \(.*\) vote against the truth/);
    for (const ok of ["v1", "v2", "v5"]) expect(r.verdict.text).not.toMatch(new RegExp(`"${ok}" \\([^)]*against`));
  }, 60_000);

  it("a rule copied three times: the label model's learned accuracy far outside gold is named in the verdict", async () => {
    const copies = [...votes, lf.fn("v5b", (r) => (r.v5 as string | null) ?? ABSTAIN), lf.fn("v5c", (r) => (r.v5 as string | null) ?? ABSTAIN)];
    const r = await labeling(toDataset(simulated.bad.rows), { lfs: copies, gold: "diagnosis", features: FEATURES });
    const v5 = r.data.functions.find((f) => f.name === "v5")!;
    expect(v5.learnedAccuracy).toBeGreaterThan(v5.gold!.high + 0.1);
    expect(r.verdict.level).toBe("warn");
    expect(r.verdict.text).toMatch(/misjudges .*"v5" \(learned/);
  }, 60_000);

  it("does not advise classBalance when the given shares already match the gold labels'", async () => {
    const copies = [...votes, lf.fn("v5b", (r) => (r.v5 as string | null) ?? ABSTAIN), lf.fn("v5c", (r) => (r.v5 as string | null) ?? ABSTAIN)];
    const ds = toDataset(simulated.bad.rows);
    const shares = simulated.bad.rows.filter((x) => x.diagnosis === "benign").length / simulated.bad.rows.length;
    const given = await labeling(ds, { lfs: copies, gold: "diagnosis", features: FEATURES, classBalance: [shares, 1 - shares] });
    const uniform = await labeling(ds, { lfs: copies, gold: "diagnosis", features: FEATURES });
    const advice = (notes: readonly string[] | undefined) => (notes ?? []).some((n) => n.includes("as classBalance"));
    expect(advice(uniform.toJSON().notes)).toBe(true);
    expect(advice(given.toJSON().notes)).toBe(false);
  }, 60_000);
});

describe("labeling on vega's movie titles (Horror against Comedy)", () => {
  const movies = JSON.parse(readFileSync(VEGA_DATA("movies.json"), "utf8")) as Record<string, unknown>[];
  const rows = movies.filter((m) => ["Horror", "Comedy"].includes(String(m["Major Genre"])) && m.Title).map((m) => ({ title: String(m.Title), genre: String(m["Major Genre"]) }));
  const words = [
    lf.keywords("horror words", "title", ["dead", "night", "evil", "blood", "house", "scream", "dark", "kill", "hell", "haunting", "nightmare", "zombie", "fear"], "Horror"),
    lf.regex("sequel number", "title", /\b(II|III|IV|2|3|4|5)\b/, "Horror"),
    lf.keywords("comedy words", "title", ["love", "wedding", "party", "big", "dad", "mr", "little", "crazy", "funny", "guys", "school", "date"], "Comedy"),
    lf.regex("colon", "title", /:/, "Horror"),
    lf.fn("short title", (r) => (String(r.title).split(" ").length <= 2 ? "Comedy" : ABSTAIN)),
  ];

  it("the label model below always answering Comedy is a warning, with pandas' share and statsmodels' interval", async () => {
    const r = await labeling(toDataset(rows), { lfs: words, gold: "genre" });
    const covered = rows.filter((row) => words.some((f) => f.apply(row) != null)).map((row) => row.genre);
    const [cls, right, n, low, high] = python<[string, number, number, number, number]>(
      `
import json, sys, pandas as pd
from statsmodels.stats.proportion import proportion_confint
s = pd.Series(json.load(sys.stdin)).value_counts()
emit([s.index[0], int(s.iloc[0]), int(s.sum()), *proportion_confint(int(s.iloc[0]), int(s.sum()), method="wilson")])`,
      JSON.stringify(covered),
    ).value;
    const m = r.data.gold!.majorityClass;
    expect([m.class, m.correct, m.n]).toEqual([cls, right, n]);
    expect(m.low).toBeCloseTo(low, 10);
    expect(m.high).toBeCloseTo(high, 10);
    expect(r.data.gold!.labelModel.accuracy).toBeLessThan(m.accuracy);
    expect(r.verdict.level).toBe("warn");
    expect(r.verdict.text).toContain(`always answering "Comedy"`);
    // Keyword and regex functions read the titles as text: the end model gets a bag of their words, and the note says so.
    expect(r.data.endModel!.textColumns).toEqual(["title"]);
    expect(r.verdict.text).toMatch(/Trained on the weak labels it is (worse|no better) than always answering "Comedy"/);
    expect(r.toJSON().notes!.some((x: string) => x.includes("a bag of words of title"))).toBe(true);
  }, 60_000);

  it("titles read only by functions of the row stay categories: an end model no better than the majority class makes the comparison empty, and the verdict says why", async () => {
    const blind = [lf.fn("night", (r) => (/night|dead/i.test(String(r.title)) ? "Horror" : ABSTAIN)), lf.fn("love", (r) => (/love/i.test(String(r.title)) ? "Comedy" : ABSTAIN)), words[4]];
    const r = await labeling(toDataset(rows), { lfs: blind, gold: "genre" });
    const e = r.data.endModel!;
    expect(e.textColumns).toEqual([]);
    expect(e.features).toEqual(["title"]);
    expect(e.gold.low).toBeLessThanOrEqual(e.majorityClass.accuracy);
    expect(r.verdict.level).toBe("warn");
    expect(r.verdict.text).toContain("The end-model comparison is empty");
    expect(r.verdict.text).toContain("title, none as text");
    expect(r.verdict.text).not.toContain("gold labels match it");
  }, 60_000);
});
