/** The verdict of selectionBias: whether the sample's shares differ from the population's, where most, what may cause it, and what weighting can and cannot repair. */
import { formatFigures, formatPercent, formatPValue } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import { CAUSE_TEXT } from "./causes.js";
import { ADVERSARIAL_ROWS, UNCHECKED_DISTANCE } from "./compute.js";
import type { Cause, ColumnComparison, SelectionBiasData } from "./types.js";

const count = (n: number) => Math.round(n).toLocaleString("en-US");
/** From this total variation distance on a column, or this share of the population never reached, the sample fails to represent it. */
export const LARGE_DISTANCE = 0.2;
export const LARGE_UNCOVERED = 0.1;
/** The AUC at which the adversarial model flags a difference: its default drift-score threshold 0.25 (drift = 2 × AUC − 1). */
export const ADVERSARIAL_FLAG_AUC = 0.625;

export function selectionBiasVerdict(d: SelectionBiasData): { verdict: Verdict; notes: string[] } {
  const notes: string[] = [];
  const differing = d.columns.filter((c) => c.differs);
  const adv = d.adversarial;
  const advText = adv ? adversarialText(adv) : "";
  const uncovered = Math.max(0, ...d.columns.map((c) => c.uncoveredShare));
  let level: Verdict["level"];
  let text: string;
  if (differing.length === 0 && !adv?.flagged) {
    level = "ok";
    const smallest = Math.min(...d.columns.map((c) => c.adjustedP).filter((p) => p === p));
    text = `The sample looks like the population on ${d.columns.length} ${d.columns.length === 1 ? "column" : "columns"}: no share differs beyond chance (smallest Holm-adjusted ${formatPValue(Number.isFinite(smallest) ? smallest : NaN)})${advText ? `, and ${advText}` : ""}.`;
  } else {
    const top = differing[0];
    const big = (top && (top.distance >= LARGE_DISTANCE || top.uncoveredShare >= LARGE_UNCOVERED)) || (adv?.flagged && adv.driftScore >= 0.5);
    level = big ? "fail" : "warn";
    if (top) {
      // The largest gap of a named category reads better than one of the pooled "(other)" or "(missing)".
      const ofColumn = d.shares.filter((s) => s.column === top.column);
      const gap = ofColumn.find((s) => !s.category.startsWith("(")) ?? ofColumn[0];
      text =
        `The sample differs from the population on ${differing.length} of ${d.columns.length} columns, most on "${top.column}": ` +
        `${gap.category} is ${formatPercent(gap.sampleShare)} of the sample against ${formatPercent(gap.populationShare)} of the population ` +
        `(total variation ${formatFigures(top.distance, 2)}, Holm-adjusted ${formatPValue(top.adjustedP)})${advText ? `; ${advText}` : ""}.`;
    } else {
      text = `No single column's shares differ beyond chance, but ${advText}: the difference lies in how the columns combine.`;
    }
    if (d.weighting) {
      const w = d.weighting;
      text += ` Weighting to the population's shares leaves an effective sample of ${count(w.effectiveSize)} of ${count(w.rows)} rows`;
      text += uncovered > 0.005 ? `, and ${formatPercent(uncovered)} of the population lies in categories the sample never reached, which no weight can bring back.` : ".";
    }
  }
  // A clear difference on a shared column left out of --by raises an ok to a warning, and is named; it never makes a fail (see uncheckedColumns in compute.ts).
  const missed = d.unchecked?.differing ?? [];
  if (missed.length > 0) {
    if (level === "ok") level = "warn";
    const top = missed[0];
    text += ` But ${missed.length === 1 ? "a column" : `${missed.length} columns`} left out of --by ${missed.length === 1 ? "differs" : "differ"} clearly: ${missed.map((c) => `"${c.column}"`).join(", ")} (${missed.length > 1 ? `most "${top.column}", ` : ""}total variation ${formatFigures(top.distance, 2)}, Holm-adjusted ${formatPValue(top.adjustedP)}); add ${missed.length === 1 ? "it" : "them"} to --by to compare and weight on ${missed.length === 1 ? "it" : "them"}.`;
  }
  if (d.sampleRows > d.populationRows) {
    if (level === "ok") level = "warn";
    text += ` The sample has more rows (${count(d.sampleRows)}) than the population (${count(d.populationRows)}): check that the two were not swapped (selectionBias(SAMPLE, POPULATION)).`;
  }

  notes.push(
    d.subset
      ? `${formatPercent(d.foundInPopulation)} of the sample's rows are in the population, so the sample is taken as drawn from it: the shares are compared with the whole population's, with the finite-population correction in the tests, and the adversarial model and the score use the population's other rows (population minus sample).`
      : `${formatPercent(d.foundInPopulation)} of the sample's rows are in the population, so the two are compared as separate data sets.`,
  );
  notes.push(`Each column's shares are tested by a chi-square goodness of fit of the sample's counts against the population's shares, Holm-corrected across the ${d.columns.length} ${d.columns.length === 1 ? "column" : "columns"} at ${d.level}; numbers are cut into ${d.bins} bins at the population's quantiles, and intervals are Wilson's (95%).`);
  const causes = causeNotes(differing);
  if (causes) notes.push(causes);
  const tail = differing.filter((c) => c.uncoveredShare > 0 && c.uncoveredShare < 0.05 && c.grouping === "categories");
  if (tail.length) notes.push(`Long tail: rare categories of ${tail.map((c) => `"${c.column}"`).join(", ")} (${formatPercent(Math.max(...tail.map((c) => c.uncoveredShare)))} of the population at most) have no row in the sample; the collection may miss rare cases the model will meet.`);
  if (d.weighting) {
    const w = d.weighting;
    notes.push(
      `Weights: ${w.method} on ${w.columns.map((c) => `"${c}"`).join(", ")}${w.method === "raking" ? ` (${w.iterations} passes${w.converged ? "" : ", not converged: some margins cannot all be met"})` : ""}, from ${formatFigures(w.minWeight, 2)} to ${formatFigures(w.maxWeight, 2)} per row; Kish's effective sample size ${count(w.effectiveSize)} of ${count(w.rows)} rows.` +
        (w.zeroRows > 0 ? ` ${count(w.zeroRows)} rows hold a value the population never takes and get weight 0.` : ""),
    );
  }
  if (d.score) {
    const s = d.score;
    const better = s.greaterIsBetter ? s.change > 0 : s.change < 0;
    // A change the interval excludes from 0 but smaller than half a percent of the score is not worth a weighting step.
    const sure = (s.changeLow > 0 || s.changeHigh < 0) && Math.abs(s.change) >= 0.005 * Math.abs(s.unweighted);
    notes.push(
      `Score: ${s.model} trained on the sample scores ${s.metric} ${formatFigures(s.unweighted)} on ${count(s.scoredRows)} rows of the ${s.scoredOn}; trained with the weights, ${formatFigures(s.weighted)} ` +
        `(change ${formatFigures(s.change, 2)}, 95% CI ${formatFigures(s.changeLow, 2)} to ${formatFigures(s.changeHigh, 2)}: ${sure ? (better ? "weighting helps" : "weighting hurts") : "no material difference"}).`,
    );
  }
  if (d.scoreSkipped) notes.push(`No score: ${d.scoreSkipped}.`);
  if (d.adversarialSkipped) notes.push(`No adversarial model: ${d.adversarialSkipped}.`);
  else if (adv && (adv.sampleRows === ADVERSARIAL_ROWS || adv.populationRows === ADVERSARIAL_ROWS)) notes.push(`The adversarial model saw ${count(adv.sampleRows)} sample rows and ${count(adv.populationRows)} population rows (seeded subsamples).`);
  if (d.unchecked && d.unchecked.columns.length) {
    const names = d.unchecked.columns.map((c) => `"${c}"`).join(", ");
    notes.push(
      `Not compared: the shared ${d.unchecked.columns.length === 1 ? "column" : "columns"} ${names} ${d.unchecked.columns.length === 1 ? "is" : "are"} left out of --by, and the adversarial model sees only the --by columns; a quick check of their shares (the same test, Holm-corrected among them, flagged from total variation ${formatFigures(UNCHECKED_DISTANCE, 2)}) ${missed.length ? `finds ${missed.map((c) => `"${c.column}" (${formatFigures(c.distance, 2)})`).join(", ")} clearly different` : "finds none clearly different"}.`,
    );
  }
  if (d.notInPopulation.length) notes.push(`Not compared: the population lacks the sample's ${d.notInPopulation.map((c) => `"${c}"`).join(", ")}.`);
  const unknown = d.columns.filter((c) => c.unknownRows > 0);
  if (unknown.length) notes.push(`Values the population never takes: ${unknown.map((c) => `${count(c.unknownRows)} sample rows in "${c.column}"`).join(", ")}; they are left out of the shares and the test, and are a sign the sample comes from somewhere else.`);
  const pooled = d.columns.filter((c) => c.pooled > 0);
  if (pooled.length) notes.push(`For the test, categories expected to hold fewer than 5 sample rows were pooled: ${pooled.map((c) => `${c.pooled} in "${c.column}"`).join(", ")}.`);
  return { verdict: { level, text }, notes };
}

/**
 * "Cannot tell apart" only when the AUC's interval holds 0.5; an interval above 0.5 that
 * stays under the flag is a weak separation, said as such (the flag is the adversarial
 * model's default drift score 0.25, AUC 0.625, which selectionBias does not change).
 */
function adversarialText(adv: NonNullable<SelectionBiasData["adversarial"]>): string {
  const ci = `AUC ${formatFigures(adv.auc)}, 95% CI ${formatFigures(adv.low)} to ${formatFigures(adv.high)}`;
  if (adv.flagged) return `a ${adv.model} model tells sample from population apart (${ci})`;
  if (adv.low > 0.5) return `a ${adv.model} model tells sample from population apart only weakly (${ci}, below the ${formatFigures(ADVERSARIAL_FLAG_AUC)} flag)`;
  return `a ${adv.model} model cannot tell sample from population apart (${ci})`;
}

function causeNotes(differing: readonly ColumnComparison[]): string | undefined {
  const byCause = new Map<Cause, string[]>();
  for (const c of differing) if (c.cause) byCause.set(c.cause, [...(byCause.get(c.cause) ?? []), c.column]);
  if (byCause.size === 0) return undefined;
  const parts = [...byCause].map(([cause, cols]) => `${cols.map((c) => `"${c}"`).join(", ")} → ${CAUSE_TEXT[cause]}`);
  return `Possible causes, read from the differing columns' names and roles (a lead to check, not a finding): ${parts.join("; ")}.`;
}
