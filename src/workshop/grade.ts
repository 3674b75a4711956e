/**
 * `grade(instructorDir, submissionsDir, outDir)`: run every submitted notebook with the
 * instructor's checks (visible and hidden) in place of the student's, through the
 * venv's nbclient and the litml kernel, and write `grades.csv` and `grades.html`.
 * A bad submission (not a notebook, another kernel, a crashing cell, a missing solution)
 * becomes an error line and grading goes on with the others.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LitmlError } from "../errors.js";
import { message } from "../messages.js";
import { type Notebook, type NotebookCell } from "../report/notebook.js";
import { checkOf, checkOutcomes, countChecks, type Exercise, exerciseOf, exercisesOf } from "./cells.js";
import { executeNotebooks, type ExecuteJob } from "./execute.js";
import { filesUnder, notebooksIn, readNotebook, writeNotebook } from "./notebook-files.js";
import { gradesCsv, gradesHtml } from "./summary.js";
import { type ExerciseScore } from "./types.js";

export { type ExerciseScore } from "./types.js";

export interface GradeOptions {
  /** The Python with Jupyter and nbclient (default: .venv/bin/python in the working folder, else python3). */
  readonly python?: string;
  /** Seconds a cell may run (default 600). */
  readonly timeoutSeconds?: number;
  /** Extra environment for Jupyter, e.g. { JUPYTER_PATH } to find a litml kernelspec installed elsewhere. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface GradeReport {
  readonly scores: readonly ExerciseScore[];
  readonly csv: string;
  readonly html: string;
}

interface Assignment {
  readonly name: string;
  readonly notebook: Notebook;
  readonly exercises: readonly Exercise[];
}

interface Pending {
  readonly submission: string;
  readonly assignment: Assignment;
  readonly job: ExecuteJob;
  /** Per exercise: graded cell indices with their static check counts, or the error that stops it. */
  readonly plan: Map<string, { cells: { index: number; expected: number }[]; solution?: number; error?: string }>;
}

export function grade(instructorDir: string, submissionsDir: string, outDir: string, options: GradeOptions = {}): GradeReport {
  const assignments = readAssignments(instructorDir);
  if (!existsSync(submissionsDir)) throw message.noNotebooks(submissionsDir, "submissions");
  const files = filesUnder(submissionsDir);
  const workDir = path.join(outDir, "graded");
  mkdirSync(workDir, { recursive: true });
  const scores: ExerciseScore[] = [];
  const pending: Pending[] = [];
  for (const file of files) {
    const submission = path.relative(submissionsDir, file);
    const failAll = (error: LitmlError, assignment?: Assignment) => {
      const exercises = assignment?.exercises.map((e) => e.name) ?? [""];
      for (const exercise of exercises) scores.push(zero(submission, assignment?.name ?? "", exercise, error.message));
    };
    const notebook = readNotebook(file, submission);
    if (notebook instanceof LitmlError) {
      failAll(notebook, byFileName(submission, assignments));
      continue;
    }
    const assignment = matchAssignment(notebook, submission, assignments);
    if (assignment === undefined) {
      failAll(message.unknownAssignment(submission, assignments.map((a) => a.name)));
      continue;
    }
    const kernel = notebook.metadata.kernelspec?.name;
    if (typeof kernel === "string" && kernel !== "litml") {
      failAll(message.wrongKernel(submission, kernel), assignment);
      continue;
    }
    const { cells, plan } = gradedCells(notebook, assignment, submission);
    const base = submission.replace(/[\\/]/g, "__").replace(/\.ipynb$/, "");
    const source = path.join(workDir, `${base}.input.ipynb`);
    writeNotebook(source, { ...notebook, cells, metadata: { ...notebook.metadata, kernelspec: assignment.notebook.metadata.kernelspec ?? notebook.metadata.kernelspec } });
    pending.push({ submission, assignment, plan, job: { source, target: path.join(workDir, `${base}.ipynb`), workdir: path.resolve(instructorDir) } });
  }
  const python = options.python ?? (existsSync(path.resolve(".venv/bin/python")) ? path.resolve(".venv/bin/python") : "python3");
  const failures = executeNotebooks(
    pending.map((p) => p.job),
    { python, timeoutSeconds: options.timeoutSeconds ?? 600, env: options.env },
  );
  pending.forEach((p, i) => {
    const failure = failures[i];
    if (failure !== undefined) {
      const error = message.executionFailed(p.submission, failure).message;
      for (const e of p.assignment.exercises) scores.push(zero(p.submission, p.assignment.name, e.name, error));
      return;
    }
    const executed = readNotebook(p.job.target);
    if (executed instanceof LitmlError) throw executed;
    for (const e of p.assignment.exercises) scores.push(scoreExercise(p, e.name, executed));
  });
  mkdirSync(outDir, { recursive: true });
  const csv = path.join(outDir, "grades.csv");
  const html = path.join(outDir, "grades.html");
  writeFileSync(csv, gradesCsv(scores));
  writeFileSync(html, gradesHtml(scores));
  return { scores, csv, html };
}

function readAssignments(instructorDir: string): Assignment[] {
  const files = notebooksIn(instructorDir, "instructor notebooks");
  if (files.length === 0) throw message.noNotebooks(instructorDir, "instructor notebooks");
  return files.map((file) => {
    const notebook = readNotebook(file);
    if (notebook instanceof LitmlError) throw notebook;
    const name = (notebook.metadata.litml?.assignment as string | undefined) ?? path.basename(file, ".ipynb");
    return { name, notebook, exercises: exercisesOf(notebook).exercises };
  });
}

/** By the stamp assign wrote into the metadata, else by the longest assignment name in the file name. */
function matchAssignment(notebook: Notebook, submission: string, assignments: readonly Assignment[]): Assignment | undefined {
  const stamped = notebook.metadata.litml?.assignment;
  const byStamp = assignments.find((a) => a.name === stamped);
  if (byStamp) return byStamp;
  return byFileName(submission, assignments);
}

function byFileName(submission: string, assignments: readonly Assignment[]): Assignment | undefined {
  const base = path.basename(submission);
  return [...assignments].sort((a, b) => b.name.length - a.name.length).find((a) => base.includes(a.name));
}

/**
 * The submission's cells without its own check cells (a student may have edited them),
 * with the instructor's check cells of each exercise, visible and hidden, where the
 * student's first check cell of that exercise was (so helper cells the student added
 * before it count), or right after the solution cell when the student deleted it.
 */
function gradedCells(notebook: Notebook, assignment: Assignment, submission: string): { cells: NotebookCell[]; plan: Pending["plan"] } {
  const theirs: NotebookCell[] = [];
  /** Per exercise: its solution cell's index among `theirs`, and where its checks go (insert before this index). */
  const places = new Map<string, { solution: number; at: number; moved: boolean }>();
  for (const cell of notebook.cells) {
    const check = checkOf(cell);
    if (check) {
      const place = places.get(check.exercise);
      if (place && !place.moved) Object.assign(place, { at: theirs.length, moved: true });
      continue;
    }
    theirs.push({ ...cell, ...(cell.cell_type === "code" ? { outputs: [], execution_count: null } : {}) });
    const name = exerciseOf(cell);
    if (name !== undefined && !places.has(name)) places.set(name, { solution: theirs.length - 1, at: theirs.length, moved: false });
  }
  const plan: Pending["plan"] = new Map();
  const cells: NotebookCell[] = [];
  const byPlace = [...assignment.exercises].filter((e) => places.has(e.name)).sort((a, b) => places.get(a.name)!.at - places.get(b.name)!.at);
  /** Where each of the student's cells lands among the graded cells. */
  const position: number[] = [];
  const take = (until: number) => {
    while (position.length < until) {
      position.push(cells.length);
      cells.push(theirs[position.length - 1]);
    }
  };
  for (const exercise of byPlace) {
    const place = places.get(exercise.name)!;
    take(place.at);
    const entry: { cells: { index: number; expected: number }[]; solution?: number; error?: string } = { cells: [], solution: position[place.solution] };
    for (const index of exercise.checks) {
      const check = assignment.notebook.cells[index];
      entry.cells.push({ index: cells.length, expected: countChecks(check) });
      cells.push({ ...check, outputs: [], execution_count: null });
    }
    if (exercise.checks.length === 0) entry.error = message.exerciseWithoutChecks(assignment.name, exercise.name).message;
    plan.set(exercise.name, entry);
  }
  take(theirs.length);
  for (const e of assignment.exercises) {
    if (!plan.has(e.name)) plan.set(e.name, { cells: [], error: message.missingSolution(submission, e.name).message });
  }
  return { cells, plan };
}

function scoreExercise(p: Pending, exercise: string, executed: Notebook): ExerciseScore {
  const entry = p.plan.get(exercise)!;
  if (entry.error !== undefined) return zero(p.submission, p.assignment.name, exercise, entry.error);
  let passed = 0;
  let checks = 0;
  const failures: string[] = [];
  const errors: string[] = [];
  const solutionError = entry.solution === undefined ? undefined : errorOf(executed.cells[entry.solution]);
  if (solutionError) errors.push(`the solution cell stopped with ${solutionError}`);
  for (const { index, expected } of entry.cells) {
    const cell = executed.cells[index];
    const outcome = checkOutcomes(cell);
    const ok = outcome.passed.length;
    const bad = outcome.failed;
    const crash = errorOf(cell);
    const missing = crash ? Math.max(0, expected - ok - bad.length) : 0;
    passed += ok;
    checks += ok + bad.length + missing;
    failures.push(...bad);
    if (crash) errors.push(message.checkCellCrashed(exercise, crash).message);
  }
  const error = errors.length ? errors.join(" ") : checks === 0 ? message.exerciseWithoutChecks(p.assignment.name, exercise).message : undefined;
  return { submission: p.submission, assignment: p.assignment.name, exercise, passed, checks, score: checks === 0 ? 0 : passed / checks, failures, ...(error ? { error } : {}) };
}

function errorOf(cell: NotebookCell): string | undefined {
  const error = (cell.outputs ?? []).find((o) => o.output_type === "error");
  return error ? `${error.ename}: ${(error.evalue ?? "").split("\n")[0]}` : undefined;
}

function zero(submission: string, assignment: string, exercise: string, error: string): ExerciseScore {
  return { submission, assignment, exercise, passed: 0, checks: 0, score: 0, failures: [], error };
}
