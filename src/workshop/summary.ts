/** The grades as a CSV (one row per submission and exercise) and a self-contained HTML page. */
import { type ExerciseScore } from "./types.js";

const COLUMNS = ["submission", "assignment", "exercise", "passed", "checks", "score", "error"] as const;

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function gradesCsv(scores: readonly ExerciseScore[]): string {
  const rows = scores.map((s) => [s.submission, s.assignment, s.exercise, s.passed, s.checks, round(s.score), s.error ?? ""].map(csvField).join(","));
  return [COLUMNS.join(","), ...rows].join("\n") + "\n";
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function gradesHtml(scores: readonly ExerciseScore[]): string {
  const errors = scores.filter((s) => s.error !== undefined);
  const rows = scores
    .map((s) => {
      const why = [...s.failures, ...(s.error ? [`⚠ ${s.error}`] : [])].map((l) => `<li>${escape(l)}</li>`).join("");
      return `<tr><td>${escape(s.submission)}</td><td>${escape(s.assignment)}</td><td>${escape(s.exercise)}</td><td class="n">${s.passed} / ${s.checks}</td><td class="n">${Math.round(s.score * 100)}%</td><td>${why ? `<ul>${why}</ul>` : "all checks passed"}</td></tr>`;
    })
    .join("\n");
  const errorList = errors.length
    ? `<h2>Errors (${errors.length})</h2><ul class="errors">${errors.map((s) => `<li><b>${escape(s.submission)}</b>${s.exercise ? ` · ${escape(s.exercise)}` : ""}: ${escape(s.error!)}</li>`).join("")}</ul>`
    : "<p>No errors: every submission ran.</p>";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>litml grades</title>
<style>body{font:15px/1.45 system-ui,sans-serif;max-width:70rem;margin:1rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right;white-space:nowrap}ul{margin:0;padding-left:1.1rem}.errors li{color:#8a1c1c}
@media (prefers-color-scheme: dark){body{background:#161616;color:#eee}.errors li{color:#ffb4b4}}</style></head>
<body><h1>Grades</h1>
<p>${new Set(scores.map((s) => s.submission)).size} submissions, ${scores.length} exercise scores.</p>
${errorList}
<h2>Totals</h2>
<table><thead><tr><th>submission</th><th>checks passed</th><th>score</th></tr></thead>
<tbody>
${totals(scores)}
</tbody></table>
<h2>Scores per exercise</h2>
<table><thead><tr><th>submission</th><th>assignment</th><th>exercise</th><th>checks passed</th><th>score</th><th>failed checks and errors</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`;
}

/** Per submission, every check of every exercise counted once (an exercise with more checks weighs more). */
function totals(scores: readonly ExerciseScore[]): string {
  const bySubmission = new Map<string, { passed: number; checks: number }>();
  for (const s of scores) {
    const total = bySubmission.get(s.submission) ?? { passed: 0, checks: 0 };
    bySubmission.set(s.submission, { passed: total.passed + s.passed, checks: total.checks + s.checks });
  }
  return [...bySubmission]
    .map(([submission, t]) => `<tr><td>${escape(submission)}</td><td class="n">${t.passed} / ${t.checks}</td><td class="n">${t.checks ? Math.round((100 * t.passed) / t.checks) : 0}%</td></tr>`)
    .join("\n");
}
