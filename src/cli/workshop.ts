/** `litml assign`, `litml grade` and `litml slides`: the teacher's commands. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderSlides } from "../report/slides.js";
import { assign, grade } from "../workshop/index.js";
import { stringOption, type Command, type ParsedArguments } from "./command.js";
import { checkPython, choosePython, pythonOption } from "./python.js";
import { readNotebook } from "./report.js";

export const assignCommand: Command = {
  name: "assign",
  args: "LESSONS",
  summary: "write the student version of the lessons' exercises (solutions stubbed, hidden checks removed) and the instructor version",
  options: { out: { type: "string", value: "DIR", help: "where student/ and instructor/ go (default: dist)" } },
  positionals: { min: 1, max: 1 },
  async run(args: ParsedArguments): Promise<number> {
    const out = stringOption(args, "out") ?? "dist";
    const report = assign(args.positionals[0]!, out);
    for (const done of report.notebooks) console.log(`${done.lesson}: ${done.exercises.length} exercise${done.exercises.length === 1 ? "" : "s"} → ${done.student}`);
    for (const skipped of report.skipped) console.error(`litml: ${skipped} has no exercises; not assigned`);
    for (const problem of report.problems) console.error(`litml: ${problem.message}`);
    return report.problems.length > 0 ? 1 : 0;
  },
};

export const gradeCommand: Command = {
  name: "grade",
  args: "INSTRUCTOR SUBMISSIONS",
  summary: "run every submitted notebook with the hidden checks and write scores per exercise (grades.csv, grades.html)",
  details: ["A submission that cannot be graded (not a notebook, another kernel, a crash) is named in the summary; the others are graded all the same."],
  options: { out: { type: "string", value: "DIR", help: "where the grades go (default: grades)" }, python: pythonOption },
  positionals: { min: 2, max: 2 },
  async run(args: ParsedArguments): Promise<number> {
    const python = choosePython(stringOption(args, "python"));
    checkPython(python);
    const out = stringOption(args, "out") ?? "grades";
    const report = grade(args.positionals[0]!, args.positionals[1]!, out, { python });
    console.log(path.resolve(out, "grades.csv"));
    console.log(path.resolve(out, "grades.html"));
    return report.scores.some((score) => score.error !== undefined) ? 1 : 0;
  },
};

export const slidesCommand: Command = {
  name: "slides",
  args: "EXECUTED.ipynb",
  summary: "write an offline slide deck of an executed notebook: one slide per heading, results as in reports",
  options: { out: { type: "string", value: "FILE.html", help: "the deck to write (default: beside the notebook, .slides.html)" } },
  positionals: { min: 1, max: 1 },
  async run(args: ParsedArguments): Promise<number> {
    const input = args.positionals[0]!;
    const out = stringOption(args, "out") ?? input.replace(/\.ipynb$/, "") + ".slides.html";
    const deck = renderSlides(readNotebook(input), path.basename(input));
    mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    writeFileSync(out, deck.html);
    console.log(path.resolve(out));
    return 0;
  },
};
