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
];

/** One result found in a notebook: the cell it is in and its verdict level. */
export interface Finding {
  readonly cellIndex: number;
  readonly kind: string;
  readonly level: Level;
}

export interface StepStatus {
  readonly step: Step;
  /** The step's results in notebook order; empty when the step is still missing. */
  readonly findings: readonly Finding[];
}

export function stepStatuses(findings: readonly Finding[]): StepStatus[] {
  return STEPS.map((step) => ({ step, findings: findings.filter((finding) => step.kinds.includes(finding.kind)) }));
}
