/** What grading finds for one exercise of one submission (a row of grades.csv). */
export interface ExerciseScore {
  readonly submission: string;
  readonly assignment: string;
  readonly exercise: string;
  readonly passed: number;
  readonly checks: number;
  /** passed / checks, 0 when there are no checks. */
  readonly score: number;
  /** The failed checks' lines, as the student's %check shows them. */
  readonly failures: readonly string[];
  /** Why the exercise (or the whole submission) could not be graded normally. */
  readonly error?: string;
}
