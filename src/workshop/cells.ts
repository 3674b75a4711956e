/**
 * How a lesson marks its exercises, read from the cells' text (so a lesson author
 * writes them in any editor and a student sees them):
 *
 * - a **solution cell** is a code cell whose first line is `// exercise: NAME`; its
 *   solution is the lines between `// BEGIN SOLUTION` and `// END SOLUTION` (or, without
 *   those markers, every line after the first). A line `// STUB: CODE` becomes `CODE` in
 *   the student's version, to declare the names the checks read.
 * - a **check cell** is a code cell whose first line is `%check NAME` (visible) or
 *   `%check NAME --hidden`, followed by `litml.expect(...)` lines.
 */
import { joinSource, type Notebook, type NotebookCell } from "../report/notebook.js";
import { FAILED, PASSED } from "./check.js";

const EXERCISE = /^\s*\/\/\s*exercise:\s*([\w-]+)\s*$/;
const CHECK = /^\s*%check\s+([\w-]+)((?:\s+--[\w-]+(?:\s+[\w-]+)?)*)\s*$/;
const BEGIN = /^\s*\/\/\s*BEGIN SOLUTION\s*$/;
const END = /^\s*\/\/\s*END SOLUTION\s*$/;
const STUB = /^(\s*)\/\/\s*STUB:\s?(.*)$/;

export const YOUR_CODE = "// YOUR CODE HERE";

export function firstLine(cell: NotebookCell): string {
  return joinSource(cell.source).split("\n")[0] ?? "";
}

/** The exercise a solution cell holds, if it is one. */
export function exerciseOf(cell: NotebookCell): string | undefined {
  return cell.cell_type === "code" ? EXERCISE.exec(firstLine(cell))?.[1] : undefined;
}

export interface CheckCell {
  readonly exercise: string;
  readonly hidden: boolean;
}

/** The exercise and visibility of a check cell, if it is one. */
export function checkOf(cell: NotebookCell): CheckCell | undefined {
  if (cell.cell_type !== "code") return undefined;
  const match = CHECK.exec(firstLine(cell));
  return match ? { exercise: match[1], hidden: /--hidden\b/.test(match[2]) } : undefined;
}

/** How many checks a check cell holds: one per `expect(` call (what the grader counts when a cell crashes). */
export function countChecks(cell: NotebookCell): number {
  return joinSource(cell.source).match(/\bexpect\s*\(/g)?.length ?? 0;
}

/** The lines an executed check cell printed for its checks, passed and failed. */
export function checkOutcomes(cell: NotebookCell): { passed: string[]; failed: string[] } {
  const lines = (cell.outputs ?? []).filter((o) => o.output_type === "stream").flatMap((o) => joinSource(o.text).split("\n"));
  return { passed: lines.filter((l) => l.startsWith(PASSED)), failed: lines.filter((l) => l.startsWith(FAILED)) };
}

/** Every check an executed notebook reports as failed, with its exercise. */
export function failedChecks(notebook: Notebook): { exercise: string; line: string }[] {
  return notebook.cells.flatMap((cell) => {
    const check = checkOf(cell);
    return check ? checkOutcomes(cell).failed.map((line) => ({ exercise: check.exercise, line })) : [];
  });
}

/** The student's version of a solution cell's text; undefined when BEGIN and END do not pair. */
export function stubbed(source: string): string | undefined {
  const lines = source.split("\n");
  const out = [lines[0]];
  const marked = lines.some((l) => BEGIN.test(l));
  let inside = !marked;
  let wrote = false;
  for (const line of lines.slice(1)) {
    const stub = STUB.exec(line);
    if (BEGIN.test(line)) {
      if (inside) return undefined;
      inside = true;
      wrote = false;
    } else if (END.test(line)) {
      if (!inside || !marked) return undefined;
      inside = false;
      out.push(YOUR_CODE);
      wrote = true;
    } else if (stub) {
      out.push(stub[1] + stub[2]);
    } else if (!inside) {
      out.push(line);
    }
  }
  if (marked && inside) return undefined;
  if (!marked && !wrote) out.splice(1, 0, YOUR_CODE);
  return out.join("\n");
}

export interface Exercise {
  readonly name: string;
  /** Index of its solution cell. */
  readonly cell: number;
  /** Indices of its check cells. */
  readonly checks: number[];
}

/** The exercises of a notebook in order, and the check cells that name no exercise. */
export function exercisesOf(notebook: Notebook): { exercises: Exercise[]; orphans: { cell: number; exercise: string }[]; repeated: string[] } {
  const exercises: Exercise[] = [];
  const orphans: { cell: number; exercise: string }[] = [];
  const repeated: string[] = [];
  notebook.cells.forEach((cell, index) => {
    const name = exerciseOf(cell);
    if (name !== undefined) {
      if (exercises.some((e) => e.name === name)) repeated.push(name);
      else exercises.push({ name, cell: index, checks: [] });
    }
  });
  notebook.cells.forEach((cell, index) => {
    const check = checkOf(cell);
    if (!check) return;
    const exercise = exercises.find((e) => e.name === check.exercise);
    if (exercise) exercise.checks.push(index);
    else orphans.push({ cell: index, exercise: check.exercise });
  });
  return { exercises, orphans, repeated };
}
