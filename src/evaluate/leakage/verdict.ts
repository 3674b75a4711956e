/** The checks judged from what leakage measured, and the verdict they add up to. */
import { beyondChance } from "../../data/coincidence.js";
import { formatFigures, formatPercent } from "../../display/format.js";
import type { Verdict, VerdictLevel } from "../../result.js";
import type { CopyCount, LeakageCheck, LeakageData, LeakageMeasures } from "./types.js";

const SEVERITY: Record<VerdictLevel, number> = { ok: 0, warn: 1, fail: 2 };
/** Copies beyond chance, as a share of the test rows, from which scores move: below 1% they barely do; from 5% a score is not to be trusted. */
const WARN_SHARE = 0.01;
const FAIL_SHARE = 0.05;

const count = (n: number) => n.toLocaleString("en-US");
const about = (x: number) => (x < 10 ? formatFigures(x) : count(Math.round(x)));

function copiesCheck(check: "duplicates" | "near-duplicates", c: CopyCount, testRows: number): LeakageCheck {
  const what = check === "duplicates" ? "an exact copy (every feature the model sees equal)" : "a near copy (numbers within 1% of a standard deviation, categories equal)";
  // Copies with another label cannot inflate a score: only those with the same label are judged.
  const excess = beyondChance(c.rows - c.conflicting, c.expected);
  const share = excess / testRows;
  const level: VerdictLevel = share >= FAIL_SHARE ? "fail" : share >= WARN_SHARE ? "warn" : "ok";
  const conflicting =
    c.conflicting > 0
      ? ` ${count(c.conflicting)} of them differ in the label from every copy: the features cannot tell those rows apart (label noise or a missing feature), which lowers scores rather than inflating them.`
      : "";
  if (c.rows === 0) return { check, level: "ok", rows: 0, text: `no test row has ${what} in training.` };
  const found = `${count(c.rows)} test rows (${formatPercent(c.rows / testRows)}) have ${what} in training; chance alone predicts about ${about(c.expected)}, given how few values the features take.`;
  return {
    check,
    level,
    rows: c.rows,
    text:
      level === "ok"
        ? excess > 0
          ? `${found} About ${count(Math.round(excess))} (${formatPercent(share)}) are beyond chance: too few to move a score.${conflicting}`
          : `${found} That is what chance predicts: different rows with the same values, not copies.${conflicting}`
        : `${found} About ${count(Math.round(excess))} (${formatPercent(share)}) are copies beyond chance with the same label: the model is tested on rows it has seen. Drop the copies, or split so that copies stay together.${conflicting}`,
  };
}

export function leakageChecks(m: LeakageMeasures): LeakageCheck[] {
  const checks = [copiesCheck("duplicates", m.exact, m.testRows), copiesCheck("near-duplicates", m.near, m.testRows)];
  if (m.group) {
    const { column, rows } = m.group;
    checks.push({
      check: "shared groups",
      level: rows > 0 ? "fail" : "ok",
      rows,
      text:
        rows > 0
          ? `${count(rows)} test rows (${formatPercent(rows / m.testRows)}) share a "${column}" value with training rows: the model can recognise the group instead of learning the task. Split by group (split: "group").`
          : `no "${column}" value appears on both sides.`,
    });
  }
  if (m.time) {
    const { column, rows } = m.time;
    checks.push({
      check: "time overlap",
      level: rows > 0 ? "warn" : "ok",
      rows,
      text:
        rows > 0
          ? `${count(rows)} test rows (${formatPercent(rows / m.testRows)}) are older than the latest training row: the model learns from the future to predict the past. Validate in time order (split: "time", or %backtest).`
          : `every test row is later than the training rows it is compared with${column ? ` ("${column}")` : ""}.`,
    });
  }
  const suspicious = m.solo.filter((s) => s.suspicious);
  checks.push({
    check: "single-feature power",
    level: suspicious.length > 0 ? "fail" : "ok",
    text:
      suspicious.length > 0
        ? `${suspicious.map((s) => `"${s.column}" alone scores ${m.metric} ${formatFigures(s.score)}`).join("; ")} out of fold: is it computed from the target, or recorded after the outcome?`
        : m.solo.length === 0
          ? "no feature to score on its own."
          : `no single feature predicts the target on its own (best: "${m.solo[0].column}" at ${m.metric} ${formatFigures(m.solo[0].score)}, below ${m.threshold}).`,
  });
  return checks;
}

export function leakageVerdict(d: LeakageData): { verdict: Verdict; notes: string[] } {
  const worst = d.checks.reduce((a, c) => (SEVERITY[c.level] > SEVERITY[a] ? c.level : a), "ok" as VerdictLevel);
  const problems = d.checks.filter((c) => c.level !== "ok").sort((a, b) => SEVERITY[b.level] - SEVERITY[a.level]);
  const copies = d.exact.rows > 0 ? `test rows with copies in training only as often as chance predicts (${count(d.exact.rows)} against about ${about(d.exact.expected)})` : "no copies of test rows in training";
  const text =
    problems.length === 0
      ? `No sign of leakage in ${d.validation}: ${copies}${d.group ? ", no shared groups" : ""}${d.time ? ", no test row older than its training rows" : ""}, and no feature predicts the target on its own.`
      : `${problems.length === 1 ? "One check" : `${problems.length} checks`} found a back door: ${problems.map((c) => `${c.check}: ${c.text}`).join(" ")}`;
  const notes = [`Copies compared on ${d.compared.length} column${d.compared.length === 1 ? "" : "s"}, every feature the model sees: ${d.compared.map((c) => `"${c}"`).join(", ")}.`];
  if (problems.length > 0) notes.push(`Checked: ${d.validation}. A leak makes validation scores optimistic; fix it before trusting any score.`);
  return { verdict: { level: worst, text }, notes };
}
