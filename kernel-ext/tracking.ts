/**
 * Tracking by default, in the kernel (issue 13): each analysis call made from a notebook
 * is recorded as a run when it returns, and each pipeline or model fitted there when its
 * fit returns. The kernel is where what a run needs is known (the notebook, the cell, the
 * call's options, how long it took) and where the per-notebook on/off switch lives; the
 * library's analyses stay pure, and a script that calls them directly writes nothing.
 * A store that cannot be opened (no better-sqlite3) costs a one-line note, never the call.
 */
import * as api from "../src/index.js";
import { saveTrackingSetting, trackingSetting } from "../src/state/runs.js";
import { notebookKey } from "../src/state/store.js";
import { currentCell } from "./cell.js";

type AnyFunction = (...args: any[]) => unknown;

const notebook: string | undefined = notebookKey();
let enabled: boolean | undefined;
let warned = false;
/**
 * How many tracked calls are running: the fits made meanwhile (each fold's, each
 * candidate's, a pipeline's model) are part of that one run, not runs of their own. A
 * counter, not AsyncLocalStorage: async hooks make Node abort (an assertion in its callback
 * scope) when the watchdog stops a script inside a timer callback, and a notebook runs one
 * call at a time (a fit started from a timer during a call would count as the call's).
 */
let running = 0;

async function within<T>(work: () => T | Promise<T>): Promise<T> {
  running++;
  try {
    return await work();
  } finally {
    running--;
  }
}
/** Which run fitted each pipeline or model (its lineage, for `register`). */
const fitRuns = new WeakMap<object, number>();

/** Whether this notebook's calls are recorded: on unless switched off for this kernel or (saved) for this notebook. */
export function trackingOn(): boolean {
  if (enabled === undefined) {
    enabled = true;
    if (notebook !== undefined) {
      try {
        enabled = trackingSetting(notebook) ?? true;
      } catch {
        // The store cannot be opened: record() says so once, on the first run.
      }
    }
  }
  return enabled;
}

/** The MLflow server this kernel also sends runs to: `litml.tracking({ uri })`, else LITML_TRACKING_URI. */
let remoteUri: string | undefined;
/** Whether the last send to MLflow failed (warned once until one gets through again). */
let remoteDown = false;
let artifactsWarned = false;

function mlflowTarget(): string | undefined {
  try {
    return remoteUri ?? api.mlflowUri();
  } catch (error) {
    if (!remoteDown) process.stderr.write(`litml: runs are not sent to MLflow: ${error instanceof Error ? error.message : String(error)}\n`);
    remoteDown = true;
    return undefined;
  }
}

/** Sends a run (or a registered version) to MLflow when a server is set; one warning, never an error, when it is down. */
export async function mirror(send: (uri: string) => Promise<unknown>): Promise<void> {
  const uri = mlflowTarget();
  if (uri === undefined) return;
  try {
    const pushed = await send(uri);
    remoteDown = false;
    if ((pushed as api.MlflowPush | undefined)?.artifacts === false && !artifactsWarned) {
      artifactsWarned = true;
      process.stderr.write(`litml: MLflow at ${uri} does not serve artifacts, so runs reach it without their result JSON and pipelines: start it with --artifacts-destination DIR (not --default-artifact-root).\n`);
    }
  } catch (error) {
    if (!remoteDown) process.stderr.write(`litml: ${error instanceof Error ? error.message : String(error)}\n`);
    remoteDown = true;
  }
}

export const mirrorRun = (run: api.Run | undefined, result?: api.Result) => (run ? mirror((uri) => api.pushRun(run, { uri, timeoutMs: 5000, ...(result ? { result } : {}) })) : Promise.resolve());

/** `%tracking on|off`, `litml.tracking(false)`: for this kernel, and saved for its notebook when the kernel knows it; `litml.tracking({ uri })` also sends runs to that MLflow server. */
export function setTracking(state: boolean | "on" | "off" | { readonly uri: string } = true): api.Result<api.TrackingStatus> {
  if (state !== null && typeof state === "object" && !Array.isArray(state)) {
    const uri = (state as { uri?: unknown }).uri;
    if (uri === undefined || uri === "") throw new api.LitmlError("bad-tracking-uri", `tracking: invalid uri: ${JSON.stringify(uri)}; expected the MLflow tracking server's address, e.g. litml.tracking({ uri: "http://127.0.0.1:5000" }).`);
    remoteUri = api.mlflowUri(uri);
    remoteDown = false;
    state = true;
  }
  if (state !== true && state !== false && state !== "on" && state !== "off") {
    throw new api.LitmlError("bad-option", `tracking: invalid state: ${JSON.stringify(state)}; expected true or false (in a magic: %tracking on or %tracking off).`);
  }
  enabled = state === true || state === "on";
  if (notebook !== undefined) record(() => saveTrackingSetting(notebook, enabled as boolean), true);
  return api.trackingStatus(enabled, notebook, enabled ? mlflowTarget() : undefined);
}

function record<T>(write: () => T, always = false): T | undefined {
  if (!always && !trackingOn()) return undefined;
  try {
    return write();
  } catch (error) {
    if (!warned) {
      warned = true;
      process.stderr.write(`litml: this run was not tracked: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    return undefined;
  }
}

const context = (params: unknown, started: number): api.RunContext => ({
  ...(notebook === undefined ? {} : { notebook }),
  ...(currentCell() === undefined ? {} : { cell: currentCell() }),
  params: paramsOf(params),
  durationMs: performance.now() - started,
});

/** The call's options as params (the framing card is the notebook's, not the call's). */
function paramsOf(options: unknown): Record<string, unknown> {
  if (options === null || typeof options !== "object" || Array.isArray(options)) return {};
  const { card: _card, ...rest } = options as Record<string, unknown>;
  return rest;
}

function isResult(value: unknown): value is api.Result {
  const v = value as api.Result | null;
  return v !== null && typeof v === "object" && typeof v.kind === "string" && typeof v.provenance === "object" && typeof v.toJSON === "function";
}

function isCrossValidation(value: unknown): value is api.CrossValidation {
  const v = value as api.CrossValidation | null;
  return v !== null && typeof v === "object" && typeof v.mean === "object" && typeof v.std === "object" && Array.isArray(v.folds);
}

/** `analysis`, recording what it returns (`at`: where its options argument is). */
export function tracked<F extends AnyFunction>(analysis: F, at: number): F {
  return (async (...args: unknown[]) => {
    if (running > 0) return analysis(...args);
    const started = performance.now();
    const value = await within(() => analysis(...args));
    // A search's candidates are runs too: children of its run, written with it in one transaction.
    if (isResult(value) && value.kind === api.SEARCH_KIND) {
      const search = record(() => api.recordSearch(value as api.Result<api.TuneData>, context(args[at], started)));
      if (search) await mirror((uri) => api.pushRuns([search.run.id, ...search.candidates], { uri, timeoutMs: 5000, result: value }));
    } else if (isResult(value)) await mirrorRun(record(() => api.recordResult(value, context(args[at], started))), value);
    else if (isCrossValidation(value)) {
      const metrics: Record<string, number> = {};
      for (const [name, mean] of Object.entries(value.mean)) {
        metrics[name] = mean;
        metrics[`${name} std`] = value.std[name];
      }
      const datasets = args[0] instanceof api.Dataset ? [args[0].provenance()] : undefined;
      await mirrorRun(record(() => api.track(`cross-validate ${value.model}`, metrics, { ...context(args[at], started), kind: "cross-validation", ...(datasets ? { datasets } : {}) })));
    }
    return value;
  }) as F;
}

/** A Pipeline whose fits are recorded (named Pipeline, so params and messages read the same as the library's). */
export class Pipeline extends api.Pipeline {
  override async fit(data: api.Dataset, target: string, options?: Parameters<api.Pipeline["fit"]>[2]): Promise<api.FittedPipeline> {
    if (running > 0) return super.fit(data, target, options);
    const started = performance.now();
    const fitted = await within(() => super.fit(data, target, options));
    const run = record(() => api.recordFit(fitted, data.provenance(), { ...context({}, started), params: {} }));
    if (run) fitRuns.set(fitted, run.id);
    await mirrorRun(run);
    return fitted;
  }
}

/** A registry model whose fits are recorded. */
export function trackedModel<M extends { fit: AnyFunction; model: string }>(model: M): M {
  const wrapper = Object.create(model) as M;
  (wrapper as { fit: AnyFunction }).fit = async (...args: unknown[]) => {
    if (running > 0) return model.fit(...args);
    const started = performance.now();
    const fitted = (await within(() => model.fit(...args))) as api.FittedPipeline["model"];
    const run = record(() => api.recordFit({ model: fitted }, undefined, { ...context({}, started), params: {} }));
    if (run) fitRuns.set(fitted, run.id);
    await mirrorRun(run);
    return fitted;
  };
  return wrapper;
}

/** Where runs recorded from this kernel come from: its notebook (when known) and the running cell. */
export function origin(): { notebook?: string; cell?: number } {
  const cell = currentCell();
  return { ...(notebook === undefined ? {} : { notebook }), ...(cell === undefined ? {} : { cell }) };
}

/** The run that fitted this pipeline or model in this kernel, if it was recorded. */
export function runOf(fitted: object): number | undefined {
  return fitRuns.get(fitted);
}
