import { describe, expect, it } from "vitest";
import { stratifiedKFold } from "../../src/data/splits/kfold.js";
import { thresholds } from "../../src/evaluate/thresholds/index.js";
import { Random } from "../../src/util/random.js";
import { load } from "../../src/data/convert.js";
import { python } from "../helpers/python.js";

/** A rare positive class ("fraud", about 7%) that follows a logistic model in x and z. */
function rare(n: number, seed: number) {
  const random = new Random(seed);
  return Array.from({ length: n }, () => {
    const x = random.normal();
    const z = random.normal();
    return { x, z, label: random.float() < 1 / (1 + Math.exp(-(2 * x + z - 4))) ? "fraud" : "ok" };
  });
}

describe("threshold moving", () => {
  const rows = rare(3000, 1);

  it("learns a lower threshold for a rare class, and it beats 0.5 on held-out folds", async () => {
    const result = await thresholds(rows, { target: "label" });
    expect(result.data.positive).toBe("fraud");
    expect(result.data.objective).toBe("f1");
    expect(result.data.learned.threshold).toBeLessThan(0.45);
    expect(result.data.honest.f1).toBeGreaterThan(result.data.atHalf.f1);
    expect(result.verdict.level).toBe("warn");
    expect(result.verdict.text).toMatch(/^Use a threshold of 0\.\d\d for "fraud", not 0\.5/);
  }, 60_000);

  it("with costs, lands near C_FP / (C_FP + C_FN) for a well-calibrated model", async () => {
    const result = await thresholds(rows, { target: "label", costs: [1, 9] });
    expect(result.data.theoretical).toBeCloseTo(0.1, 12);
    expect(Math.abs(result.data.learned.threshold - 0.1)).toBeLessThan(0.06);
    expect(result.data.honest.cost!).toBeLessThan(result.data.atHalf.cost!);
    // Cost per row at 0.5, by hand from that operating point: FP·1 + FN·9 over the rows.
    const positives = rows.filter((r) => r.label === "fraud").length;
    const { precision, recall, cost } = result.data.atHalf;
    const truePositives = recall * positives;
    const falsePositives = precision > 0 ? truePositives / precision - truePositives : 0;
    expect(cost!).toBeCloseTo((falsePositives * 1 + (positives - truePositives) * 9) / rows.length, 10);
  }, 60_000);

  it("agrees with scikit-learn's precision, recall and average precision on the same out-of-fold probabilities", async () => {
    const result = await thresholds(rows, { target: "label" });
    const labels = Int32Array.from(rows, (r) => (r.label === "fraud" ? 0 : 1)); // classes sort as fraud, ok
    const folds = stratifiedKFold(labels, 5, { seed: 0 }).map((f) => [...f.test]);
    const reference = python<{ precision: number; recall: number; ap: number; precision30: number; recall30: number }>(
      `
import json, sys
import numpy as np
from sklearn.metrics import average_precision_score, precision_score, recall_score
from references import logistic_out_of_fold
d = json.load(sys.stdin)
y = np.array(d["y"])
scores = logistic_out_of_fold(d["X"], y, d["folds"])
emit({"precision": precision_score(y, scores >= 0.5), "recall": recall_score(y, scores >= 0.5), "ap": average_precision_score(y, scores),
      "precision30": precision_score(y, scores >= 0.3), "recall30": recall_score(y, scores >= 0.3)})`,
      JSON.stringify({ X: rows.map((r) => [r.x, r.z]), y: rows.map((r) => (r.label === "fraud" ? 1 : 0)), folds }),
    );
    expect(result.data.atHalf.precision).toBeCloseTo(reference.value.precision, 3);
    expect(result.data.atHalf.recall).toBeCloseTo(reference.value.recall, 3);
    expect(result.data.averagePrecision).toBeCloseTo(reference.value.ap, 3);
    const at30 = result.data.curve.find((p) => Math.abs(p.threshold - 0.3) < 1e-9)!;
    expect(at30.precision).toBeCloseTo(reference.value.precision30, 3);
    expect(at30.recall).toBeCloseTo(reference.value.recall30, 3);
  }, 60_000);

  it("draws a slider bound to the threshold, starting at the learned one", async () => {
    const result = await thresholds(rows, { target: "label" });
    const [param] = (result.chart as { params: { name: string; value: number; bind: { input: string } }[] }).params;
    expect(param).toMatchObject({ name: "threshold", value: result.data.learned.threshold, bind: { input: "range" } });
    expect(result.svg).toContain("precision");
  }, 60_000);

  it("names what is wrong with bad input", async () => {
    await expect(thresholds(rows.map((r) => ({ ...r, label: "ok" })), { target: "label" })).rejects.toThrowError(
      /thresholds: "label" has only one class \("ok"\) in the validation data, and this analysis needs both/,
    );
    const three = rows.map((r, i) => ({ ...r, label: ["a", "b", "c"][i % 3] }));
    await expect(thresholds(three, { target: "label" })).rejects.toThrowError(/expected two classes \(it has 3\)/);
    await expect(thresholds(rows, { target: "label", positive: "frud" })).rejects.toThrowError(/invalid positive: "frud" is not a class of "label"\. Did you mean "fraud"\? Its classes are "fraud", "ok"/);
    await expect(thresholds(rows, { target: "label", costs: { falsePositive: -1, falseNegative: 2 } })).rejects.toThrowError(/invalid costs/);
    await expect(thresholds(rows, { target: "label", costs: [1, 2, 3] as unknown as [number, number] })).rejects.toThrowError(/invalid costs: \[1,2,3\]/);
  });
});

describe("thresholds: the positive class and unlabelled rows", () => {
  it("--positive Males when the classes are MALE/FEMALE names the classes and the closest one; rows without a sex are left out with a note", async () => {
    const penguins = await load("penguins");
    await expect(thresholds(penguins, { target: "Sex", positive: "Males" })).rejects.toThrowError(/thresholds: invalid positive: "Males" is not a class of "Sex"\. Did you mean "MALE"\? Its classes are "FEMALE", "MALE"\./);
    const result = await thresholds(penguins, { target: "Sex", positive: "MALE" });
    // Independent count of the unlabelled rows: pandas on the registry's file, with litml's missing-value rule.
    const missing = python<number>(`
from references import penguins
emit(int(penguins("node_modules/vega-datasets/data/penguins.json")["Sex"].isna().sum()))`).value;
    expect(missing).toBeGreaterThan(0);
    expect(result.notes[0]).toMatch(new RegExp(`^${missing} of ${penguins.nRows} rows have no value in the target "Sex" \\(the first is row \\d+\\) and were left out`));
    expect(result.data.rows).toBe(penguins.nRows - missing);
  }, 60_000);
});

describe("thresholds on time-ordered folds", () => {
  it("computes every rate, the average precision and the curve on the tested rows only (scikit-learn, TimeSeriesSplit)", async () => {
    // The positive class grows rarer over time, so the tested (later) rows differ from all rows.
    const random = new Random(11);
    const rows = Array.from({ length: 2400 }, (_, t) => {
      const x = random.normal();
      return { t, x, z: random.normal(), label: random.float() < 1 / (1 + Math.exp(-(2 * x - 1 - (2 * t) / 2400))) ? "fraud" : "ok" };
    });
    const result = await thresholds(rows, { target: "label", card: { time: "t" }, folds: 4 });
    expect(result.data.rows).toBe(4 * Math.floor(2400 / 5));
    expect(result.notes.join(" ")).toMatch(/the 480 earliest rows only train/);
    const reference = python<{ ap: number; precision: number; recall: number; prevalence: number; recall30: number }>(`
import json, sys
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_score, recall_score
from sklearn.model_selection import TimeSeriesSplit
from sklearn.preprocessing import StandardScaler
d = json.load(sys.stdin)
X, y = np.array(d["X"]), np.array(d["y"])
tested, scores = [], []
for train, test in TimeSeriesSplit(n_splits=4).split(X):
    scaler = StandardScaler().fit(X[train])
    model = LogisticRegression(C=1.0, tol=1e-10, max_iter=10000).fit(scaler.transform(X[train]), y[train])
    tested.extend(test); scores.extend(model.predict_proba(scaler.transform(X[test]))[:, 1])
y, s = y[tested], np.array(scores)
emit({"ap": average_precision_score(y, s), "precision": precision_score(y, s >= 0.5), "recall": recall_score(y, s >= 0.5), "prevalence": float(y.mean()), "recall30": recall_score(y, s >= 0.3)})`,
      // The time column orders the folds and is not a model input: the default pipeline learns from x and z.
      JSON.stringify({ X: rows.map((r) => [r.x, r.z]), y: rows.map((r) => (r.label === "fraud" ? 1 : 0)) }),
    );
    expect(result.data.prevalence).toBeCloseTo(reference.value.prevalence, 12);
    expect(result.data.averagePrecision).toBeCloseTo(reference.value.ap, 3);
    expect(result.data.atHalf.precision).toBeCloseTo(reference.value.precision, 3);
    expect(result.data.atHalf.recall).toBeCloseTo(reference.value.recall, 3);
    expect(result.data.curve.find((p) => Math.abs(p.threshold - 0.3) < 1e-9)!.recall).toBeCloseTo(reference.value.recall30, 3);
  }, 60_000);
});

describe("thresholds on outside data", () => {
  const cases: [string, string, string, string][] = [
    ["statsmodels' fair (affairs, 6,366 women)", "fair", 'd["affair"] = (d.pop("affairs") > 0).map({True: "yes", False: "no"})', "yes"],
    ["statsmodels' anes96 (944 voters, 1996)", "anes96", 'd["affair"] = d.pop("vote").map({0.0: "Clinton", 1.0: "Dole"})', "Dole"],
  ];
  for (const [name, set, transform, positive] of cases) {
    it(`${name}: precision, recall, average precision and the F1-best threshold equal scikit-learn's on the same folds`, async () => {
      const data = python<Record<string, number | string>[]>(`
from statsmodels.datasets import ${set}
d = ${set}.load_pandas().data
${transform}
emit(d.to_dict("records"))`).value;
      const result = await thresholds(data, { target: "affair", positive });
      const labels = Int32Array.from(data, (r) => (r.affair === positive ? 1 : 0));
      const folds = stratifiedKFold(labels, 5, { seed: 0 }).map((f) => [...f.test]);
      const features = Object.keys(data[0]).filter((k) => k !== "affair");
      const reference = python<{ ap: number; precision: number; recall: number; best: number }>(`
import json, sys
import numpy as np
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score
from references import logistic_out_of_fold
d = json.load(sys.stdin)
y = np.array(d["y"])
s = logistic_out_of_fold(d["X"], y, d["folds"])
grid = [t / 100 for t in range(1, 100)]
f1 = [f1_score(y, s >= t) for t in grid]
emit({"ap": average_precision_score(y, s), "precision": precision_score(y, s >= 0.5), "recall": recall_score(y, s >= 0.5), "best": grid[int(np.argmax(f1))]})`,
        JSON.stringify({ X: data.map((r) => features.map((f) => r[f])), y: [...labels], folds }),
      ).value;
      expect(result.data.averagePrecision).toBeCloseTo(reference.ap, 3);
      expect(result.data.atHalf.precision).toBeCloseTo(reference.precision, 3);
      expect(result.data.atHalf.recall).toBeCloseTo(reference.recall, 3);
      expect(Math.abs(result.data.learned.threshold - reference.best)).toBeLessThanOrEqual(0.01);
      // The verdict follows the numbers: it recommends moving off 0.5 exactly when the learned threshold is elsewhere and wins on held-out folds.
      const moves = Math.abs(result.data.learned.threshold - 0.5) >= 0.015 && result.data.honest.f1 > result.data.atHalf.f1;
      expect(result.verdict.level).toBe(moves ? "warn" : "ok");
      // Never "use 0.58 … keep 0.5" in one breath: the headline is the decision.
      expect(result.verdict.text).toMatch(moves ? /^Use a threshold of 0\.\d\d/ : /^(Keep 0\.5|The best threshold for "\w+" is 0\.5)/);
    }, 120_000);
  }
});

describe("thresholds against the no-skill policies, on the card's metric (statsmodels' fair)", () => {
  const fair = (transform: string) =>
    python<Record<string, number | string>[]>(`
import numpy as np
from statsmodels.datasets import fair
d = fair.load_pandas().data
d["affair"] = (d.pop("affairs") > 0).map({True: "yes", False: "no"})
${transform}
emit(d.to_dict("records"))`).value;
  /** scikit-learn on litml's folds: average precision, the prevalence, flag-everyone F1 and the grid threshold best on `metric`. */
  const reference = (data: Record<string, number | string>[], metric: string) => {
    const labels = Int32Array.from(data, (r) => (r.affair === "yes" ? 1 : 0));
    const folds = stratifiedKFold(labels, 5, { seed: 0 }).map((f) => [...f.test]);
    const features = Object.keys(data[0]).filter((k) => k !== "affair");
    return python<{ ap: number; prevalence: number; everyone: number; best: number }>(`
import json, sys
import numpy as np
from sklearn.metrics import average_precision_score, balanced_accuracy_score, f1_score
from references import logistic_out_of_fold
d = json.load(sys.stdin)
y = np.array(d["y"])
s = logistic_out_of_fold(d["X"], y, d["folds"])
metric = {"f1": f1_score, "balanced-accuracy": balanced_accuracy_score}[d["metric"]]
grid = [t / 100 for t in range(1, 100)]
values = [metric(y, s >= t) for t in grid]
emit({"ap": average_precision_score(y, s), "prevalence": float(y.mean()), "everyone": f1_score(y, np.ones_like(y)), "best": grid[int(np.argmax(values))]})`,
      JSON.stringify({ X: data.map((r) => features.map((f) => r[f])), y: [...labels], folds, metric }),
    ).value;
  };

  it("a shuffled target: average precision is not above the prevalence, and no threshold is recommended", async () => {
    const data = fair('d["affair"] = np.random.default_rng(1).permutation(d.affair.values)');
    const ref = reference(data, "f1");
    expect(ref.everyone).toBeCloseTo((2 * ref.prevalence) / (1 + ref.prevalence), 12);
    const result = await thresholds(data, { target: "affair", positive: "yes" });
    expect(result.data.averagePrecision).toBeCloseTo(ref.ap, 3);
    expect(result.data.flagEveryone.f1).toBeCloseTo(ref.everyone, 12);
    expect(result.data.flagNobody.f1).toBe(0);
    expect(result.data.averagePrecisionExcess.low).toBeLessThan(0);
    expect(result.verdict.level).toBe("warn");
    expect(result.verdict.text).toMatch(/ranks "yes" no better than chance.*no threshold helps; flagging every row gives F1 0\.\d+/);
    expect(result.verdict.text).not.toMatch(/Use a threshold/);
  }, 120_000);

  it("the real target ranks well above chance; with the card's metric balanced-accuracy, the threshold is scikit-learn's balanced-accuracy best", async () => {
    const data = fair("");
    const ref = reference(data, "balanced-accuracy");
    const result = await thresholds(data, { target: "affair", positive: "yes", card: { metric: "balanced-accuracy" } });
    expect(result.data.averagePrecisionExcess.low).toBeGreaterThan(0);
    expect(result.data.objective).toBe("balanced-accuracy");
    expect(Math.abs(result.data.learned.threshold - ref.best)).toBeLessThanOrEqual(0.01);
    expect(result.notes.join(" ")).toMatch(/the framing card's metric, balanced-accuracy/);
    expect(result.verdict.text).toMatch(/balanced accuracy/);
    const recall = await thresholds(data, { target: "affair", positive: "yes", card: { metric: "recall" } });
    expect(recall.data.objective).toBe("f1");
    expect(recall.notes.join(" ")).toMatch(/metric is recall, which a threshold maximises trivially.*chosen on F1/);
  }, 120_000);
});
