import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { summarizeMatrix } from "../../src/label/labeling/label-matrix.js";
import { fitLabelModel, majorityVote } from "../../src/stats/label-model.js";
import { fitMatrixCompletion } from "../../src/stats/matrix-completion.js";
import { loadRegistered } from "../../src/data/registry.js";
import { Random } from "../../src/util/random.js";
import { python } from "../helpers/python.js";

/**
 * Snorkel 0.10.0 (torch 2.15) on the label matrix of seven spam-assassin labeling functions:
 * written by tests/references/snorkel_labeling.py from tests/references/labeling-matrix.mjs.
 */
interface SnorkelFixture {
  source: string;
  rows: string[];
  gold: number[];
  coverage: number[];
  overlap: number[];
  conflict: number[];
  empiricalAccuracy: number[];
  correct: number[];
  labelCoverage: number;
  labelOverlap: number;
  labelConflict: number;
  labelModelAccuracies: number[];
  labelModelPredictions: number[];
  labelModelCoveredAccuracy: number;
  labelModelProbabilitySpam: number[];
  majorityVote: number[];
}
const snorkel: SnorkelFixture = JSON.parse(readFileSync("tests/references/snorkel-labeling.json", "utf8"));
const n = snorkel.rows.length;
const m = snorkel.rows[0].length;
const votes = new Int32Array(n * m);
snorkel.rows.forEach((row, i) => {
  for (let j = 0; j < m; j++) votes[j * n + i] = row[j] === "." ? -1 : Number(row[j]);
});
const covered = snorkel.rows.map((r) => /[0-9]/.test(r));

describe("LFAnalysis against Snorkel on the same label matrix", () => {
  const s = summarizeMatrix(votes, n, m);
  it(`gives Snorkel's coverage, overlap and conflict per function and for the matrix (${snorkel.source})`, () => {
    for (let j = 0; j < m; j++) {
      expect(s.coverage[j]).toBeCloseTo(snorkel.coverage[j], 12);
      expect(s.overlap[j]).toBeCloseTo(snorkel.overlap[j], 12);
      expect(s.conflict[j]).toBeCloseTo(snorkel.conflict[j], 12);
    }
    expect(s.labelCoverage).toBeCloseTo(snorkel.labelCoverage, 12);
    expect(s.labelOverlap).toBeCloseTo(snorkel.labelOverlap, 12);
    expect(s.labelConflict).toBeCloseTo(snorkel.labelConflict, 12);
  });
  it("gives Snorkel's empirical accuracies", () => {
    for (let j = 0; j < m; j++) {
      let right = 0;
      let voted = 0;
      for (let i = 0; i < n; i++) {
        const v = votes[j * n + i];
        if (v < 0) continue;
        voted++;
        if (v === snorkel.gold[i]) right++;
      }
      expect(right).toBe(snorkel.correct[j]);
      expect(right / voted).toBeCloseTo(snorkel.empiricalAccuracy[j], 12);
    }
  });
  it("votes as Snorkel's MajorityLabelVoter wherever there is no tie", () => {
    const mv = majorityVote(votes, n, m, 2, new Random(0));
    let ties = 0;
    for (let i = 0; i < n; i++) {
      if (snorkel.majorityVote[i] >= 0) expect(mv.predictions[i]).toBe(snorkel.majorityVote[i]);
      else if (covered[i]) ties++;
      else expect(mv.predictions[i]).toBe(-1);
    }
    expect(mv.ties).toBe(ties);
  });
});

describe("the matrix-completion label model against Snorkel's LabelModel", () => {
  // The fixture's LabelModel.fit(L, n_epochs=500, seed=0): the same start (numpy's first draw for seed 0), steps and clamp.
  const fit = fitMatrixCompletion(votes, n, m, 2, { epochs: 500 });
  it("learns Snorkel's accuracies (get_weights) to 1e-4", () => {
    for (let j = 0; j < m; j++) expect(Math.abs(fit.accuracies[j] - snorkel.labelModelAccuracies[j])).toBeLessThan(1e-4);
  });
  it("gives Snorkel's probabilities to 1e-4 (Snorkel computes in float32) and the same class on every row", () => {
    let largest = 0;
    for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(fit.probabilities[i * 2 + 1] - snorkel.labelModelProbabilitySpam[i]));
    expect(largest).toBeLessThan(1e-4);
    for (let i = 0; i < n; i++) {
      // Snorkel abstains on exact ties (rows without votes); elsewhere the classes agree.
      if (snorkel.labelModelPredictions[i] >= 0) expect(fit.predictions[i]).toBe(snorkel.labelModelPredictions[i]);
    }
  });
  it("recovers planted accuracies on a simulated label matrix over spam-assassin's rows (spam or ham as the truth)", () => {
    const random = new Random(5);
    const reps = 3; // the 6,046 messages three times over, with fresh votes each time
    const N = n * reps;
    const truth = Int32Array.from({ length: N }, (_, i) => snorkel.gold[i % n]);
    const spamShare = snorkel.gold.filter((y) => y === 1).length / n;
    const planted = [0.9, 0.8, 0.75, 0.7, 0.85];
    const sim = new Int32Array(N * planted.length).fill(-1);
    const empirical = planted.map(() => [0, 0]);
    planted.forEach((a, j) =>
      truth.forEach((y, i) => {
        if (random.float() >= 0.6) return;
        const v = random.float() < a ? y : 1 - y;
        sim[j * N + i] = v;
        empirical[j][1]++;
        if (v === y) empirical[j][0]++;
      }),
    );
    const fit = fitMatrixCompletion(sim, N, planted.length, 2, { epochs: 500, classBalance: [1 - spamShare, spamShare] });
    planted.forEach((_, j) => expect(Math.abs(fit.accuracies[j] - empirical[j][0] / empirical[j][1])).toBeLessThan(0.03));
  });
});

describe("the Dawid–Skene label model", () => {
  it("matches an independent numpy implementation of the same EM to 1e-8", () => {
    const fit = fitLabelModel(votes, n, m, 2);
    const reference = python<{ priors: number[]; accuracies: number[]; proba: number[]; iterations: number }>(
      `
import json, sys
import numpy as np
d = json.load(sys.stdin)
L = np.array([[-1 if c == "." else int(c) for c in r] for r in d["rows"]])
n, m = L.shape
from references import dawid_skene
T, pi, th, it = dawid_skene(L, K=2, a=0.01)
acc = [float((pi * np.diag(th[j][:, 1:])).sum() / (pi * (1 - th[j][:, 0])).sum()) for j in range(m)]
emit({"priors": pi.tolist(), "accuracies": acc, "proba": T[:, 1].tolist(), "iterations": it})`,
      JSON.stringify({ rows: snorkel.rows }),
    ).value;
    expect(fit.iterations).toBe(reference.iterations);
    for (let y = 0; y < 2; y++) expect(fit.priors[y]).toBeCloseTo(reference.priors[y], 8);
    for (let j = 0; j < m; j++) expect(fit.accuracies[j]).toBeCloseTo(reference.accuracies[j], 8);
    for (let i = 0; i < n; i++) expect(fit.probabilities[i * 2 + 1]).toBeCloseTo(reference.proba[i], 8);
  });

  it("agrees with Snorkel's LabelModel on most rows of the spam matrix, a different model with the same goal", () => {
    // Snorkel fixes the class balance (uniform by default); so does this run. The two models differ
    // (Snorkel fits P(vote | class) by matrix completion of the functions' overlaps, not by EM on the
    // rows), so agreement is measured, not equality: 86% of covered rows, learned accuracies within 0.12.
    const fit = fitLabelModel(votes, n, m, 2, { classBalance: [0.5, 0.5] });
    let agree = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (!covered[i]) continue;
      total++;
      if (fit.predictions[i] === snorkel.labelModelPredictions[i]) agree++;
    }
    expect(agree / total).toBeGreaterThan(0.85);
    for (let j = 0; j < m; j++) expect(Math.abs(fit.accuracies[j] - snorkel.labelModelAccuracies[j])).toBeLessThan(0.12);
  });

  it("recovers planted accuracies on a simulated label matrix over penguins' rows", async () => {
    // The true class of each row is its species; each function votes on a planted share of rows and
    // is right there with its planted accuracy (wrong votes spread over the other species).
    const penguins = await loadRegistered("penguins");
    const species = penguins.column("Species");
    if (species.type !== "category") throw new Error("species is a category");
    const truth = species.codes;
    const rows = truth.length;
    const planted = [0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6];
    const coverage = [0.5, 0.7, 0.6, 0.8, 0.5, 0.9, 0.7];
    const k = species.dictionary.length;
    const random = new Random(7);
    const reps = 30; // the 344 rows thirty times over, each time with fresh votes: 10,320 rows
    const N = rows * reps;
    const simulated = new Int32Array(N * planted.length).fill(-1);
    const empirical = planted.map(() => [0, 0]);
    for (let r = 0; r < N; r++) {
      const y = truth[r % rows];
      planted.forEach((acc, j) => {
        if (random.float() >= coverage[j]) return;
        const v = random.float() < acc ? y : (y + 1 + random.int(k - 1)) % k;
        simulated[j * N + r] = v;
        empirical[j][1]++;
        if (v === y) empirical[j][0]++;
      });
    }
    const fit = fitLabelModel(simulated, N, planted.length, k);
    planted.forEach((_, j) => expect(Math.abs(fit.accuracies[j] - empirical[j][0] / empirical[j][1])).toBeLessThan(0.02));
    let right = 0;
    for (let r = 0; r < N; r++) if (fit.predictions[r] === truth[r % rows]) right++;
    const mv = majorityVote(simulated, N, planted.length, k, new Random(1));
    let mvRight = 0;
    for (let r = 0; r < N; r++) if (mv.predictions[r] === truth[r % rows]) mvRight++;
    // Weighting the better functions more beats one function, one vote.
    expect(right / N).toBeGreaterThan(mvRight / N + 0.01);
    // Learned class shares near the species' own.
    const shares = Array.from({ length: k }, (_, y) => truth.filter((c) => c === y).length / rows);
    for (let y = 0; y < k; y++) expect(Math.abs(fit.priors[y] - shares[y])).toBeLessThan(0.02);
  });

  it("learns chance accuracy for a function that votes at random", () => {
    const random = new Random(3);
    const N = 8000;
    const truth = Int32Array.from({ length: N }, () => random.int(2));
    const accs = [0.9, 0.85, 0.8, 0.5];
    const sim = new Int32Array(N * accs.length);
    accs.forEach((a, j) => truth.forEach((y, i) => (sim[j * N + i] = random.float() < a ? y : 1 - y)));
    const fit = fitLabelModel(sim, N, accs.length, 2);
    expect(Math.abs(fit.accuracies[3] - 0.5)).toBeLessThan(0.03);
    expect(fit.accuracies[0]).toBeGreaterThan(0.87);
  });
});
