import { formatCell, formatPercent } from "../../display/format.js";
import type { Verdict, VerdictLevel } from "../../result.js";
import type { Expectation, InvarianceData } from "./types.js";

export function invarianceVerdict(d: InvarianceData): Verdict {
  const moved = d.task === "regression" ? "moves" : "changes";
  const broken = d.expectations.filter((e) => e.violationRate >= 0.05);
  const level: VerdictLevel = d.flipRate >= 0.05 ? "fail" : d.flipRate >= 0.01 || broken.length > 0 ? "warn" : "ok";
  const largest = [...d.swaps].sort((a, b) => Math.abs(b.meanChange ?? b.flipRate) - Math.abs(a.meanChange ?? a.flipRate))[0];
  const swapText =
    d.flipRate === 0
      ? `Changing only ${d.sensitive} never ${moved} a prediction (${d.rows.toLocaleString("en-US")} rows).`
      : `Changing only ${d.sensitive} ${moved} the prediction for ${formatPercent(d.flipRate)} of rows (95% CI ${formatPercent(d.flipLow)} to ${formatPercent(d.flipHigh)})` +
        (largest?.meanChange !== undefined ? `; ${largest.from} → ${largest.to} shifts it by ${formatCell(largest.meanChange)} on average` : "") +
        ". The model uses the attribute directly: drop it, or make sure using it is lawful and intended.";
  return { level, text: swapText + broken.map((e) => ` ${brokenText(d, e)}`).join("") };
}

/**
 * For a linear model a nudge measures one thing: the sign of the fitted coefficient (every
 * row moves the same way), so the finding names the coefficient rather than suggesting
 * the data were tested; for other models it is a share of rows.
 */
function brokenText(d: InvarianceData, e: Expectation): string {
  const score = d.task === "regression" ? "prediction" : "predicted probability";
  const how = `${e.meanMove < 0 ? "lowers" : "raises"} the ${score} by ${formatCell(Math.abs(e.meanMove))} on average`;
  if (d.linear) {
    return `${d.model}'s coefficient on "${e.column}" is ${e.meanMove < 0 ? "negative" : "positive"}: raising "${e.column}" by ${formatCell(e.step)} (one standard deviation) ${how}, where you expected ${e.direction === "+" ? "a rise" : "a fall"}. That is a property of the fitted model, not a test of the data: a correlated column or a confounder can flip a coefficient's sign.`;
  }
  return `Raising "${e.column}" by ${formatCell(e.step)} moves the prediction the wrong way for ${formatPercent(e.violationRate)} of rows (it ${how}).`;
}

export function invarianceNotes(d: InvarianceData): string[] {
  const notes = [
    ...d.notes,
    ...d.expectations
      .filter((e) => e.violationRate < 0.05)
      .map((e) =>
        d.linear
          ? `${d.model}'s coefficient on "${e.column}" has the expected sign (${e.direction === "+" ? "positive" : "negative"}): raising it by ${formatCell(e.step)} moves the score by ${formatCell(e.meanMove)} on average.`
          : `Raising "${e.column}" by ${formatCell(e.step)} moves the prediction the expected way (${e.direction === "+" ? "up" : "down"}) or not at all for ${formatPercent(1 - e.violationRate)} of rows.`,
      ),
  ];
  notes.push("A model can pass this test and still treat groups differently through other columns that stand in for the attribute (proxies): check %fairness too.");
  return notes;
}
