/**
 * The discipline's steps in the order the lessons teach them, and which result kinds show
 * that a step was done. A later chapter adds its step here when its analysis lands.
 */
import type { Level } from "./envelope.js";

export interface Step {
  readonly id: string;
  readonly label: string;
  readonly kinds: readonly string[];
}

export const STEPS: readonly Step[] = [
  { id: "framing", label: "Framing", kinds: ["framing-card"] },
  { id: "profile", label: "Profile", kinds: ["profile"] },
  { id: "baselines", label: "Baselines", kinds: ["baseline-comparison"] },
  { id: "learning-curve", label: "Learning curve", kinds: ["learning-curve", "overfit-check"] },
  { id: "slices", label: "Slices", kinds: ["slices"] },
  { id: "simpson", label: "Simpson's paradox", kinds: ["simpson"] },
  { id: "backtest", label: "Backtest", kinds: ["backtest"] },
  { id: "test-set", label: "Guarded test set", kinds: ["test-evaluation"] },
  { id: "leakage", label: "Leakage", kinds: ["leakage"] },
  { id: "fairness", label: "Invariance and fairness", kinds: ["invariance", "fairness"] },
  { id: "error-analysis", label: "Error analysis", kinds: ["error-analysis"] },
  { id: "thresholds", label: "Decision threshold", kinds: ["thresholds"] },
  { id: "outliers", label: "Outliers and edge cases", kinds: ["outliers"] },
  { id: "drift", label: "Drift", kinds: ["drift", "adversarial-validation"] },
  { id: "labels", label: "Labels", kinds: ["labeling", "active-learning", "next-to-label", "label-issues", "selection-bias"] },
  { id: "deploy", label: "Deploy", kinds: ["human-in-the-loop", "two-phase", "stage-attribution"] },
];

/** One result found in a notebook: the cell it is in and its verdict level (and, for a framing card, its time column). */
export interface Finding {
  readonly cellIndex: number;
  readonly kind: string;
  readonly level: Level;
  readonly time?: string;
}

export interface StepStatus {
  readonly step: Step;
  /** The step's results in notebook order; empty when the step is still missing. */
  readonly findings: readonly Finding[];
  /** The result the step is judged by: its worst verdict (the latest of equally bad ones). */
  readonly worst?: Finding;
  /** Why the step does not apply to this notebook, when it does not. */
  readonly notNeeded?: string;
}

const SEVERITY: Record<Level, number> = { ok: 0, warn: 1, fail: 2 };

export function stepStatuses(findings: readonly Finding[]): StepStatus[] {
  const card = findings.filter((finding) => finding.kind === "framing-card").pop();
  // The card's "time: none" (with or without a reason) says the rows are not ordered in time: nothing to backtest.
  const untimed = card?.time !== undefined && /^(none|n\/a|-)(\b|$)/i.test(card.time.trim());
  return STEPS.map((step) => {
    const own = findings.filter((finding) => step.kinds.includes(finding.kind));
    const worst = own.reduce<Finding | undefined>((w, f) => (w === undefined || SEVERITY[f.level] >= SEVERITY[w.level] ? f : w), undefined);
    const notNeeded = step.id === "backtest" && own.length === 0 && untimed ? "the framing card says the rows are not ordered in time" : undefined;
    return { step, findings: own, ...(worst ? { worst } : {}), ...(notNeeded ? { notNeeded } : {}) };
  });
}
