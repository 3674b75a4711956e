/**
 * The `litml` a notebook sees: the public API, with this kernel's framing card passed
 * to every analysis that reads one (unless the call passes its own `card`). The library
 * itself keeps no card: the card lives here, in the kernel, for the kernel's lifetime,
 * starting from the one saved for this notebook when Jupyter names the notebook. A kernel
 * run without a notebook name (nbclient, papermill) starts with none, so two notebooks
 * executed one after the other never share a card.
 */
import * as api from "../src/index.js";

export * from "../src/index.js";

let sessionCard: api.FramingCard | undefined = api.savedCard();

/** The framing card in force in this notebook, if any. */
export function card(): api.FramingCard | undefined {
  return sessionCard;
}

export const frame: typeof api.frame = async (input) => {
  const result = await api.frame(input);
  sessionCard = result.data.card;
  return result;
};

/** `analysis` with the session's card added to its options (argument `at`) when the call gives none. */
function withCard<F extends (...args: any[]) => unknown>(analysis: F, at: number): F {
  return ((...args: unknown[]) => {
    const options = args[at];
    const fillable = options === undefined || (typeof options === "object" && options !== null && !Array.isArray(options));
    if (sessionCard !== undefined && fillable && (options as { card?: unknown } | undefined)?.card === undefined) {
      args[at] = { ...(options as object | undefined), card: sessionCard };
    }
    return analysis(...args);
  }) as F;
}

export const baseline = withCard(api.baseline, 1);
export const learningCurve = withCard(api.learningCurve, 1);
export const slices = withCard(api.slices, 1);
export const simpson = withCard(api.simpson, 1);
export const backtest = withCard(api.backtest, 1);
export const leakage = withCard(api.leakage, 1);
export const invariance = withCard(api.invariance, 1);
export const fairness = withCard(api.fairness, 1);
export const errors = withCard(api.errors, 1);
export const thresholds = withCard(api.thresholds, 1);
export const outliers = withCard(api.outliers, 1);
export const labelIssues = withCard(api.labelIssues, 1);
export const crossValidate = withCard(api.crossValidate, 1);
export const tune = withCard(api.tune, 1);
export const holdout = withCard(api.holdout, 1);
export const evaluate = withCard(api.evaluate, 2);
export const selectionBias = withCard(api.selectionBias, 2);

/** The labelling widget (kernel-ext/labeler-widget.ts) and the kernel's comms, for widgets of a notebook's own. */
export { labeler } from "./labeler-widget.js";
export { comms, type Comm, type CommData } from "./comms.js";
export const activeLearning = withCard(api.activeLearning, 1);
