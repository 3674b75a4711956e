/**
 * `%check NAME` heads a check cell: it names the exercise the `litml.expect` lines
 * below it belong to, and each of them then prints one line, `✔ passed` or `✘ failed`
 * with why. The kernel cannot see the notebook, so the exercise in force is kept here,
 * for the session; the grader reads the same lines from the executed notebook.
 */
import { message } from "../messages.js";

export interface CheckOptions {
  /** A hidden check (removed from the student's version, run by the grader). */
  readonly hidden?: boolean;
}

/** The prefixes of the two kinds of line a check prints; grade.ts parses them. */
export const PASSED = "✔ passed";
export const FAILED = "✘ failed";

let current = "check";

export async function check(exercise: string, options: CheckOptions = {}): Promise<void> {
  if (typeof exercise !== "string" || !/^[\w-]+$/.test(exercise)) {
    throw message.badOption("check", "NAME", exercise, "the exercise's name, letters, digits, - and _ (as on its `// exercise: NAME` line)");
  }
  if (options.hidden !== undefined && typeof options.hidden !== "boolean") {
    throw message.badOption("check", "hidden", options.hidden, "true or false");
  }
  current = exercise;
  console.log(`Checks of ${exercise}${options.hidden ? " (hidden)" : ""}:`);
}

/** One check's line: written for people, and one line so the grader can count it. */
export function report(passed: boolean, text: string): void {
  console.log(`${passed ? PASSED : FAILED} ${current}: ${text.replace(/\s*\n\s*/g, " ")}`);
}
