/** Workshops: exercises with checks, the student and instructor versions, and grading. */
export { assign, type AssignReport, type AssignedNotebook } from "./assign.js";
export { grade, type GradeOptions, type GradeReport, type ExerciseScore } from "./grade.js";
export { check, type CheckOptions } from "./check.js";
export { expect, Expectation } from "./expect.js";
export { failedChecks } from "./cells.js";
