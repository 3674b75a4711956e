/** The shapes of humanInTheLoop(DATA, { target, costs }): its options, the three routing policies' curves and their cost-minimising settings. */
import type { FoldedModelOptions } from "../../validate/model.js";

export interface HumanInTheLoopOptions extends FoldedModelOptions {
  /** act, ask, error: what acting on a prediction costs, what asking a person costs, and what a wrong automated prediction costs on top of acting. [act, ask] takes the error cost from the framing card. */
  readonly costs?: readonly number[];
  /** Neighbours for the similar-requests policy (default 10). */
  readonly neighbours?: number;
}

export type PolicyName = "threshold" | "cost" | "neighbours";

/** One setting of a policy, judged on every out-of-fold row. */
export interface PolicyPoint {
  readonly parameter: number;
  /** The share of rows acted on without a person. */
  readonly coverage: number;
  /** Accuracy on the automated rows (NaN when none is automated). */
  readonly accuracy: number;
  /** Total cost over the rows: acting (with its errors) on the automated ones, asking on the rest. */
  readonly cost: number;
}

export interface PolicyResult {
  readonly policy: PolicyName;
  /** What the parameter is, in words. */
  readonly parameterName: string;
  readonly curve: readonly PolicyPoint[];
  /** The cost-minimising setting (ties: the one that automates more). */
  readonly best: PolicyPoint;
  /** 95% bootstrap interval (rows resampled) of the best setting's total cost. */
  readonly low: number;
  readonly high: number;
}

export interface Costs {
  readonly act: number;
  readonly ask: number;
  readonly error: number;
  /** Where the error cost came from. */
  readonly errorSource: "options" | "card";
}

/** A paired bootstrap comparison of the best policy with a fixed alternative: alternative cost − best cost (positive: the policy saves). */
export interface Saving {
  readonly against: "act-all" | "ask-all";
  readonly saving: number;
  readonly low: number;
  readonly high: number;
}

export interface HumanInTheLoopData {
  readonly target: string;
  readonly classes: readonly string[];
  readonly rows: number;
  readonly model: string;
  readonly validation: string;
  readonly costs: Costs;
  /** Out-of-fold accuracy of acting on every row. */
  readonly accuracy: number;
  /** Total costs of acting on every row and of asking on every row. */
  readonly actAllCost: number;
  readonly askAllCost: number;
  readonly neighbours: number;
  /** The standardized numeric columns the neighbours are found on. */
  readonly features: readonly string[];
  readonly policies: readonly PolicyResult[];
  readonly bestPolicy: PolicyName;
  readonly savings: readonly Saving[];
  /** Row numbers (in the data as given) that the best policy's cheapest setting sends to a person (on the result object only: left out of its JSON). */
  readonly askedRows: readonly number[];
  readonly notes: readonly string[];
}
