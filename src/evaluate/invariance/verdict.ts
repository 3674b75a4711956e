import { formatFigures, formatPercent } from "../../display/format.js";
import type { Verdict, VerdictLevel } from "../../result.js";
import type { Expectation, InvarianceData, Swap } from "./types.js";

/** A regression shift of at least this many target standard deviations, credibly away from 0, warns; FAIL_SHIFT fails. */
const WARN_SHIFT = 0.05;
const FAIL_SHIFT = 0.2;
const ADVICE = "The model uses the attribute directly: drop it, or make sure using it is lawful and intended.";

export function invarianceVerdict(d: InvarianceData): Verdict {
  const broken = d.expectations.filter((e) => e.violationRate >= 0.05);
  const swap = d.task === "regression" ? regressionSwap(d) : classificationSwap(d);
  const level: VerdictLevel = swap.level === "fail" ? "fail" : swap.level === "warn" || broken.length > 0 ? "warn" : "ok";
  return { level, text: swap.text + broken.map((e) => ` ${brokenText(d, e)}`).join("") };
}

function classificationSwap(d: InvarianceData): { level: VerdictLevel; text: string } {
  const level: VerdictLevel = d.flipRate >= 0.05 ? "fail" : d.flipRate >= 0.01 ? "warn" : "ok";
  if (d.flipRate === 0) return { level, text: `Changing only ${d.sensitive} never changes a prediction (${d.rows.toLocaleString("en-US")} rows).` };
  const share = `Changing only ${d.sensitive} changes the prediction for ${formatPercent(d.flipRate)} of rows (95% CI ${formatPercent(d.flipLow)} to ${formatPercent(d.flipHigh)})`;
  return { level, text: level === "ok" ? `${share}: under 1%, too few to matter.` : `${share}. ${ADVICE}` };
}

/**
 * Any non-zero coefficient moves every prediction, so a regression is judged by the size of
 * the mean shift against the target's spread, and only when the fold models agree on it
 * (its interval excludes 0).
 */
function regressionSwap(d: InvarianceData): { level: VerdictLevel; text: string } {
  if (d.flipRate === 0 && d.swaps.every((s) => s.meanChange === 0)) return { level: "ok", text: `Changing only ${d.sensitive} never moves a prediction (${d.rows.toLocaleString("en-US")} rows).` };
  const sd = d.targetSd ?? NaN;
  const credible = (s: Swap) => (s.changeLow ?? -Infinity) > 0 || (s.changeHigh ?? Infinity) < 0;
  const size = (s: Swap) => Math.abs(s.meanChange ?? 0) / sd;
  const bySize = [...d.swaps].sort((a, b) => size(b) - size(a));
  const largest = bySize.find(credible) ?? bySize[0];
  const effect = size(largest);
  const level: VerdictLevel = !credible(largest) ? "ok" : effect >= FAIL_SHIFT ? "fail" : effect >= WARN_SHIFT ? "warn" : "ok";
  const shift =
    `Changing only ${d.sensitive} (${largest.from} → ${largest.to}) shifts the prediction by ${formatFigures(largest.meanChange!)} on average ` +
    `(95% CI ${formatFigures(largest.changeLow!)} to ${formatFigures(largest.changeHigh!)} across the fold models), ${formatFigures(effect)} standard deviations of ${d.target}`;
  if (!credible(largest)) return { level, text: `${shift}: the fold models do not agree it differs from 0, so no shift is shown.` };
  if (level === "ok") return { level, text: `${shift}: under ${WARN_SHIFT} standard deviations, too small to matter.` };
  return { level, text: `${shift}. ${ADVICE}` };
}

/**
 * For a linear model a nudge measures one thing: the sign of the fitted coefficient (every
 * row moves the same way), so the finding names the coefficient rather than suggesting
 * the data were tested; for other models it is a share of rows.
 */
function brokenText(d: InvarianceData, e: Expectation): string {
  const score = d.task === "regression" ? "prediction" : "predicted probability";
  const how = `${e.meanMove < 0 ? "lowers" : "raises"} the ${score} by ${formatFigures(Math.abs(e.meanMove))} on average`;
  if (d.linear) {
    return `${d.model}'s coefficient on "${e.column}" is ${e.meanMove < 0 ? "negative" : "positive"}: raising "${e.column}" by ${formatFigures(e.step)} (one standard deviation) ${how}, where you expected ${e.direction === "+" ? "a rise" : "a fall"}. That is a property of the fitted model, not a test of the data: a correlated column or a confounder can flip a coefficient's sign.`;
  }
  return `Raising "${e.column}" by ${formatFigures(e.step)} moves the prediction the wrong way for ${formatPercent(e.violationRate)} of rows (it ${how}).`;
}

export function invarianceNotes(d: InvarianceData): string[] {
  const notes = [
    ...d.notes,
    ...d.expectations
      .filter((e) => e.violationRate < 0.05)
      .map((e) =>
        d.linear
          ? `${d.model}'s coefficient on "${e.column}" has the expected sign (${e.direction === "+" ? "positive" : "negative"}): raising it by ${formatFigures(e.step)} moves the score by ${formatFigures(e.meanMove)} on average.`
          : `Raising "${e.column}" by ${formatFigures(e.step)} moves the prediction the expected way (${e.direction === "+" ? "up" : "down"}) or not at all for ${formatPercent(1 - e.violationRate)} of rows.`,
      ),
  ];
  notes.push("A model can pass this test and still treat groups differently through other columns that stand in for the attribute (proxies): check %fairness too.");
  return notes;
}
