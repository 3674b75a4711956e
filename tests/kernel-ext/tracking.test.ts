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

function kernel(notebook: string | undefined, code: string, api: "kernel" | "library" = "kernel"): unknown {
  const entry = api === "library" ? path.resolve("dist", "src", "index.js") : path.resolve("dist", "kernel-ext", "notebook-api.js");
  const script = `const litml = await import(${JSON.stringify(entry)});\n${code}`;
  const env: NodeJS.ProcessEnv = { ...process.env, LITML_STATE_DIR: stateDir, LITML_KERNEL: "1" };
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
