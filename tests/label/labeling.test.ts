import { describe, expect, it } from "vitest";
import { loadRegistered } from "../../src/data/registry.js";
import { LitmlError } from "../../src/errors.js";
import { ABSTAIN, lf } from "../../src/label/functions.js";
import { labeling } from "../../src/label/labeling/index.js";
import { python } from "../helpers/python.js";

const spamLfs = [
  lf.keywords("money words", "subject", ["free", "money", "cash", "offer", "save", "win"], "spam"),
  lf.regex("reply", "subject", /^\s*re:/i, "ham"),
  lf.keywords("unsubscribe", "body", ["unsubscribe", "remove", "click here"], "spam"),
  lf.keywords("tech words", "body", ["patch", "kernel", "cvs", "rpm", "linux", "python", "perl"], "ham"),
  lf.regex("html", "body", /<html|<font|<table/i, "spam"),
];

describe("labeling functions", () => {
  it("regex and keywords vote or abstain; keywords match whole words in any case; a global regex keeps no state", () => {
    const free = lf.keywords("free", "subject", ["free", "act now"], "spam");
    expect(free.apply({ subject: "FREE money" })).toBe("spam");
    expect(free.apply({ subject: "Act now!" })).toBe("spam");
    expect(free.apply({ subject: "freedom" })).toBe(ABSTAIN);
    expect(free.apply({ subject: null })).toBe(ABSTAIN);
    const sticky = lf.regex("dollar", "body", /\$\d/g, "spam");
    expect([sticky.apply({ body: "$5" }), sticky.apply({ body: "$5" })]).toEqual(["spam", "spam"]);
    expect(lf.regex("s", "body", "viagra", "spam").apply({ body: "VIAGRA" })).toBe("spam");
  });
});

describe("labeling on spam-assassin", async () => {
  const spam = (await loadRegistered("spam-assassin")).sample(1200, 5);

  it("scores each function against gold with Wilson's interval (statsmodels' proportion_confint)", async () => {
    const result = await labeling(spam, { lfs: spamLfs, gold: "label", folds: 3, goldSizes: [30, 100, 300] });
    const d = result.data;
    const counts = d.functions.map((f) => [f.gold!.correct, f.gold!.n]);
    const ref = python<number[][]>(
      `
import json, sys
from statsmodels.stats.proportion import proportion_confint
emit([list(proportion_confint(c, n, alpha=0.05, method="wilson")) for c, n in json.load(sys.stdin)])`,
      JSON.stringify(counts),
    ).value;
    d.functions.forEach((f, j) => {
      expect(f.gold!.low).toBeCloseTo(ref[j][0], 10);
      expect(f.gold!.high).toBeCloseTo(ref[j][1], 10);
    });
    // The end model: weak labels against gold on the same folds, and a curve ending at all gold labels.
    const e = d.endModel!;
    expect(e.model).toBe("naive-bayes");
    expect(e.textColumns).toEqual(["subject", "body"]);
    expect(e.weak.n).toBe(1200);
    expect(e.gold.n).toBe(1200);
    expect(e.curve.map((p) => p.size)).toEqual([30, 100, 300, e.trainRows]);
    expect(e.curve.at(-1)!.accuracy).toBe(e.gold.accuracy);
    const first = e.curve.find((p) => p.accuracy >= e.weak.accuracy);
    expect(e.goldToMatch).toBe(first?.size ?? null);
    // The noisy labels cost accuracy: five crude functions label far worse than gold.
    expect(e.weak.accuracy).toBeLessThan(e.gold.accuracy);
    expect(result.verdict.text).toContain("gold labels");
    // One weak label per row, for training on, kept out of the result's JSON.
    expect(d.labels).toHaveLength(1200);
    expect(JSON.stringify(result.toJSON())).not.toContain('"labels"');
  }, 120_000);

  it("a function that copies the gold labels: label model and majority vote perfect, and the weak-label model is the gold model", async () => {
    const oracle = [lf.fn("oracle", (row) => String(row.label)), lf.fn("oracle 2", (row) => String(row.label)), lf.fn("oracle 3", (row) => String(row.label))];
    const spamShare = spam.toRecords().filter((r) => r.label === "spam").length / spam.nRows;
    // Told the true class shares, the matrix completion finds the functions perfect (with Snorkel's uniform shares it cannot).
    const d = (await labeling(spam, { lfs: oracle, gold: "label", folds: 3, goldSizes: [50], classBalance: [1 - spamShare, spamShare] })).data;
    expect(d.gold!.labelModel.accuracy).toBe(1);
    expect(d.gold!.majorityVote.accuracy).toBe(1);
    expect(d.endModel!.weak.correct).toBe(d.endModel!.gold.correct);
    d.functions.forEach((f) => expect(f.learnedAccuracy).toBeGreaterThan(0.98));
    const em = (await labeling(spam, { lfs: oracle, method: "dawid-skene" })).data;
    em.functions.forEach((f) => expect(f.learnedAccuracy).toBeGreaterThan(0.99));
    expect(em.labelModel.priors.spam).toBeCloseTo(spamShare, 2);
  }, 60_000);

  it("names a function that throws and the row, and goes on with the others", async () => {
    const throwing = lf.fn("subject length", (row) => {
      if (String(row.subject).length > 60) throw new Error("subject too long");
      return ABSTAIN;
    });
    const withThrower = await labeling(spam, { lfs: [...spamLfs, throwing] });
    const without = await labeling(spam, { lfs: spamLfs });
    const thrown = withThrower.data.threw[0];
    expect(thrown.function).toBe("subject length");
    expect(String(spam.get(thrown.row, "subject")).length).toBeGreaterThan(60);
    for (let i = 0; i < thrown.row; i++) expect(String(spam.get(i, "subject")).length).toBeLessThanOrEqual(60);
    const note = withThrower.toJSON().notes!.find((n: string) => n.includes("threw"))!;
    expect(note).toContain(`"subject length"`);
    expect(note).toContain(`row ${thrown.row}`);
    expect(withThrower.verdict.level).toBe("warn");
    expect(withThrower.data.functions.slice(0, 5).map((f) => f.coverage)).toEqual(without.data.functions.map((f) => f.coverage));
  });

  it("warns about a function that never votes", async () => {
    const r = await labeling(spam, { lfs: [...spamLfs, lf.regex("typo", "subject", /FREEE+/, "spam")] });
    expect(r.data.alwaysAbstain).toEqual(["typo"]);
    expect(r.verdict.level).toBe("warn");
    expect(r.verdict.text).toContain(`"typo" never voted`);
  });

  it("is quiet when the functions are sound (no gold)", async () => {
    const r = await labeling(spam, { lfs: spamLfs });
    expect(r.verdict.level).toBe("ok");
    expect(r.data.gold).toBeUndefined();
  });

  it("refuses a gold column with one class, a vote outside the classes, a missing column and two functions of one name", async () => {
    const hamOnly = spam.where("label", (v) => v === "ham");
    const refusal = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as LitmlError);
    const one = await refusal(labeling(hamOnly, { lfs: spamLfs, gold: "label" }));
    expect(one).toBeInstanceOf(LitmlError);
    expect(one!.message).toContain(`gold column "label" holds one class only ("ham")`);
    const typo = await refusal(labeling(spam, { lfs: [...spamLfs, lf.regex("typo", "subject", /re:/i, "hamm")], gold: "label" }));
    expect(typo!.message).toContain(`"typo" voted "hamm"`);
    expect(typo!.message).toContain(`"ham"?`);
    const column = await refusal(labeling(spam, { lfs: [lf.regex("x", "Subject", /a/, "spam")] }));
    expect(column!.message).toContain(`"x" reads column "Subject"`);
    const twice = await refusal(labeling(spam, { lfs: [spamLfs[0], spamLfs[0]] }));
    expect(twice!.message).toContain(`two labeling functions are named "money words"`);
    const none = await refusal(labeling(spam, {}));
    expect(none!.message).toContain("lfs");
  });
});
