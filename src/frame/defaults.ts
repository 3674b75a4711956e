/**
 * What the framing card contributes to an analysis when its options leave a value
 * unset. A card's metric applies only to a task it fits (an accuracy card does not
 * override RMSE for a numeric target).
 */
import { metricNames } from "../evaluate/metrics/registry.js";
import type { Task } from "../models/contract.js";
import { currentFrame } from "./frame.js";

export function framedMetric(task: Task): string | undefined {
  const metric = currentFrame()?.metric;
  return metric !== undefined && metricNames(task).includes(metric) ? metric : undefined;
}

export function framedSuccess(task: Task): number | undefined {
  return framedMetric(task) !== undefined ? currentFrame()?.success : undefined;
}

export function framedMinGain(task: Task): number | undefined {
  return framedMetric(task) !== undefined ? currentFrame()?.minGain : undefined;
}

/** The existing solution's score, as a human or current-process baseline. */
export function framedHuman(task: Task): { score: number; source?: string } | undefined {
  const card = currentFrame();
  if (card?.existingScore === undefined || framedMetric(task) === undefined) return undefined;
  const source = [card.existing, card.existingSource].filter(Boolean).join("; ");
  return { score: card.existingScore, ...(source ? { source } : {}) };
}

/** The card's time column; "none" (with or without a reason after it) means the data is not time-ordered. */
export function framedTime(): string | undefined {
  const time = currentFrame()?.time;
  return time === undefined || /^(none|n\/a|-)\b/i.test(time.trim()) ? undefined : time;
}

export function framedSlices(): readonly string[] | undefined {
  const slices = currentFrame()?.slices;
  return slices && slices.length > 0 ? slices : undefined;
}

/** The card's error costs, when it gives both. */
export function framedCosts(): { falsePositive: number; falseNegative: number } | undefined {
  const card = currentFrame();
  return card?.falsePositiveCost !== undefined && card.falseNegativeCost !== undefined
    ? { falsePositive: card.falsePositiveCost, falseNegative: card.falseNegativeCost }
    : undefined;
}
