/**
 * What the framing card (passed in with an analysis's options) contributes when the
 * options leave a value unset. A card's metric applies only to a task it fits (an accuracy card does not
 * override RMSE for a numeric target).
 */
import { metricNames } from "../metrics/registry.js";
import type { Task } from "../models/contract.js";
import type { FramingCard } from "./card.js";

export function framedMetric(card: FramingCard | undefined, task: Task): string | undefined {
  const metric = card?.metric;
  return metric !== undefined && metricNames(task).includes(metric) ? metric : undefined;
}

export function framedSuccess(card: FramingCard | undefined, task: Task): number | undefined {
  return framedMetric(card, task) !== undefined ? card?.success : undefined;
}

export function framedMinGain(card: FramingCard | undefined, task: Task): number | undefined {
  return framedMetric(card, task) !== undefined ? card?.minGain : undefined;
}

/** The existing solution's score, as a human or current-process baseline. */
export function framedHuman(card: FramingCard | undefined, task: Task): { score: number; source?: string } | undefined {
  if (card?.existingScore === undefined || framedMetric(card, task) === undefined) return undefined;
  const source = [card.existing, card.existingSource].filter(Boolean).join("; ");
  return { score: card.existingScore, ...(source ? { source } : {}) };
}

/** The card's time column; "none" (with or without a reason after it) means the data is not time-ordered. */
export function framedTime(card: FramingCard | undefined): string | undefined {
  const time = card?.time;
  return time === undefined || /^(none|n\/a|-)\b/i.test(time.trim()) ? undefined : time;
}

export function framedSlices(card: FramingCard | undefined): readonly string[] | undefined {
  const slices = card?.slices;
  return slices && slices.length > 0 ? slices : undefined;
}

/** The card's error costs, when it gives both. */
export function framedCosts(card: FramingCard | undefined): { falsePositive: number; falseNegative: number } | undefined {
  return card?.falsePositiveCost !== undefined && card.falseNegativeCost !== undefined
    ? { falsePositive: card.falsePositiveCost, falseNegative: card.falseNegativeCost }
    : undefined;
}
