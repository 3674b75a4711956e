/**
 * The pieces of a workshop that need no kernel: how a solution becomes its stub, what a
 * check prints, the %check magic's expansion, and what assign writes and refuses.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { expandCell } from "../../kernel-ext/magics/expand.js";
import * as litml from "../../src/index.js";
import { stubbed } from "../../src/workshop/cells.js";
import { FAILED, PASSED } from "../../src/workshop/check.js";
import { assign, grade } from "../../src/workshop/index.js";
import { LESSON, writeNotebook } from "./helpers.js";

/** What the checks print, line by line. */
async function printed(run: () => unknown): Promise<string[]> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return lines;
}

describe("solution stubs", () => {
  it("removes only the lines between BEGIN and END SOLUTION, and uncomments STUB lines", () => {
    const source = "// exercise: a\n// keep this hint\n// BEGIN SOLUTION\nconst x = 42;\n// END SOLUTION\n// STUB: const x: number = NaN;\nconsole.log(x);";
    expect(stubbed(source)).toBe("// exercise: a\n// keep this hint\n// YOUR CODE HERE\nconst x: number = NaN;\nconsole.log(x);");
  });

  it("without markers, takes everything after the first line as the solution", () => {
    expect(stubbed("// exercise: b\nconst y = secret();\n// STUB: let y = 0;")).toBe("// exercise: b\n// YOUR CODE HERE\nlet y = 0;");
  });

  it("refuses markers that do not pair", () => {
    expect(stubbed("// exercise: c\n// BEGIN SOLUTION\nconst z = 1;")).toBeUndefined();
    expect(stubbed("// exercise: c\n// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION")).toBeUndefined();
  });
});

describe("litml.expect under %check", () => {
  afterEach(() => vi.restoreAllMocks());

  it("prints one line per check, passed or failed with the value, and never throws", async () => {
    const lines = await printed(async () => {
      await litml.check("sum-them");
      litml.expect(6, "the total").toBe(6);
      litml.expect(3, "the total").toBe(6);
      litml.expect(0.1 + 0.2, "the sum").toBeCloseTo(0.3, 1e-9);
      litml.expect(Number.NaN, "the accuracy").toBeBetween(0, 1);
      litml.expect("0.5", "the share").toBeGreaterThan(0.1);
      litml.expect([1, [2, 3]], "the pairs").toEqual([1, [2, 3]]);
      litml.expect(["a", "b"], "the names").toContain("c");
    });
    expect(lines).toEqual([
      "Checks of sum-them:",
      "✔ passed sum-them: the total is 6",
      "✘ failed sum-them: the total should be 6, but it is 3",
      "✔ passed sum-them: the sum is within 1e-9 of 0.3 (it is 0.3)",
      "✘ failed sum-them: the accuracy should be between 0 and 1, but it is NaN",
      '✘ failed sum-them: the share should be greater than 0.1 (a number), but it is "0.5"',
      "✔ passed sum-them: the pairs equals [1,[2,3]]",
      '✘ failed sum-them: the names should contain "c", but it is ["a","b"]',
    ]);
  });

  it("judges strict and inclusive bounds, NaN and object identity exactly", async () => {
    const lines = await printed(() => {
      litml.expect(5).toBeGreaterThan(5);
      litml.expect(5).toBeAtLeast(5);
      litml.expect(5).toBeLessThan(5);
      litml.expect(5).toBeAtMost(5);
      litml.expect(Number.NaN).toBe(Number.NaN);
      litml.expect({ a: 1 }).toBe({ a: 1 });
      litml.expect(2).toSatisfy(() => { throw new Error("boom"); }, "is fine");
      litml.expect(0.31).toBeCloseTo(0.3, 0.001);
      expect(litml.expect(1).toBe(1)).toBeUndefined();
    });
    expect(lines.map((l) => l.slice(0, 8))).toEqual([FAILED, PASSED, FAILED, PASSED, PASSED, FAILED, FAILED, FAILED, PASSED]);
  });

  it("marks a hidden check's heading and rejects a bad exercise name", async () => {
    expect(await printed(() => litml.check("x", { hidden: true }))).toEqual(["Checks of x (hidden):"]);
    await expect(litml.check("two words")).rejects.toMatchObject({ code: "bad-option" });
  });
});

describe("%check", () => {
  it("expands to one awaited call, with --hidden as an option", () => {
    const context = { isVariable: () => false };
    expect(expandCell("%check sum-them", context).code).toBe('await litml.check("sum-them")');
    expect(expandCell('%check sum-them --hidden\nlitml.expect(total).toBe(6);', context).code).toBe(
      'await litml.check("sum-them", { hidden: true } as never)\nlitml.expect(total).toBe(6);',
    );
    expect(() => expandCell("%check", context)).toThrow(/missing NAME/);
  });
});

describe("assign", () => {
  it("writes a student version without solutions, hidden checks or outputs, and an instructor version with everything", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "litml-assign-"));
    mkdirSync(path.join(dir, "lessons"));
    writeNotebook(path.join(dir, "lessons", "tiny.ipynb"), LESSON);
    writeNotebook(path.join(dir, "lessons", "plain.ipynb"), [{ type: "code", source: "1 + 1" }]);
    const report = assign(path.join(dir, "lessons"), path.join(dir, "out"));
    expect(report.skipped).toEqual([path.join(dir, "lessons", "plain.ipynb")]);
    expect(report.notebooks.map((n) => n.exercises)).toEqual([["sum-them", "largest", "unchecked"]]);
    expect(report.problems.map((p) => p.message)).toEqual([
      'tiny.ipynb: exercise "unchecked" has no checks, so it cannot be graded. Add a cell that starts with "%check unchecked" followed by litml.expect(...) lines.',
    ]);
    const student = JSON.parse(readFileSync(report.notebooks[0].student, "utf8"));
    const sources: string[] = student.cells.map((c: { source: string }) => c.source);
    expect(sources.join("\n")).not.toMatch(/reduce|Math\.max|--hidden|toBe\(6\)/);
    expect(sources).toContain("// exercise: sum-them\n// Add up the numbers.\n// YOUR CODE HERE\nconst total: number = NaN;");
    expect(sources).toContain('%check sum-them\nlitml.expect(total, "the total").toBeGreaterThan(0);');
    expect(student.cells).toHaveLength(LESSON.length - 1);
    expect(student.metadata.litml).toMatchObject({ assignment: "tiny", version: "student" });
    const instructor = JSON.parse(readFileSync(report.notebooks[0].instructor, "utf8"));
    expect(instructor.cells.map((c: { source: string }) => c.source)).toEqual(LESSON.map((c) => c.source));
  });

  it("names a check of an unknown exercise, two exercises of one name, and unpaired markers", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "litml-assign-bad-"));
    mkdirSync(path.join(dir, "lessons"));
    writeNotebook(path.join(dir, "lessons", "bad.ipynb"), [
      { type: "code", source: "// exercise: sum-them\n// BEGIN SOLUTION\nconst total = 6;" },
      { type: "code", source: "// exercise: sum-them\nconst again = 1;" },
      { type: "code", source: "%check sum-tem\nlitml.expect(total).toBe(6);" },
    ]);
    writeFileSync(path.join(dir, "lessons", "broken.ipynb"), "not json");
    const codes = assign(path.join(dir, "lessons"), path.join(dir, "out")).problems.map((p) => [p.code, p.message]);
    expect(codes).toEqual([
      ["exercise-without-checks", expect.stringContaining('exercise "sum-them" has no checks')],
      ["check-without-exercise", expect.stringContaining('cell 3: "%check sum-tem" names no exercise of this notebook. Did you mean "sum-them"?')],
      ["repeated-exercise", expect.stringContaining('two solution cells are named "sum-them"')],
      ["unpaired-solution", expect.stringContaining("do not pair up")],
      ["not-a-notebook", expect.stringContaining("broken.ipynb is not a Jupyter notebook (not valid JSON")],
    ]);
  });

  it("fails with a LitmlError on a folder that does not exist", () => {
    expect(() => assign("/no/such/folder", os.tmpdir())).toThrow(expect.objectContaining({ code: "no-notebooks" }));
  });
});

describe("the lessons' exercises", () => {
  it("assign cleanly: every exercise has checks, and no solution line reaches the student", () => {
    const out = mkdtempSync(path.join(os.tmpdir(), "litml-lessons-"));
    const report = assign("notebooks", out);
    expect(report.problems.map((p) => p.message)).toEqual([]);
    // At least three lessons, two exercises or more each (issue 16).
    expect(report.notebooks.length).toBeGreaterThanOrEqual(3);
    for (const n of report.notebooks) expect(n.exercises.length, n.lesson).toBeGreaterThanOrEqual(2);
    for (const n of report.notebooks) {
      const instructor = JSON.parse(readFileSync(n.instructor, "utf8"));
      const student = JSON.parse(readFileSync(n.student, "utf8")).cells.map((c: { source: string | string[] }) => [c.source].flat().join("")).join("\n");
      for (const cell of instructor.cells) {
        const source: string = [cell.source].flat().join("");
        const solution = /\/\/ BEGIN SOLUTION\n([\s\S]*?)\/\/ END SOLUTION/.exec(source)?.[1];
        // Lines long enough to be the solution itself, not a lone brace.
        for (const line of solution?.split("\n").filter((l) => l.trim().length >= 12) ?? []) expect(student, `${n.lesson} leaks: ${line}`).not.toContain(line);
        if (source.startsWith("%check") && source.includes("--hidden")) expect(student).not.toContain(source);
      }
      expect(student).not.toContain("--hidden");
    }
  });
});

describe("grade without a working Python", () => {
  it("gives every submission an error line naming the Python, and still writes the CSV and the page", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "litml-grade-nopy-"));
    mkdirSync(path.join(dir, "lessons"));
    writeNotebook(path.join(dir, "lessons", "tiny.ipynb"), LESSON);
    const { notebooks } = assign(path.join(dir, "lessons"), path.join(dir, "out"));
    mkdirSync(path.join(dir, "subs"));
    writeFileSync(path.join(dir, "subs", "a-tiny.ipynb"), readFileSync(notebooks[0].student));
    const report = grade(path.join(dir, "out", "instructor"), path.join(dir, "subs"), path.join(dir, "grades"), { python: path.join(dir, "no-python") });
    expect(report.scores.map((s) => [s.exercise, s.score])).toEqual([["sum-them", 0], ["largest", 0], ["unchecked", 0]]);
    for (const s of report.scores) expect(s.error).toMatch(/a-tiny\.ipynb could not be executed: .*no-python could not be started/);
    expect(readFileSync(report.csv, "utf8").split("\n")[0]).toBe("submission,assignment,exercise,passed,checks,score,error");
    expect(readFileSync(report.html, "utf8")).toContain("Errors (3)");
  });

  it("fails with a LitmlError when the instructor folder holds no notebook", () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), "litml-grade-empty-"));
    expect(() => grade(empty, empty, path.join(empty, "out"))).toThrow(expect.objectContaining({ code: "no-notebooks" }));
  });
});
