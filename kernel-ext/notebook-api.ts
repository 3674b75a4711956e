/**
 * The `litml` a notebook sees: the public API, with this kernel's framing card passed
 * to every analysis that reads one (unless the call passes its own `card`). The library
 * itself keeps no card: the card lives here, in the kernel, for the kernel's lifetime,
 * starting from the one saved for this notebook when Jupyter names the notebook. A kernel
 * run without a notebook name (nbclient, papermill) starts with none, so two notebooks
 * executed one after the other never share a card.
 */
import * as api from "../src/index.js";
import { mirror, mirrorRun, origin, Pipeline as TrackedPipeline, runOf, setTracking, tracked, trackedModel } from "./tracking.js";

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
  // Tracked too (kernel-ext/tracking.ts): the call's result is recorded as a run unless %tracking off.
  return tracked((...args: unknown[]) => {
    const options = args[at];
    const fillable = options === undefined || (typeof options === "object" && options !== null && !Array.isArray(options));
    if (sessionCard !== undefined && fillable && (options as { card?: unknown } | undefined)?.card === undefined) {
      args[at] = { ...(options as object | undefined), card: sessionCard };
    }
    return analysis(...args);
  }, at) as F;
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
export const humanInTheLoop = withCard(api.humanInTheLoop, 1);
export const crossValidate = withCard(api.crossValidate, 1);
export const tune = withCard(api.tune, 1);
export const holdout = withCard(api.holdout, 1);
export const evaluate = withCard(api.evaluate, 2);
export const selectionBias = withCard(api.selectionBias, 2);
export const twoPhase = withCard(api.twoPhase, 1);
export const stageAttribution = withCard(api.stageAttribution, 2);

/** The labelling widget (kernel-ext/labeler-widget.ts) and the kernel's comms, for widgets of a notebook's own. */
export { labeler } from "./labeler-widget.js";
export { comms, type Comm, type CommData } from "./comms.js";
export const activeLearning = withCard(api.activeLearning, 1);

export const profile = tracked(api.profile, 1);
export const overfitCheck = tracked(api.overfitCheck, 1);
export const drift = tracked(api.drift, 2);
export const adversarial = tracked(api.adversarial, 2);
export const labeling = tracked(api.labeling, 1);
export const tracking = setTracking;
export { TrackedPipeline as Pipeline };
export const pipelineFor: typeof api.pipelineFor = (...args) => {
  const p = api.pipelineFor(...args);
  return new TrackedPipeline(p.steps, p.model, p.options);
};
export const createModel: typeof api.createModel = (...args) => trackedModel(api.createModel(...args));
/** `track(name, values)` with this cell's notebook and cell. */
export const track = (name: string, values: Parameters<typeof api.track>[1] = {}): api.Run => {
  const run = api.track(name, values, origin());
  // Sent to MLflow (when a server is set) in the background: track stays synchronous.
  void mirrorRun(run);
  return run;
};
/** `register(fitted, { name })`, with the run that fitted it in this kernel as its lineage. */
export const register: typeof api.register = async (fitted, options) => {
  const run = options?.run ?? runOf(fitted);
  const result = await api.register(fitted, run === undefined || options === null || typeof options !== "object" ? options : { ...options, run });
  const { name, version } = result.data.registered;
  await mirror((uri) => api.pushVersion(`${name}@${version}`, { uri, timeoutMs: 5000 }));
  return result;
};
/** `setStage(reference, stage)`, sent to MLflow (as an alias) when a server is set. */
export const setStage: typeof api.setStage = async (reference, stage) => {
  const result = await api.setStage(reference, stage);
  await mirror((uri) => api.pushVersion(`${result.data.name}@${result.data.version}`, { uri, timeoutMs: 5000 }));
  return result;
};
