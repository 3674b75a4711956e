/**
 * Made perfect, the last stage closes the whole gap by definition; what the attribution
 * tells is how much of that gap an earlier stage accounts for. The verdict names the
 * earlier stage that closes the most, and whether it closes enough to improve first.
 */
import { formatFigures, formatPercent } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import type { StageAttributionData } from "./types.js";

/** An earlier stage that closes at least this share of the gap is the one to improve first. */
export const UPSTREAM_FIRST = 0.5;

const f = (x: number) => formatFigures(x, 3);
const d = (x: number) => `${x < 0 ? "−" : "+"}${formatFigures(Math.abs(x), 2)}`;

export function stageAttributionVerdict(data: StageAttributionData): Verdict {
  const upstream = data.stages.slice(0, -1);
  const final = data.stages[data.stages.length - 1];
  const best = [...upstream].sort((a, b) => b.gain - a.gain)[0];
  const gapText = `${data.metric.toUpperCase() === "RMSE" || data.metric.toUpperCase() === "MAE" ? data.metric.toUpperCase() : data.metric} ${f(data.endToEnd)} end to end, ${f(data.perfect)} if perfect`;
  if (!(final.gain > 0)) return { level: "ok", text: `The pipeline is already perfect on ${data.metric} (${f(data.endToEnd)}): no stage has anything to gain.` };
  const bestText = `made perfect, ${best.stage} (${best.target}) gives ${f(best.score)} (${d(best.gain)}, 95% CI ${d(best.low)} to ${d(best.high)}), ${formatPercent(best.shareOfGap)} of the gap`;
  if (best.low <= 0) {
    return { level: "ok", text: `Improve ${final.stage} (${final.target}) itself: ${gapText}; ${bestText}, not clearly above zero, so the earlier stages' mistakes cost the pipeline little.` };
  }
  if (best.shareOfGap >= UPSTREAM_FIRST) {
    return { level: "warn", text: `Improve ${best.stage} (${best.target}) first: ${gapText}; ${bestText}, more than the rest of the pipeline's own error.` };
  }
  return { level: "ok", text: `${capitalize(gapText)}; ${bestText}: a real gain, yet most of the gap is the own error of ${final.stage} (${final.target}), so improve it first and ${best.stage} next.` };
}

export function stageAttributionNotes(data: StageAttributionData): string[] {
  const notes = [...data.notes];
  notes.push(`Each stage was trained and scored out of fold on the same ${data.validation}; each later stage read the earlier stages' out-of-fold predictions in their columns. The earlier stages' predictions for a fold's training rows come from models that saw that fold's test rows (as in scikit-learn's cross_val_predict chained by hand), a slight optimism shared by every scenario.`);
  notes.push(`A stage made perfect passes its ground truth on, and the later stages are retrained on it: the pipeline as it would be built if that stage never erred. Made perfect, the last stage gives the perfect score by definition, so its row is the whole gap; the earlier stages' rows say how much of that gap is theirs.`);
  notes.push(`Each stage's own out-of-fold score inside the pipeline: ${data.stages.map((s) => `${s.stage} (${s.model} on ${s.target}) ${s.ownMetric} ${f(s.ownScore)}`).join("; ")}. Intervals: paired bootstrap over rows, refitting not resampled.`);
  return notes;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
