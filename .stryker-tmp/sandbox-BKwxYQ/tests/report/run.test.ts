// @ts-nocheck
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const CLI = path.resolve("dist", "src", "cli.js");
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

function notebook(cells: { type: "code" | "markdown"; source: string }[]) {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "litml", display_name: "litml (TypeScript)", language: "typescript" } },
    cells: cells.map((c, i) =>
      c.type === "code"
        ? { id: `c${i}`, cell_type: "code", source: c.source, metadata: {}, outputs: [], execution_count: null }
        : { id: `c${i}`, cell_type: "markdown", source: c.source, metadata: {} },
    ),
  });
}

describe("litml run (the main job behind npm start)", () => {
  it("executes a copy of the quickstart and writes a self-contained report, leaving the tracked notebook alone", () => {
    const out = mkdtempSync(path.join(os.tmpdir(), "litml-run-"));
    const tracked = path.resolve("notebooks", "00-quickstart.ipynb");
    const before = sha(tracked);
    const run = spawnSync(process.execPath, [CLI, "run", tracked, "--out", out], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(sha(tracked)).toBe(before);
    const html = readFileSync(path.join(out, "00-quickstart.html"), "utf8");
    expect(html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(2);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(src|srcset)\s*=\s*["'](https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    const executed = JSON.parse(readFileSync(path.join(out, "00-quickstart.ipynb"), "utf8"));
    const outputs = executed.cells.flatMap((c: { outputs?: { output_type: string }[] }) => c.outputs ?? []);
    expect(outputs.filter((o: { output_type: string }) => o.output_type === "error")).toEqual([]);
    expect(run.stdout).toContain(path.join(out, "00-quickstart.html"));
  }, 120_000);

  it("exits non-zero when a cell fails, and still writes the report with the error", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "litml-fail-"));
    const source = path.join(dir, "broken.ipynb");
    writeFileSync(
      source,
      notebook([
        { type: "markdown", source: "# Broken on purpose" },
        { type: "code", source: "const fine = 1;" },
        { type: "code", source: "%profile no-such-data" },
        { type: "code", source: "fine" },
      ]),
    );
    const run = spawnSync(process.execPath, [CLI, "run", source, "--out", path.join(dir, "out")], { encoding: "utf8" });
    expect(run.status).toBe(1);
    const html = readFileSync(path.join(dir, "out", "broken.html"), "utf8");
    expect(html).toContain("LitmlError");
    expect(html).toContain("no-such-data");
  }, 120_000);

  it("adds PNG copies of charts for GitHub with --github", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "litml-gh-"));
    const source = path.join(dir, "profile.ipynb");
    writeFileSync(source, notebook([{ type: "code", source: "%profile penguins" }]));
    const run = spawnSync(process.execPath, [CLI, "run", source, "--out", path.join(dir, "out"), "--github"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const executed = JSON.parse(readFileSync(path.join(dir, "out", "profile.ipynb"), "utf8"));
    const png = Buffer.from(executed.cells[0].outputs[0].data["image/png"], "base64");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  }, 120_000);
});

describe("litml install", () => {
  it("writes a kernelspec that starts this kernel with this node", () => {
    const prefix = mkdtempSync(path.join(os.tmpdir(), "litml-prefix-"));
    const run = spawnSync(process.execPath, [CLI, "install", "--prefix", prefix], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const spec = JSON.parse(readFileSync(path.join(prefix, "share", "jupyter", "kernels", "litml", "kernel.json"), "utf8"));
    expect(spec.argv[0]).toBe(process.execPath);
    expect(spec.argv).toContain(path.resolve("dist", "kernel-ext", "main.js"));
    expect(spec.argv.at(-1)).toBe("{connection_file}");
    expect(spec.language).toBe("typescript");
  });
});
