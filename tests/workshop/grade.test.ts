/**
 * The Must-show test of issue 16: assign a small lesson, fill in a correct and a wrong
 * solution, grade both through the real kernel, and read the scores back from the CSV;
 * with the bad submissions (not a notebook, broken JSON, another kernel, a crashing
 * solution, an exercise without checks) each an error line while grading goes on.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assign, grade, type GradeReport } from "../../src/workshop/index.js";
import { VENV_PYTHON } from "../helpers/python.js";
import { LESSON, writeNotebook } from "./helpers.js";

const CLI = path.resolve("dist", "src", "cli.js");

type Row = Record<string, string>;

function parseCsv(text: string): Row[] {
  // Enough CSV for our own output: quoted fields with doubled quotes, no newlines inside.
  const split = (line: string) => {
    const fields: string[] = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = !quoted;
      else if (c === "," && !quoted) fields.push(field), (field = "");
      else field += c;
    }
    return [...fields, field];
  };
  const lines = text.trim().split("\n");
  const header = split(lines[0]);
  return lines.slice(1).map((line) => Object.fromEntries(split(line).map((v, i) => [header[i], v])));
}

/** The student's notebook with each "// YOUR CODE HERE" of an exercise replaced by `code`. */
function fillIn(studentFile: string, answers: Record<string, string>, target: string, edit?: (nb: any) => void): void {
  const nb = JSON.parse(readFileSync(studentFile, "utf8"));
  for (const cell of nb.cells) {
    const source = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    const name = /^\/\/ exercise: ([\w-]+)/.exec(source)?.[1];
    if (name && answers[name] !== undefined) {
      // The stub's declaration goes: the answer declares the name itself.
      cell.source = source.replace("// YOUR CODE HERE", answers[name]).split("\n").filter((l: string) => !/= NaN;|= 0;$/.test(l)).join("\n");
    }
  }
  edit?.(nb);
  writeFileSync(target, JSON.stringify(nb));
}

describe("assign and grade (issue 16, Must show)", () => {
  let dir: string;
  let report: GradeReport;
  let rows: Row[];
  const row = (submission: string, exercise: string) => rows.find((r) => r.submission === submission && r.exercise === exercise)!;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "litml-workshop-"));
    // This build's kernel, in a private prefix: the venv's own kernelspec may point at another checkout.
    const prefix = path.join(dir, "prefix");
    const install = spawnSync(process.execPath, [CLI, "install", "--prefix", prefix, "--python", VENV_PYTHON], { encoding: "utf8" });
    if (install.status !== 0) throw new Error(install.stderr);
    mkdirSync(path.join(dir, "lessons"));
    writeNotebook(path.join(dir, "lessons", "tiny.ipynb"), LESSON);
    const assigned = assign(path.join(dir, "lessons"), path.join(dir, "dist"));
    expect(assigned.problems.map((p) => p.code)).toEqual(["exercise-without-checks"]);
    const student = assigned.notebooks[0].student;
    const subs = path.join(dir, "submissions");
    mkdirSync(subs);
    fillIn(student, { "sum-them": "const total = numbers.reduce((a, b) => a + b, 0);", largest: "const largest = Math.max(...numbers);" }, path.join(subs, "alice-tiny.ipynb"));
    // Wrong answers that pass the visible check of sum-them (3 > 0) and fail its hidden ones;
    // the student also rewrote the visible check to pass: the grader must use the instructor's.
    fillIn(student, { "sum-them": "const total = numbers.length;", largest: "const largest = Math.min(...numbers);" }, path.join(subs, "bob-tiny.ipynb"), (nb) => {
      for (const cell of nb.cells) if (String(cell.source).startsWith("%check largest")) cell.source = "%check largest\nlitml.expect(1).toBe(1);";
    });
    // A solution that throws: its checks cannot even compile, the other exercise still counts.
    fillIn(student, { "sum-them": "const total: number = (null as any).length;", largest: "const largest = Math.max(...numbers);" }, path.join(subs, "carol-tiny.ipynb"));
    // The answer finished in a cell of the student's own, between the solution cell and the check cell.
    fillIn(student, { "sum-them": "let total = -1;", largest: "const largest = Math.max(...numbers);" }, path.join(subs, "ivy-tiny.ipynb"), (nb) => {
      const at = nb.cells.findIndex((c: { source: string }) => String(c.source).startsWith("%check sum-them"));
      nb.cells.splice(at, 0, { cell_type: "code", id: "ivy", metadata: {}, outputs: [], execution_count: null, source: "total = numbers.reduce((a, b) => a + b, 0);" });
    });
    writeFileSync(path.join(subs, "dave-tiny.txt"), "my answers: 6 and 3");
    writeFileSync(path.join(subs, "erin-tiny.ipynb"), '{"cells": [');
    writeNotebook(path.join(subs, "frank-tiny.ipynb"), [{ type: "code", source: "total = sum([3, 1, 2])" }], "python3");
    copyFileSync(student, path.join(subs, "gina-unrelated.ipynb"));
    writeNotebook(path.join(subs, "henry-homework.ipynb"), [{ type: "code", source: "const total = 6;" }]);
    const jupyter = { JUPYTER_PATH: path.join(prefix, "share", "jupyter") };
    report = grade(path.join(dir, "dist", "instructor"), subs, path.join(dir, "grades"), { python: VENV_PYTHON, timeoutSeconds: 60, env: jupyter });
    rows = parseCsv(readFileSync(report.csv, "utf8"));
  }, 240_000);

  it("scores a correct solution 1 on every checked exercise, hidden checks included", () => {
    expect(row("alice-tiny.ipynb", "sum-them")).toMatchObject({ passed: "3", checks: "3", score: "1", error: "" });
    expect(row("alice-tiny.ipynb", "largest")).toMatchObject({ passed: "1", checks: "1", score: "1", error: "" });
  });

  it("runs the checks where the student's check cell was, after cells the student added", () => {
    expect(row("ivy-tiny.ipynb", "sum-them")).toMatchObject({ passed: "3", checks: "3", score: "1", error: "" });
  });

  it("scores a wrong solution by its hidden checks, and ignores a check the student rewrote", () => {
    expect(row("bob-tiny.ipynb", "sum-them")).toMatchObject({ passed: "1", checks: "3", score: "0.333" });
    expect(row("bob-tiny.ipynb", "largest")).toMatchObject({ passed: "0", checks: "1", score: "0" });
    const failures = report.scores.find((s) => s.submission === "bob-tiny.ipynb" && s.exercise === "sum-them")!.failures;
    expect(failures).toEqual([
      "✘ failed sum-them: the total should be 6, but it is 3",
      "✘ failed sum-them: the total's remainder by 2 should be 0, but it is 1",
    ]);
  });

  it("counts every check of a crashed check cell as failed and says why, and grades the next exercise", () => {
    const sum = row("carol-tiny.ipynb", "sum-them");
    expect(sum).toMatchObject({ passed: "0", checks: "3", score: "0" });
    expect(sum.error).toMatch(/solution cell stopped with TypeError/);
    expect(sum.error).toMatch(/check cell of "sum-them" stopped/);
    expect(row("carol-tiny.ipynb", "largest")).toMatchObject({ passed: "1", checks: "1", score: "1" });
  });

  it("reports an exercise without checks on every submission, instead of a silent zero", () => {
    expect(row("alice-tiny.ipynb", "unchecked").error).toMatch(/exercise "unchecked" has no checks/);
  });

  it("gives one clear error line to a file that is not a notebook, broken JSON, another kernel and an unknown assignment", () => {
    expect(row("dave-tiny.txt", "sum-them").error).toMatch(/dave-tiny\.txt is not a Jupyter notebook \(its name does not end in \.ipynb\)/);
    expect(row("erin-tiny.ipynb", "sum-them").error).toMatch(/erin-tiny\.ipynb is not a Jupyter notebook \(not valid JSON/);
    expect(row("frank-tiny.ipynb", "sum-them").error).toMatch(/run with the "python3" kernel, not litml/);
    expect(row("henry-homework.ipynb", "").error).toMatch(/matches no assignment/);
    // gina's copy keeps assign's stamp in its metadata, so it is graded whatever its name: unanswered, the stub's NaN fails every check.
    expect(row("gina-unrelated.ipynb", "sum-them")).toMatchObject({ passed: "0", checks: "3", error: "" });
    expect(report.scores.find((s) => s.submission === "gina-unrelated.ipynb" && s.exercise === "sum-them")!.failures[0]).toBe(
      "✘ failed sum-them: the total should be greater than 0, but it is NaN",
    );
  });

  it("writes an HTML summary with the error lines, escaped", () => {
    const html = readFileSync(report.html, "utf8");
    expect(html).toContain("frank-tiny.ipynb");
    expect(html).toContain("&#34;python3&#34; kernel");
    expect(html).not.toMatch(/<script/i);
    // alice: 3 + 1 checks passed of 4 (the unchecked exercise adds none).
    expect(html).toMatch(/<tr><td>alice-tiny\.ipynb<\/td><td class="n">4 \/ 4<\/td><td class="n">100%<\/td><\/tr>/);
    expect(html).toMatch(/<tr><td>bob-tiny\.ipynb<\/td><td class="n">1 \/ 4<\/td><td class="n">25%<\/td><\/tr>/);
  });
});
