/**
 * litml in Deno's Jupyter kernel (issue #16): a notebook's cells run through `deno jupyter`
 * (the `deno` npm package, a development dependency) executed by nbclient from the venv,
 * and its analyses come back as litml result bundles. The store is not loaded by
 * analyses, so better-sqlite3 (which Deno cannot load) does not stand in their way.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { python } from "../helpers/python.js";

const DENO = path.resolve("node_modules", ".bin", "deno");
const ENTRY = path.resolve("dist", "src", "index.js");

if (!existsSync(DENO)) console.warn("litml: the Deno kernel test is skipped: the deno npm package is not installed here (npm ci installs it where its binary package is available).");

describe.skipIf(!existsSync(DENO))("Deno's Jupyter kernel", () => {
  it("runs litml analyses and displays their result bundles", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "litml-deno-"));
    const specDir = path.join(dir, "kernels", "deno");
    mkdirSync(specDir, { recursive: true });
    writeFileSync(path.join(specDir, "kernel.json"), JSON.stringify({ argv: [DENO, "jupyter", "--kernel", "--conn", "{connection_file}"], display_name: "Deno", language: "typescript" }));
    const cells = [
      `const litml = await import(${JSON.stringify(ENTRY)});`,
      // Displayed with Deno's own awaited display (which reads Symbol.for("Jupyter.display")), so the bundle
      // is sent before the cell ends; a cell's last value was once missing from nbclient's outputs under load.
      `await Deno.jupyter.display(await litml.slices("penguins", { target: "Species", by: "Island" }))`,
      `await Deno.jupyter.display(await litml.baseline("penguins", { target: "Species", resamples: 100 }))`,
    ];
    const outputs = python<{ type: string; mime: string[]; kind: string | null; text: string }[][]>(
      `
import os
import nbformat
from nbclient import NotebookClient
os.environ["JUPYTER_PATH"] = ${JSON.stringify(dir)}
nb = nbformat.v4.new_notebook()
nb.cells = [nbformat.v4.new_code_cell(c) for c in json.load(sys.stdin)]
NotebookClient(nb, kernel_name="deno", timeout=300, resources={"metadata": {"path": ${JSON.stringify(process.cwd())}}}).execute()
emit([[{"type": o.output_type, "mime": sorted(o.get("data", {}).keys()), "kind": o.get("data", {}).get("application/vnd.litml.result+json", {}).get("kind"), "text": str(o.get("text", o.get("evalue", "")))[:500]} for o in cell.outputs] for cell in nb.cells])`,
      JSON.stringify(cells),
    ).value;
    // Every output of every cell in the message: a failure here has to say what Deno answered instead.
    expect(outputs[1].map((o) => o.kind), JSON.stringify(outputs)).toContain("slices");
    expect(outputs[2].map((o) => o.kind)).toContain("baseline-comparison");
    expect(outputs[1].find((o) => o.kind === "slices")!.mime).toEqual(expect.arrayContaining(["application/vnd.litml.result+json", "text/html", "text/plain"]));
  });
}, 300_000);

