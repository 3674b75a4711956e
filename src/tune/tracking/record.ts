/**
 * Tracking (issue 13, "tracking by default"): turning what a call returned into a run in
 * the store. The library records nothing by itself: analyses stay pure, and a script that
 * calls one writes nothing. The kernel's notebook API (kernel-ext/notebook-api.ts) calls
 * `recordResult` for each result an analysis returns and `recordFit` for each pipeline it
 * fits, passing what only the kernel knows (notebook, cell, the call's options, how long it
 * took). Hooking the kernel rather than `createResult` keeps createResult pure and
 * synchronous, lets tracking be switched off per notebook where that setting lives (the
 * kernel), and records each call once, not every inner result of a composite analysis.
 * `track(name, values)` records anything else.
 */
import type { Result } from "../../result.js";
import { insertRun, type DataFingerprint, type Run, type RunMetric } from "../../state/runs.js";
import { message } from "../../messages.js";
import { LITML_VERSION } from "../../version.js";
import { metricsOf } from "./metrics-of.js";

/** What the caller knows about where a run came from. */
export interface RunContext {
  /** What produced the run, when `track` records it for a caller (default "track"). */
  readonly kind?: string;
  readonly notebook?: string;
  readonly cell?: number;
  /** The call's options (or anything else that set it up). */
  readonly params?: Readonly<Record<string, unknown>>;
  readonly durationMs?: number;
  readonly seed?: number;
  readonly datasets?: readonly DataFingerprint[];
}

/** Records a result: its kind, verdict, metrics (with intervals where the data has them), data fingerprints and seed. */
export function recordResult(result: Result, context: RunContext = {}): Run {
  return insertRun({
    kind: result.kind,
    name: result.title,
    params: context.params ?? {},
    metrics: metricsOf(result.data),
    datasets: context.datasets ?? result.provenance.datasets,
    notebook: context.notebook,
    cell: context.cell,
    seed: context.seed ?? result.provenance.seed,
    durationMs: context.durationMs,
    litml: result.provenance.litml,
    verdict: result.verdict,
  });
}

/** A value `track` accepts: a number, a number with its interval, or anything else (kept as a param). */
export type TrackedValue = number | { readonly value: number; readonly low?: number; readonly high?: number } | string | boolean | null | readonly unknown[] | Readonly<Record<string, unknown>>;

/**
 * Records a run named `name`: numbers (and `{ value, low, high }`) become metrics, the
 * entries of `params` (for numbers that are settings, not results) and everything else params.
 */
export function track(name: string, values: Readonly<Record<string, TrackedValue>> = {}, context: RunContext = {}): Run {
  if (typeof name !== "string" || name.trim() === "") throw message.badOption("track", "name", name, "a non-empty name for the run");
  if (values === null || typeof values !== "object" || Array.isArray(values)) throw message.badOption("track", "values", values, "an object of named values, e.g. { auc: 0.91, note: \"more trees\" }");
  const metrics: RunMetric[] = [];
  const params: Record<string, unknown> = { ...context.params };
  for (const [key, v] of Object.entries(values)) {
    if (key === "params" && v !== null && typeof v === "object" && !Array.isArray(v)) Object.assign(params, v);
    else if (typeof v === "number") metrics.push({ name: key, value: v });
    else if (v !== null && typeof v === "object" && !Array.isArray(v) && typeof (v as { value?: unknown }).value === "number") {
      const m = v as { value: number; low?: number; high?: number };
      metrics.push({ name: key, value: m.value, ...(m.low === undefined ? {} : { low: m.low }), ...(m.high === undefined ? {} : { high: m.high }) });
    } else params[key] = v;
  }
  return insertRun({
    kind: context.kind ?? "track",
    name,
    params,
    metrics,
    datasets: context.datasets,
    notebook: context.notebook,
    cell: context.cell,
    seed: context.seed,
    durationMs: context.durationMs,
    litml: LITML_VERSION,
  });
}

/** What `recordFit` reads of a fitted pipeline (kept structural, so tracking needs no pipeline import). */
export interface FittedLike {
  readonly model: { readonly model: string; readonly params: unknown; readonly task: string };
  readonly targetName?: string;
}

/** Records one fit: the model, its params and the data it was fitted on. */
export function recordFit(fitted: FittedLike, data: DataFingerprint | undefined, context: RunContext = {}): Run {
  const params = (fitted.model.params ?? {}) as Record<string, unknown>;
  return insertRun({
    kind: "fit",
    name: `fit ${fitted.model.model}${fitted.targetName ? ` → ${fitted.targetName}` : ""}`,
    params: { model: fitted.model.model, ...(fitted.targetName ? { target: fitted.targetName } : {}), ...params, ...context.params },
    datasets: context.datasets ?? (data ? [data] : []),
    notebook: context.notebook,
    cell: context.cell,
    seed: context.seed ?? (typeof params.seed === "number" ? params.seed : undefined),
    durationMs: context.durationMs,
    litml: LITML_VERSION,
  });
}
