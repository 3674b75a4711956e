/**
 * `assign(notebooksDir, outDir)`: from lessons holding exercises, write
 * `outDir/student/` (each solution replaced by its stub, hidden checks removed, outputs
 * cleared) and `outDir/instructor/` (the lesson whole, what `grade` reads). In the manner
 * of otter-grader's assign; the conventions are in cells.ts.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { type LitmlError } from "../errors.js";
import { message } from "../messages.js";
import { joinSource, type Notebook, type NotebookCell } from "../report/notebook.js";
import { checkOf, exerciseOf, exercisesOf, stubbed } from "./cells.js";
import { notebooksIn, readNotebook, writeNotebook } from "./notebook-files.js";

export interface AssignedNotebook {
  readonly lesson: string;
  readonly student: string;
  readonly instructor: string;
  readonly exercises: readonly string[];
}

export interface AssignReport {
  readonly notebooks: readonly AssignedNotebook[];
  /** Lessons without exercises: nothing to assign. */
  readonly skipped: readonly string[];
  /** Mistakes in the lessons (an exercise without checks, a check naming no exercise…). Non-empty means fix the lessons. */
  readonly problems: readonly LitmlError[];
}

export function assign(notebooksDir: string, outDir: string): AssignReport {
  const files = notebooksIn(notebooksDir, "lessons");
  if (files.length === 0) throw message.noNotebooks(notebooksDir, "lessons");
  const notebooks: AssignedNotebook[] = [];
  const skipped: string[] = [];
  const problems: LitmlError[] = [];
  const studentDir = path.join(outDir, "student");
  const instructorDir = path.join(outDir, "instructor");
  for (const file of files) {
    const name = path.basename(file);
    const lesson = name.replace(/\.ipynb$/, "");
    const notebook = readNotebook(file, name);
    if (!("cells" in notebook)) {
      problems.push(notebook);
      continue;
    }
    const { exercises, orphans, repeated } = exercisesOf(notebook);
    if (exercises.length === 0) {
      skipped.push(file);
      continue;
    }
    for (const e of exercises) if (e.checks.length === 0) problems.push(message.exerciseWithoutChecks(name, e.name));
    for (const o of orphans) problems.push(message.checkWithoutExercise(name, o.cell, o.exercise, exercises.map((e) => e.name)));
    for (const r of repeated) problems.push(message.repeatedExercise(name, r));
    const student: NotebookCell[] = [];
    for (const cell of notebook.cells) {
      if (checkOf(cell)?.hidden) continue;
      const exercise = exerciseOf(cell);
      let source = joinSource(cell.source);
      if (exercise !== undefined) {
        const stub = stubbed(source);
        if (stub === undefined) problems.push(message.unpairedSolution(name, exercise));
        source = stub ?? `${source.split("\n")[0]}\n// YOUR CODE HERE`;
      }
      student.push(cleared({ ...cell, source }));
    }
    const stamp = { assignment: lesson, exercises: exercises.map((e) => e.name) };
    mkdirSync(studentDir, { recursive: true });
    mkdirSync(instructorDir, { recursive: true });
    const studentFile = path.join(studentDir, name);
    const instructorFile = path.join(instructorDir, name);
    writeNotebook(studentFile, withStamp({ ...notebook, cells: student }, { ...stamp, version: "student" }));
    writeNotebook(instructorFile, withStamp({ ...notebook, cells: notebook.cells.map(cleared) }, { ...stamp, version: "instructor" }));
    notebooks.push({ lesson, student: studentFile, instructor: instructorFile, exercises: stamp.exercises });
  }
  return { notebooks, skipped, problems };
}

/** No outputs: the lesson's executed outputs would show the solutions' results. */
function cleared(cell: NotebookCell): NotebookCell {
  return cell.cell_type === "code" ? { ...cell, outputs: [], execution_count: null } : { ...cell };
}

function withStamp(notebook: Notebook, stamp: Record<string, unknown>): Notebook {
  const litml = { ...(notebook.metadata.litml ?? {}), ...stamp };
  delete litml.executed;
  return { ...notebook, metadata: { ...notebook.metadata, litml } };
}
