/**
 * Tracking by default in the kernel's notebook API: analyses, cross-validation and fits
 * called from a notebook are recorded with the notebook, the call's options and the data;
 * a registered pipeline's lineage is the run that fitted it; `tracking(false)` stops
 * recording for that notebook only, and the setting outlives the kernel. The library
 * itself (a script) records nothing. Each kernel is its own process over one store.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expandCell } from "../../kernel-ext/magics/expand.js";

const stateDir = mkdtempSync(path.join(os.tmpdir(), "litml-tracking-"));

function kernel(notebook: string | undefined, code: string, api: "kernel" | "library" = "kernel", dir = stateDir): unknown {
  const entry = api === "library" ? path.resolve("dist", "src", "index.js") : path.resolve("dist", "kernel-ext", "notebook-api.js");
  const script = `const litml = await import(${JSON.stringify(entry)});\n${code}`;
  const env: NodeJS.ProcessEnv = { ...process.env, LITML_STATE_DIR: dir, LITML_KERNEL: "1" };
  delete env.JPY_SESSION_NAME;
  if (notebook !== undefined) env.JPY_SESSION_NAME = notebook;
  const out = execFileSync(process.execPath, ["--disable-warning=ExperimentalWarning", "--input-type=module", "-e", script], { encoding: "utf8", env }).trim();
  return JSON.parse(out.split("\n").at(-1) as string);
}

const listRuns = `const listed = (await litml.runs({ last: 1000 })).data.runs.map((r) => ({ id: r.id, kind: r.kind, notebook: r.notebook, name: r.name }));`;

describe("tracking in the kernel", () => {
  it("records analyses, cross-validation and fits with their notebook, once each, and registers with lineage", () => {
    const out = kernel(
      "a.ipynb",
      `
      const penguins = await litml.load("penguins");
      await litml.baseline(penguins, { target: "Species", folds: 3 });
      // Fits made inside a tracked call (each fold's) belong to its run, not runs of their own.
      const own = new litml.Pipeline(litml.pipelineFor("logistic").steps, litml.createModel("logistic"));
      await litml.crossValidate(penguins, { target: "Species", folds: 3, model: own });
      // A pipeline's fit is one run, not one for it and one for its model.
      const fitted = await own.fit(penguins, "Species");
      const registered = await litml.register(fitted, { name: "penguins" });
      ${listRuns}
      console.log(JSON.stringify({ listed, lineage: registered.data.registered.runId }));`,
    ) as { listed: { id: number; kind: string; notebook: string }[]; lineage: number };
    expect(out.listed.map((r) => [r.kind, r.notebook])).toEqual([
      ["baseline-comparison", "a.ipynb"],
      ["cross-validation", "a.ipynb"],
      ["fit", "a.ipynb"],
    ]);
    expect(out.lineage).toBe(out.listed[2].id);
  });

  it("tracking(false) stops recording for that notebook only, and is kept for it", () => {
    const before = kernel("b.ipynb", `litml.tracking(false); await litml.profile("penguins"); ${listRuns} console.log(JSON.stringify(listed.length));`) as number;
    // A new kernel for the same notebook keeps the setting; another notebook records as before.
    const same = kernel("b.ipynb", `await litml.profile("penguins"); ${listRuns} console.log(JSON.stringify(listed.length));`) as number;
    const other = kernel("c.ipynb", `await litml.profile("penguins"); ${listRuns} console.log(JSON.stringify(listed.filter((r) => r.notebook === "c.ipynb").length));`) as number;
    expect(same).toBe(before);
    expect(other).toBe(1);
    const back = kernel("b.ipynb", `litml.tracking(true); await litml.profile("penguins"); ${listRuns} console.log(JSON.stringify(listed.filter((r) => r.notebook === "b.ipynb").length));`) as number;
    expect(back).toBe(1);
  });

  it("every candidate of a search is a child run of the search's run, with its params and fold scores", () => {
    const out = kernel(
      "tune.ipynb",
      `
      const penguins = await litml.load("penguins");
      const grid = await litml.tune(penguins, { target: "Species", model: "logistic", space: { C: [0.01, 0.1, 1] }, folds: 3 });
      const halving = await litml.tune(penguins, { target: "Species", model: "knn", space: { k: [1, 3, 5, 9, 15, 25] }, search: "halving", folds: 3 });
      const top = (await litml.runs({ notebook: "tune.ipynb" })).data;
      const searches = top.runs.map((r) => r.id);
      const children = (await litml.runs({ parent: searches[0] })).data.runs.map((r) => r.id);
      const stored = (await import(${JSON.stringify(path.resolve("dist", "src", "state", "runs.js"))})).selectRuns({ ids: children });
      const halvingChildren = (await litml.runs({ parent: searches[1] })).data.runs.length;
      let unknown = "";
      try { await litml.runs({ parent: 999999 }); } catch (e) { unknown = e.message; }
      console.log(JSON.stringify({
        top: top.runs.map((r) => [r.kind, r.children]),
        notes: (await litml.runs({ notebook: "tune.ipynb" })).notes,
        expected: grid.data.candidates.map((c) => ({ params: c.params, folds: c.foldScores, mean: c.mean, rank: c.rank })),
        stored: stored.map((r) => ({ kind: r.kind, parent: r.parent, params: r.params, metrics: Object.fromEntries(r.metrics.map((m) => [m.name, m.value])) })),
        searches,
        halvingCandidates: new Set(halving.data.candidates.map((c) => c.candidate)).size,
        halvingChildren,
        unknown,
      }));`,
    ) as {
      top: [string, number][];
      notes: string[];
      expected: { params: { C: number }; folds: number[]; mean: number; rank: number }[];
      stored: { kind: string; parent: number; params: Record<string, unknown>; metrics: Record<string, number> }[];
      searches: number[];
      halvingCandidates: number;
      halvingChildren: number;
      unknown: string;
    };
    // The candidates are not listed among the runs: the two searches are, each with its count of parts.
    expect(out.top).toEqual([["hyperparameter-search", 3], ["hyperparameter-search", out.halvingCandidates]]);
    expect(out.notes.join(" ")).toMatch(/%runs --parent \d+/);
    expect(out.stored).toHaveLength(3);
    out.stored.forEach((run, i) => {
      const want = out.expected[i];
      expect(run.kind).toBe("tune-candidate");
      expect(run.parent).toBe(out.searches[0]);
      expect(run.params).toMatchObject({ model: "logistic", candidate: i, C: want.params.C });
      expect(want.folds.map((_, f) => run.metrics[`accuracy fold ${f + 1}`])).toEqual(want.folds);
      expect(run.metrics.accuracy).toBe(want.mean);
      expect(run.metrics.rank).toBe(want.rank);
    });
    // Halving scores a candidate at several sizes: still one run per candidate.
    expect(out.halvingChildren).toBe(out.halvingCandidates);
    expect(out.unknown).toMatch(/999999/);
  });

  it("a store written before runs had parents gains the column and keeps its runs", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "litml-tracking-old-"));
    const { default: Database } = await import("better-sqlite3");
    const old = new Database(path.join(dir, "state.db"));
    old.exec(`CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, name TEXT NOT NULL, at TEXT NOT NULL, notebook TEXT, cell INTEGER,
      params TEXT NOT NULL, datasets TEXT NOT NULL, seed REAL, duration_ms REAL, litml TEXT NOT NULL, verdict TEXT)`);
    old.prepare("INSERT INTO runs (kind, name, at, params, datasets, litml) VALUES ('track', 'before', '2026-01-01T00:00:00.000Z', '{}', '[]', '0.0.1')").run();
    old.close();
    const out = kernel(
      "old.ipynb",
      `
      await litml.tune(await litml.load("penguins"), { target: "Species", model: "logistic", space: { C: [0.1, 1] }, folds: 3 });
      const top = (await litml.runs()).data.runs;
      const children = (await litml.runs({ parent: top[1].id })).data.runs;
      console.log(JSON.stringify({ top: top.map((r) => [r.name, r.parent ?? null, r.children ?? 0]), children: children.map((r) => r.parent) }));`,
      "kernel",
      dir,
    ) as { top: [string, number | null, number][]; children: number[] };
    expect(out.top[0]).toEqual(["before", null, 0]);
    expect(out.top[1][2]).toBe(2);
    expect(out.children).toHaveLength(2);
  });

  it("a script that calls the library records nothing", () => {
    const count = () => kernel(undefined, `${listRuns} console.log(JSON.stringify(listed.length));`) as number;
    const before = count();
    kernel(undefined, `await litml.profile("penguins"); console.log("0");`, "library");
    expect(count()).toBe(before);
  });
});

describe("the magics", () => {
  const code = (cell: string) => expandCell(cell, { isVariable: () => false }).code;
  it("%runs, %tracking and %models expand to one call each", () => {
    expect(code("%runs --compare 3,7 --metric accuracy")).toBe('await litml.runs({ compare: [3, 7], metric: "accuracy" } as never)');
    expect(code("%tracking off")).toBe('await litml.tracking("off")');
    expect(code("%models --name flights")).toBe('await litml.registeredModels({ name: "flights" } as never)');
    expect(() => code("%tracking of")).toThrow(/one of on, off.*Did you mean off\?/);
  });
});
