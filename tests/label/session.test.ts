import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { load, toDataset } from "../../src/data/convert.js";
import { rowKeys } from "../../src/label/row-key.js";
import { labelingSession, mostUncertain, type PickRows } from "../../src/label/session.js";
import { memoryLabels, savedLabels } from "../../src/label/store.js";

const CLASSES = ["Adelie", "Chinstrap", "Gentoo"];

describe("labelingSession", () => {
  it("offers a batch, saves each label at once, refits after the batch and scores out of fold once there are enough labels", async () => {
    const penguins = await load("penguins");
    const store = memoryLabels();
    const session = await labelingSession(penguins, { target: "Species", classes: CLASSES, batch: 4, store });
    expect(session.rows()).toHaveLength(4);
    expect(Object.keys(session.rows()[0].fields)).not.toContain("Species");
    expect(session.score.text).toMatch(/at least two classes/);
    let rounds = 0;
    while (session.state().labelled < 16) {
      const batch = session.rows();
      for (const [i, { row }] of batch.entries()) {
        const outcome = await session.label(row, String(penguins.get(row, "Species")));
        expect(store.load(session.id).get(outcome.key)).toBe(penguins.get(row, "Species"));
        expect(outcome.advanced).toBe(i === batch.length - 1);
      }
      rounds++;
    }
    expect(rounds).toBe(4);
    expect(session.model).toBeDefined();
    expect(session.score.value).toBeGreaterThan(0.6);
    expect(session.score.text).toMatch(/out-of-fold accuracy .* on 16 labels/);
    // A new session on the same store finds the labels and offers none of those rows again.
    const again = await labelingSession(penguins, { target: "Species", classes: CLASSES, batch: 4, store });
    expect(again.state().labelled).toBe(16);
    for (const { key } of again.rows()) expect(store.load(session.id).has(key)).toBe(false);
  });

  it("says how many more labels the score needs, skips without saving, and refuses unknown classes and rows", async () => {
    const store = memoryLabels();
    const pool = [1, 2, 3, 4, 5, 6, 7, 8].map((x) => ({ x, y: x * 2 }));
    const session = await labelingSession(pool, { classes: ["low", "high"], batch: 2, store });
    const [a, b] = session.rows();
    await session.label(a.row, "low");
    expect((await session.skip(b.row)).advanced).toBe(true);
    expect(store.load(session.id).size).toBe(1);
    const [c] = session.rows();
    await session.label(c.row, "high");
    await session.next();
    expect(session.score.text).toMatch(/needs 8 more labels and a second row of "low", "high"/);
    await expect(session.label(c.row, "medium")).rejects.toThrow(/not a class of "label"/);
    await expect(session.label(99, "low")).rejects.toThrow(/invalid row: 99/);
  });

  it("takes an injected pick, given the fitted model (once two classes are labelled), the unlabelled rows and the batch size", async () => {
    const calls: { model: boolean; rows: number; batch: number }[] = [];
    const pick: PickRows = (model, unlabelled, batch) => {
      calls.push({ model: model !== undefined, rows: unlabelled.nRows, batch });
      return [unlabelled.nRows - 1];
    };
    const pool = [1, 2, 3, 4, 5, 6].map((x) => ({ x }));
    const session = await labelingSession(pool, { classes: ["a", "b"], batch: 3, pick, store: memoryLabels() });
    expect(session.rows().map((r) => r.row)).toEqual([5]);
    await session.label(5, "a");
    await session.label(session.rows()[0].row, "b");
    expect(calls).toEqual([
      { model: false, rows: 6, batch: 3 },
      { model: false, rows: 5, batch: 3 },
      { model: true, rows: 4, batch: 3 },
    ]);
  });
});

describe("mostUncertain, the session's default pick", () => {
  it("picks the rows whose two likeliest classes are closest, the closest first", () => {
    const proba = { rows: 4, cols: 3, names: ["a", "b", "c"], data: Float64Array.from([0.9, 0.5, 0.3, 0.4, 0.05, 0.45, 0.6, 0.35, 0.05, 0.05, 0.1, 0.25]) };
    const model = { task: "classification", predictProba: () => proba } as never;
    const rows = { nRows: 4 } as never;
    // Margins 0.85, 0.05, 0.3, 0.05: rows 1 and 3 tie (row order breaks it); least confidence would rank row 3 (top 0.4) before row 1 (top 0.5).
    expect([...mostUncertain(model, rows, 3)]).toEqual([1, 3, 2]);
  });
});

describe("row keys", () => {
  it("hash a row's content (without the label column), so a re-ordered pool keeps its keys; a key column names rows as given", () => {
    const rows = [{ id: "p1", x: 1, label: "a" }, { id: "p2", x: 2, label: null }];
    const keys = rowKeys("t", toDs(rows), { exclude: ["label"] });
    const reordered = rowKeys("t", toDs([{ ...rows[1], label: "b" }, rows[0]]), { exclude: ["label"] });
    expect(reordered).toEqual([keys[1], keys[0]]);
    expect(rowKeys("t", toDs(rows), { key: "id" })).toEqual(["p1", "p2"]);
    expect(() => rowKeys("t", toDs([rows[0], rows[0]]), { key: "id" })).toThrow(/holds "p1" more than once/);
  });
});

describe("the label store", () => {
  it("keeps each label in the .litml/ store, so a new process finds it", async () => {
    process.env.LITML_STATE_DIR = mkdtempSync(path.join(os.tmpdir(), "litml-labels-"));
    try {
      const session = await labelingSession([{ x: 1 }, { x: 2 }, { x: 3 }], { classes: ["a", "b"], name: "pool-test", batch: 1 });
      await session.label(0, "a");
      await session.label(0, "b");
      await session.label(2, "a");
      expect(savedLabels("pool-test").map((s) => [s.key, s.label])).toEqual([
        [session.keys[0], "b"],
        [session.keys[2], "a"],
      ]);
    } finally {
      delete process.env.LITML_STATE_DIR;
    }
  });
});

function toDs(rows: object[]) {
  return toDataset(rows);
}
