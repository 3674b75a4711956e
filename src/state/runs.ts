/**
 * Tracked runs in the store: one row per run (what ran, where from, with what), its
 * metrics in a table of their own (value and, where the result had one, its interval).
 * A run and its metrics are written in one transaction, so a run is either whole or absent.
 */
import { trackingStore } from "./tracking-schema.js";

export interface RunMetric {
  readonly name: string;
  readonly value: number;
  readonly low?: number;
  readonly high?: number;
}

export interface DataFingerprint {
  readonly name: string;
  readonly hash: string;
  readonly rows: number;
}

/** What a run records (everything the caller knows; the store adds the id and time). */
export interface RunInput {
  /** What produced it: a result kind ("baseline-comparison"), "fit", or "track". */
  readonly kind: string;
  /** A short name to tell runs apart in a list. */
  readonly name: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly metrics?: readonly RunMetric[];
  readonly datasets?: readonly DataFingerprint[];
  readonly notebook?: string;
  /** The cell's execution count, as the notebook shows it. */
  readonly cell?: number;
  readonly seed?: number;
  readonly durationMs?: number;
  readonly litml: string;
  readonly verdict?: { readonly level: string; readonly text: string };
  /** The run this one is part of (a search's candidate: the search's run). */
  readonly parent?: number;
}

export interface Run extends RunInput {
  readonly id: number;
  readonly at: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly metrics: readonly RunMetric[];
  readonly datasets: readonly DataFingerprint[];
}

interface RunRow {
  id: number;
  kind: string;
  name: string;
  at: string;
  notebook: string | null;
  cell: number | null;
  params: string;
  datasets: string;
  seed: number | null;
  duration_ms: number | null;
  litml: string;
  verdict: string | null;
  parent: number | null;
}

interface MetricRow {
  run_id: number;
  name: string;
  value: number;
  low: number | null;
  high: number | null;
}

/** Writes one run with its metrics in one transaction and returns it as stored. */
export function insertRun(input: RunInput, at = new Date()): Run {
  const db = trackingStore();
  const metrics = dedupe(input.metrics ?? []);
  const params = plainParams(input.params ?? {}) as Record<string, unknown>;
  const id = db.transaction(() => {
    const info = db
      .prepare("INSERT INTO runs (kind, name, at, notebook, cell, params, datasets, seed, duration_ms, litml, verdict, parent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .run(
        input.kind,
        input.name,
        at.toISOString(),
        input.notebook ?? null,
        input.cell ?? null,
        JSON.stringify(params),
        JSON.stringify(input.datasets ?? []),
        input.seed ?? null,
        input.durationMs ?? null,
        input.litml,
        input.verdict ? JSON.stringify(input.verdict) : null,
        input.parent ?? null,
      );
    const id = Number(info.lastInsertRowid);
    const add = db.prepare("INSERT INTO run_metrics (run_id, name, value, low, high) VALUES (?, ?, ?, ?, ?)");
    for (const m of metrics) add.run(id, m.name, m.value, m.low ?? null, m.high ?? null);
    return id;
  })();
  return { ...input, id, at: at.toISOString(), params, metrics, datasets: input.datasets ?? [] };
}

export interface RunQuery {
  readonly notebook?: string;
  readonly kind?: string;
  readonly ids?: readonly number[];
  /** The newest this many (default all). */
  readonly last?: number;
  /** Only the children of this run; `null`: only runs that are no other run's part. */
  readonly parent?: number | null;
}

/** Runs, oldest first. */
export function selectRuns(query: RunQuery = {}): Run[] {
  const db = trackingStore();
  const where: string[] = [];
  const args: unknown[] = [];
  if (query.notebook !== undefined) {
    where.push("notebook = ?");
    args.push(query.notebook);
  }
  if (query.kind !== undefined) {
    where.push("kind = ?");
    args.push(query.kind);
  }
  if (query.parent === null) where.push("parent IS NULL");
  else if (query.parent !== undefined) {
    where.push("parent = ?");
    args.push(query.parent);
  }
  if (query.ids) {
    where.push(`id IN (${query.ids.map(() => "?").join(", ") || "NULL"})`);
    args.push(...query.ids);
  }
  const limit = query.last === undefined ? "" : ` LIMIT ${Math.max(0, Math.floor(query.last))}`;
  const rows = db.prepare(`SELECT * FROM (SELECT * FROM runs ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC${limit}) ORDER BY id`).all(...args) as RunRow[];
  if (rows.length === 0) return [];
  const metricRows = db.prepare(`SELECT * FROM run_metrics WHERE run_id IN (${rows.map(() => "?").join(", ")}) ORDER BY rowid`).all(...rows.map((r) => r.id)) as MetricRow[];
  const byRun = new Map<number, RunMetric[]>();
  for (const m of metricRows) {
    const list = byRun.get(m.run_id) ?? [];
    list.push({ name: m.name, value: m.value, ...(m.low === null ? {} : { low: m.low }), ...(m.high === null ? {} : { high: m.high }) });
    byRun.set(m.run_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    at: r.at,
    ...(r.notebook === null ? {} : { notebook: r.notebook }),
    ...(r.cell === null ? {} : { cell: r.cell }),
    params: JSON.parse(r.params) as Record<string, unknown>,
    metrics: byRun.get(r.id) ?? [],
    datasets: JSON.parse(r.datasets) as DataFingerprint[],
    ...(r.seed === null ? {} : { seed: r.seed }),
    ...(r.duration_ms === null ? {} : { durationMs: r.duration_ms }),
    litml: r.litml,
    ...(r.verdict === null ? {} : { verdict: JSON.parse(r.verdict) as Run["verdict"] }),
    ...(r.parent === null ? {} : { parent: r.parent }),
  }));
}

/** How many runs each of these runs has as its parts (its children). */
export function childCounts(ids: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  if (ids.length === 0) return counts;
  const rows = trackingStore()
    .prepare(`SELECT parent, COUNT(*) AS n FROM runs WHERE parent IN (${ids.map(() => "?").join(", ")}) GROUP BY parent`)
    .all(...ids) as { parent: number; n: number }[];
  for (const r of rows) counts.set(r.parent, r.n);
  return counts;
}

/** Whether tracking is on for a notebook (on unless switched off). */
export function trackingSetting(notebook: string): boolean | undefined {
  const row = trackingStore().prepare("SELECT enabled FROM tracking_settings WHERE notebook = ?").get(notebook) as { enabled: number } | undefined;
  return row === undefined ? undefined : row.enabled === 1;
}

export function saveTrackingSetting(notebook: string, enabled: boolean): void {
  trackingStore()
    .prepare("INSERT INTO tracking_settings (notebook, enabled) VALUES (?, ?) ON CONFLICT(notebook) DO UPDATE SET enabled = excluded.enabled")
    .run(notebook, enabled ? 1 : 0);
}

/** One value per metric name (the first), finite values only. */
function dedupe(metrics: readonly RunMetric[]): RunMetric[] {
  const seen = new Set<string>();
  const out: RunMetric[] = [];
  for (const m of metrics) {
    if (seen.has(m.name) || !Number.isFinite(m.value)) continue;
    seen.add(m.name);
    out.push({ name: m.name, value: m.value, ...(Number.isFinite(m.low) ? { low: m.low } : {}), ...(Number.isFinite(m.high) ? { high: m.high } : {}) });
  }
  return out;
}

/** Params as plain JSON: functions, data and pipelines by a short description, not their contents. */
export function plainParams(value: unknown, depth = 0): unknown {
  if (typeof value === "function") return `[function ${value.name || "anonymous"}]`;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (value === null || typeof value !== "object") return value;
  if (value instanceof RegExp) return String(value);
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value)) return `[${value.constructor.name} of ${(value as unknown as ArrayLike<number>).length}]`;
  if (depth > 6) return "[…]";
  if (Array.isArray(value)) return value.length > 100 ? `[array of ${value.length}]` : value.map((v) => plainParams(v, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const named = value as { provenance?: () => DataFingerprint; model?: { model?: string } | string; constructor: { name: string } };
    if (typeof named.provenance === "function") {
      const p = named.provenance();
      return `[data ${p.name} ${p.hash}]`;
    }
    const model = typeof named.model === "string" ? named.model : named.model?.model;
    return `[${named.constructor.name}${model ? ` ${model}` : ""}]`;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = plainParams(v, depth + 1);
  return out;
}
