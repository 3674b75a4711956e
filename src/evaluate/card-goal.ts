/**
 * The framing card's goal for a score, shared by the backtest and the guarded test set:
 * its success value and minimum gain, applied only when the card's metric is the metric
 * scored. A card whose metric does not fit the task (rmse on classes), or that the metric
 * option overrode, is named in a note instead of being silently ignored.
 */
import { formatFigures } from "../display/format.js";
import type { FramingCard } from "../frame/card.js";
import { metricNames, type MetricSpec } from "../metrics/registry.js";
import type { Task } from "../models/contract.js";

export interface CardGoal {
  readonly metric: string;
  readonly greaterIsBetter: boolean;
  /** The value that counts as success. */
  readonly success?: number;
  /** How much better than the baseline a model must be, in metric units. */
  readonly minGain?: number;
}

export function cardGoal(analysis: string, card: FramingCard | undefined, task: Task, spec: Pick<MetricSpec, "name" | "greaterIsBetter">, notes: string[]): CardGoal | undefined {
  if (card === undefined) return undefined;
  const numbers = [card.success !== undefined ? `success value ${formatFigures(card.success)}` : "", card.minGain !== undefined ? `minimum gain ${formatFigures(card.minGain)}` : ""].filter(Boolean).join(" and ");
  const unused = numbers ? `; its ${numbers} ${numbers.includes(" and ") ? "were" : "was"} not compared with the score` : "";
  if (card.metric === undefined) {
    if (numbers) notes.push(`The framing card gives a ${numbers} but no metric, so ${analysis} cannot tell which score ${numbers.includes(" and ") ? "they refer" : "it refers"} to${unused}. Add "metric:" to the card.`);
    return undefined;
  }
  if (!metricNames(task).includes(card.metric)) {
    const kind = task === "classification" ? "classes" : "numbers";
    notes.push(`The framing card's metric ${card.metric} does not fit this target (${kind}), so ${analysis} scored ${spec.name} instead${unused}. Give the card a ${task} metric (${metricNames(task).join(", ")}).`);
    return undefined;
  }
  if (card.metric !== spec.name) {
    if (numbers) notes.push(`The framing card's ${numbers} ${numbers.includes(" and ") ? "are" : "is"} in ${card.metric}, but ${analysis} scored ${spec.name} (the metric option), so ${numbers.includes(" and ") ? "they were" : "it was"} not compared; leave out the metric option to judge by the card.`);
    return undefined;
  }
  if (card.success === undefined && card.minGain === undefined) return undefined;
  return { metric: spec.name, greaterIsBetter: spec.greaterIsBetter, ...(card.success !== undefined ? { success: card.success } : {}), ...(card.minGain !== undefined ? { minGain: card.minGain } : {}) };
}

/** How far a score falls short of the success value (0 when it meets it). */
export function shortOf(goal: CardGoal, score: number): number {
  if (goal.success === undefined) return 0;
  return Math.max(0, goal.greaterIsBetter ? goal.success - score : score - goal.success);
}

/** The model's gain over the baseline in metric units, positive when the model is better. */
export function gainOver(greaterIsBetter: boolean, model: number, baseline: number): number {
  return greaterIsBetter ? model - baseline : baseline - model;
}
