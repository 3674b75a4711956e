/**
 * The gap between the groups' largest and smallest rate, with Newcombe's hybrid score
 * interval for a difference of two proportions (Newcombe 1998, method 10) built from the two
 * groups' own Wilson intervals: a group of 8 rows has a wide interval and so widens the gap's.
 * The extreme pair is picked after looking, so each pair's interval is Bonferroni-adjusted
 * for the number of pairs that could have been picked.
 */
import { wilson } from "../../stats/intervals.js";
import type { Difference } from "./types.js";

/** Newcombe's interval for p1 − p2 from [successes, trials] of two independent samples. */
export function newcombe(a: readonly [number, number], b: readonly [number, number], confidence = 0.95): Difference {
  const [p1, p2] = [a[0] / a[1], b[0] / b[1]];
  const w1 = wilson(a[0], a[1], confidence);
  const w2 = wilson(b[0], b[1], confidence);
  const value = p1 - p2;
  return {
    value,
    low: Math.max(-1, value - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2)),
    high: Math.min(1, value + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2)),
  };
}

/** [successes, trials] per group; groups without trials are skipped. */
export function rangeWithInterval(counts: readonly (readonly [number, number])[], comparisons: number): Difference {
  const present = counts.filter(([, n]) => n > 0);
  if (present.length < 2) return { value: NaN, low: NaN, high: NaN };
  const rate = ([s, n]: readonly [number, number]) => s / n;
  const sorted = [...present].sort((a, b) => rate(b) - rate(a));
  const gap = newcombe(sorted[0], sorted[sorted.length - 1], 1 - 0.05 / Math.max(1, comparisons));
  return { ...gap, low: Math.max(0, gap.low) };
}
