/**
 * MLflow when outgrown (issue 13): the runs and registered models of the `.litml/` store,
 * sent to an MLflow tracking server through its REST API (`/api/2.0/mlflow/...`) with
 * Node's fetch, no client library. The local store stays the record: a run is written
 * there first, then sent; a server that is down costs a warning, never the run, and
 * `syncMlflow()` sends later whatever has not arrived (a table, state/mlflow-sync.ts,
 * remembers what reached which server, and the result JSON of a run that did not).
 *
 * What goes where: a run's params are MLflow params (values as text, JSON for objects),
 * its metrics MLflow metrics with an interval's ends as `NAME_low` / `NAME_high`, and
 * its origin tags (`litml.notebook`, `litml.cell`, `litml.data.NAME` = fingerprint,
 * `litml.version`, `litml.kind`, `litml.run` = the local id, `litml.seed`, the verdict).
 * Artifacts (the litml run as `litml-run.json`, an analysis's `result.json`, a registered
 * version's packed pipeline under `model/`) go through the server's artifact proxy
 * (`/api/2.0/mlflow-artifacts/artifacts/...`), so only when the server serves artifacts
 * (the run's artifact URI is `mlflow-artifacts:`). A registered version becomes a model
 * version of the same name (its run the version's lineage run, or one made for it), and
 * litml's stages become MLflow aliases (`production`, `staging`; archived removes the
 * alias) and, where the server still has them, the legacy stages.
 */
import { createResult, type Result } from "../../result.js";
import { message } from "../../messages.js";
import { LITML_VERSION } from "../../version.js";
import { selectArtifact, selectVersions, type ModelVersion } from "../../state/registry.js";
import { selectRuns, type Run } from "../../state/runs.js";
import { saveSync, selectSync, syncRow, type SyncRow } from "../../state/mlflow-sync.js";

export interface MlflowOptions {
  /** The tracking server, `http://host:port` (default: the environment's LITML_TRACKING_URI). */
  readonly uri?: string;
  /** The MLflow experiment runs go to (default: LITML_MLFLOW_EXPERIMENT, else "litml"). */
  readonly experiment?: string;
  /** How long one request may take before the server counts as down, in ms (default 10000). */
  readonly timeoutMs?: number;
}

/** What one push did. */
export interface MlflowPush {
  readonly uri: string;
  /** MLflow's run id (a run), or the model version's number (a registered version). */
  readonly remote: string;
  readonly experiment?: string;
  /** Whether artifacts were sent (false when the server does not serve them). */
  readonly artifacts: boolean;
}

export interface MlflowSyncData {
  readonly uri: string;
  readonly runs: number;
  readonly versions: number;
  readonly stages: number;
  /** Runs already there, not sent again. */
  readonly skipped: number;
  readonly artifacts: boolean;
}

const MAX_PARAM_VALUE = 6000;
const MAX_KEY = 250;

/** The server to send to: the option, else LITML_TRACKING_URI; undefined when neither is set. */
export function mlflowUri(uri?: unknown): string | undefined {
  const value = uri ?? process.env.LITML_TRACKING_URI;
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string" || !/^https?:\/\/[^\s/]+/.test(value)) throw message.badTrackingUri(value);
  return value.replace(/\/+$/, "");
}

class MlflowRequestError extends Error {
  constructor(
    text: string,
    readonly code?: string,
    readonly status?: number,
  ) {
    super(text);
  }
}

interface Client {
  readonly uri: string;
  call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
  put(path: string, bytes: Uint8Array | string): Promise<void>;
}

function client(options: MlflowOptions): Client {
  const uri = mlflowUri(options.uri);
  if (uri === undefined) throw message.noTrackingUri();
  const timeout = options.timeoutMs ?? 10_000;
  const send = async (method: string, url: string, body: string | Uint8Array | undefined, type: string) => {
    let response: Response | undefined;
    for (let attempt = 0; response === undefined; attempt++) {
      try {
        response = await fetch(url, { method, body, headers: { "content-type": type }, signal: AbortSignal.timeout(timeout) });
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        // A kept-alive connection the server closed meanwhile: the request never arrived, so once more on a new one.
        if (attempt === 0 && (cause?.code === "UND_ERR_SOCKET" || cause?.code === "ECONNRESET")) continue;
        throw new MlflowRequestError(cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)));
      }
    }
    const text = await response.text();
    if (!response.ok) {
      let code: string | undefined;
      let detail = text.slice(0, 300);
      try {
        const parsed = JSON.parse(text) as { error_code?: string; message?: string };
        code = parsed.error_code;
        detail = parsed.message ?? detail;
      } catch {
        // not JSON: keep the text
      }
      throw new MlflowRequestError(`${method} ${url.slice(uri.length)}: HTTP ${response.status}${code ? ` ${code}` : ""}: ${detail}`, code, response.status);
    }
    return text;
  };
  return {
    uri,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const url = `${uri}/api/2.0/mlflow/${path}`;
      const text = await send(method, url, body === undefined ? undefined : JSON.stringify(body), "application/json");
      return (text ? JSON.parse(text) : {}) as T;
    },
    async put(path: string, bytes: Uint8Array | string): Promise<void> {
      const encoded = path.split("/").map(encodeURIComponent).join("/");
      await send("PUT", `${uri}/api/2.0/mlflow-artifacts/artifacts/${encoded}`, typeof bytes === "string" ? bytes : new Uint8Array(bytes), "application/octet-stream");
    },
  };
}

/** A key MLflow accepts: letters, digits, `_ - . / space`; anything else becomes `_`. */
export function mlflowKey(key: string): string {
  const clean = key.replace(/[^\w\-./ ]/g, "_").replace(/\.\.+/g, "_").replace(/^\/+/, "");
  return (clean || "_").slice(0, MAX_KEY);
}

function paramValue(v: unknown): string {
  const text = typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v) ?? String(v);
  return text.length > MAX_PARAM_VALUE ? `${text.slice(0, MAX_PARAM_VALUE - 1)}…` : text;
}

async function experimentId(c: Client, name: string): Promise<string> {
  try {
    const found = await c.call<{ experiment: { experiment_id: string } }>("GET", `experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`);
    return found.experiment.experiment_id;
  } catch (error) {
    if (!(error instanceof MlflowRequestError) || error.code !== "RESOURCE_DOES_NOT_EXIST") throw error;
  }
  try {
    return (await c.call<{ experiment_id: string }>("POST", "experiments/create", { name })).experiment_id;
  } catch (error) {
    // Created meanwhile by another writer.
    if (error instanceof MlflowRequestError && error.code === "RESOURCE_ALREADY_EXISTS") return experimentId(c, name);
    throw error;
  }
}

/** The artifact proxy's path for a run's artifact URI, or undefined when the server does not serve artifacts. */
function proxyPath(artifactUri: string): string | undefined {
  const m = /^mlflow-artifacts:(?:\/\/[^/]*)?\/*(.*)$/.exec(artifactUri);
  return m ? m[1].replace(/\/+$/, "") : undefined;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type KeyValue = { key: string; value: string };

function runParts(run: Run): { params: KeyValue[]; metrics: { key: string; value: number; timestamp: number; step: number }[]; tags: KeyValue[] } {
  const timestamp = Date.parse(run.at);
  const params = new Map<string, string>();
  for (const [k, v] of Object.entries(run.params)) params.set(mlflowKey(k), paramValue(v));
  const metrics = new Map<string, number>();
  for (const m of run.metrics) {
    metrics.set(mlflowKey(m.name), m.value);
    if (m.low !== undefined && m.high !== undefined) {
      metrics.set(mlflowKey(`${m.name}_low`), m.low);
      metrics.set(mlflowKey(`${m.name}_high`), m.high);
    }
  }
  const tags: KeyValue[] = [
    { key: "litml.kind", value: run.kind },
    { key: "litml.run", value: String(run.id) },
    { key: "litml.version", value: run.litml },
  ];
  if (run.notebook !== undefined) tags.push({ key: "litml.notebook", value: run.notebook }, { key: "mlflow.source.name", value: run.notebook });
  if (run.cell !== undefined) tags.push({ key: "litml.cell", value: String(run.cell) });
  if (run.seed !== undefined) tags.push({ key: "litml.seed", value: String(run.seed) });
  if (run.durationMs !== undefined) tags.push({ key: "litml.duration_ms", value: String(Math.round(run.durationMs)) });
  if (run.verdict) tags.push({ key: "litml.verdict", value: `${run.verdict.level}: ${run.verdict.text}`.slice(0, 5000) });
  for (const d of run.datasets) tags.push({ key: mlflowKey(`litml.data.${d.name}`), value: `${d.hash} (${d.rows} rows)` });
  return {
    params: [...params].map(([key, value]) => ({ key, value })),
    metrics: [...metrics].map(([key, value]) => ({ key, value, timestamp, step: 0 })),
    tags,
  };
}

function runOf(run: Run | number): Run {
  if (typeof run !== "number") return run;
  const found = selectRuns({ ids: [run] })[0];
  if (!found) throw message.unknownRun(run, selectRuns({ last: 20 }).map((r) => r.id));
  return found;
}

/** Creates the MLflow run of a litml run (or returns the one already sent), with its artifacts. */
async function sendRun(c: Client, run: Run, options: MlflowOptions, result?: string, extraArtifacts: Record<string, Uint8Array | string> = {}): Promise<SyncRow & { remote: string; artifactUri: string }> {
  const before = syncRow("run", String(run.id), c.uri);
  if (before?.remote !== undefined && before.artifactUri !== undefined && Object.keys(extraArtifacts).length === 0) return before as SyncRow & { remote: string; artifactUri: string };
  let row = before;
  if (row?.remote === undefined || row.artifactUri === undefined) {
    // A search's candidate: a child of its search's MLflow run (sent first when it is not there yet).
    const parent = run.parent === undefined ? undefined : selectRuns({ ids: [run.parent] })[0];
    const parentRemote = parent === undefined ? undefined : (await sendRun(c, parent, options)).remote;
    const experiment = await experimentId(c, options.experiment ?? process.env.LITML_MLFLOW_EXPERIMENT ?? "litml");
    const parts = runParts(run);
    if (parentRemote !== undefined) parts.tags.push({ key: "mlflow.parentRunId", value: parentRemote }, { key: "litml.parent", value: String(run.parent) });
    const created = await c.call<{ run: { info: { run_id: string; artifact_uri: string } } }>("POST", "runs/create", {
      experiment_id: experiment,
      run_name: run.name,
      start_time: Date.parse(run.at),
      tags: [{ key: "mlflow.runName", value: run.name }],
    });
    const remote = created.run.info.run_id;
    const tags = parts.tags;
    // log-batch takes at most 1000 metrics, 100 params and 100 tags a request.
    const n = Math.max(Math.ceil(parts.metrics.length / 1000), Math.ceil(parts.params.length / 100), Math.ceil(tags.length / 100), 1);
    for (let i = 0; i < n; i++) {
      await c.call("POST", "runs/log-batch", {
        run_id: remote,
        metrics: parts.metrics.slice(i * 1000, (i + 1) * 1000),
        params: parts.params.slice(i * 100, (i + 1) * 100),
        tags: tags.slice(i * 100, (i + 1) * 100),
      });
    }
    const path = proxyPath(created.run.info.artifact_uri);
    if (path !== undefined) {
      await c.put(`${path}/litml-run.json`, JSON.stringify(run, null, 1));
      const pending = result ?? row?.pending;
      if (pending !== undefined) await c.put(`${path}/result.json`, pending);
    }
    await c.call("POST", "runs/update", { run_id: remote, status: "FINISHED", end_time: Date.parse(run.at) + Math.round(run.durationMs ?? 0) });
    row = { kind: "run", local: String(run.id), uri: c.uri, remote, experiment, artifactUri: created.run.info.artifact_uri };
    saveSync(row);
  }
  const path = proxyPath(row.artifactUri as string);
  if (path !== undefined) for (const [name, bytes] of Object.entries(extraArtifacts)) await c.put(`${path}/${name}`, bytes);
  return row as SyncRow & { remote: string; artifactUri: string };
}

/** Remembers what could not be sent, and says so with how to retry. */
function failed(c: Client, kind: "run" | "version", local: string, error: unknown, pending?: string): never {
  if (error instanceof MlflowRequestError || (error instanceof Error && error.name === "TimeoutError")) {
    if (!syncRow(kind, local, c.uri)?.remote) saveSync({ kind, local, uri: c.uri, ...(pending === undefined ? {} : { pending }) });
    throw message.mlflowUnreachable(c.uri, kind === "run" ? `run #${local}` : local, error.message);
  }
  throw error;
}

/**
 * Sends one run of the store (or its id) to MLflow: params, metrics with their intervals,
 * tags, and its artifacts (`result` is an analysis result, sent as `result.json`). A run
 * already there is not sent twice. A server that cannot be reached: a LitmlError that says
 * the run is kept in .litml/ and that `syncMlflow()` sends it later.
 */
export async function pushRun(run: Run | number, options: MlflowOptions & { readonly result?: Result | unknown } = {}): Promise<MlflowPush> {
  const c = client(options);
  const r = runOf(run);
  const result = options.result === undefined ? undefined : JSON.stringify(typeof (options.result as Result).toJSON === "function" ? (options.result as Result).toJSON() : options.result);
  try {
    const row = await sendRun(c, r, options, result);
    return { uri: c.uri, remote: row.remote, ...(row.experiment === undefined ? {} : { experiment: row.experiment }), artifacts: proxyPath(row.artifactUri) !== undefined };
  } catch (error) {
    failed(c, "run", String(r.id), error, result);
  }
}

/** Sends several runs of the store (a search and its candidates): `result` goes with the first. */
export async function pushRuns(runs: readonly (Run | number)[], options: MlflowOptions & { readonly result?: Result | unknown } = {}): Promise<MlflowPush[]> {
  const out: MlflowPush[] = [];
  for (const [i, run] of runs.entries()) out.push(await pushRun(run, i === 0 ? options : { ...options, result: undefined }));
  return out;
}

const MLFLOW_STAGE: Record<string, string> = { staging: "Staging", production: "Production", archived: "Archived" };

/** Moves a sent version's alias (and legacy stage) to its litml stage. */
async function sendStage(c: Client, v: ModelVersion, remote: string): Promise<void> {
  const row = syncRow("version", `${v.name}@${v.version}`, c.uri);
  // Remove the aliases of other stages this version still holds.
  const held = await c.call<{ model_version: { aliases?: string[] } }>("GET", `model-versions/get?name=${encodeURIComponent(v.name)}&version=${remote}`);
  for (const alias of held.model_version.aliases ?? []) {
    if ((alias === "production" || alias === "staging") && alias !== v.stage) await c.call("DELETE", "registered-models/alias", { name: v.name, alias });
  }
  if (v.stage !== "archived") await c.call("POST", "registered-models/alias", { name: v.name, alias: v.stage, version: remote });
  await c.call("POST", "model-versions/set-tag", { name: v.name, version: remote, key: "litml.stage", value: v.stage });
  try {
    await c.call("POST", "model-versions/transition-stage", { name: v.name, version: remote, stage: MLFLOW_STAGE[v.stage], archive_existing_versions: false });
  } catch (error) {
    // Servers that dropped the legacy stages keep the aliases only.
    if (!(error instanceof MlflowRequestError) || error.status === undefined || error.status >= 500) throw error;
  }
  if (row) saveSync({ ...row, stage: v.stage });
}

async function sendVersion(c: Client, v: ModelVersion, options: MlflowOptions): Promise<MlflowPush> {
  const local = `${v.name}@${v.version}`;
  const before = syncRow("version", local, c.uri);
  if (before?.remote !== undefined) {
    if (before.stage !== v.stage) await sendStage(c, v, before.remote);
    return { uri: c.uri, remote: before.remote, artifacts: true };
  }
  // The version's run: its lineage run, or a run made for it.
  const lineage = v.runId === undefined ? undefined : selectRuns({ ids: [v.runId] })[0];
  const run: Run = lineage ?? {
    id: 0,
    kind: "register",
    name: `register ${local}`,
    at: v.created,
    params: { model: v.model, ...((v.params ?? {}) as Record<string, unknown>) },
    metrics: v.metrics,
    datasets: v.datasets,
    litml: LITML_VERSION,
  };
  const artifact = selectArtifact(v.name, v.version) as Buffer;
  const summary = { name: v.name, version: v.version, stage: v.stage, kind: v.kind, model: v.model, task: v.task, params: v.params, metrics: v.metrics, datasets: v.datasets, created: v.created, description: v.description, format: "litml packed artifact (src/state/artifact.ts): unpackArtifact, then loadPipeline or loadModel" };
  const files = { [`model/${v.name}-v${v.version}.litml`]: new Uint8Array(artifact), "model/litml-version.json": JSON.stringify(summary, null, 1) };
  const runRow = lineage ? await sendRun(c, lineage, options, undefined, files) : await sendLooseRun(c, run, options, files);
  try {
    await c.call("POST", "registered-models/create", { name: v.name, tags: [{ key: "litml", value: LITML_VERSION }] });
  } catch (error) {
    if (!(error instanceof MlflowRequestError) || error.code !== "RESOURCE_ALREADY_EXISTS") throw error;
  }
  const tags = [
    { key: "litml.version", value: String(v.version) },
    { key: "litml.model", value: v.model },
    { key: "litml.task", value: v.task },
    ...v.metrics.flatMap((m) => [
      { key: mlflowKey(`metric.${m.name}`), value: String(m.value) },
      ...(m.low !== undefined && m.high !== undefined ? [{ key: mlflowKey(`metric.${m.name}_low`), value: String(m.low) }, { key: mlflowKey(`metric.${m.name}_high`), value: String(m.high) }] : []),
    ]),
    ...v.datasets.map((d) => ({ key: mlflowKey(`litml.data.${d.name}`), value: `${d.hash} (${d.rows} rows)` })),
  ].slice(0, 100);
  const created = await c.call<{ model_version: { version: string } }>("POST", "model-versions/create", {
    name: v.name,
    source: `${runRow.artifactUri}/model`,
    run_id: runRow.remote,
    description: v.description,
    tags,
  });
  const remote = created.model_version.version;
  saveSync({ kind: "version", local, uri: c.uri, remote, experiment: runRow.experiment, artifactUri: `${runRow.artifactUri}/model` });
  await sendStage(c, v, remote);
  return { uri: c.uri, remote, ...(runRow.experiment === undefined ? {} : { experiment: runRow.experiment }), artifacts: proxyPath(runRow.artifactUri) !== undefined };
}

/** A run made for a version with no lineage run: not in the store, so not remembered as a run. */
async function sendLooseRun(c: Client, run: Run, options: MlflowOptions, files: Record<string, Uint8Array | string>) {
  const experiment = await experimentId(c, options.experiment ?? process.env.LITML_MLFLOW_EXPERIMENT ?? "litml");
  const parts = runParts(run);
  const created = await c.call<{ run: { info: { run_id: string; artifact_uri: string } } }>("POST", "runs/create", { experiment_id: experiment, run_name: run.name, start_time: Date.parse(run.at), tags: [{ key: "mlflow.runName", value: run.name }] });
  const remote = created.run.info.run_id;
  await c.call("POST", "runs/log-batch", { run_id: remote, metrics: parts.metrics.slice(0, 1000), params: parts.params.slice(0, 100), tags: parts.tags.filter((t) => t.key !== "litml.run").slice(0, 100) });
  const path = proxyPath(created.run.info.artifact_uri);
  if (path !== undefined) for (const [name, bytes] of Object.entries(files)) await c.put(`${path}/${name}`, bytes);
  await c.call("POST", "runs/update", { run_id: remote, status: "FINISHED", end_time: Date.parse(run.at) });
  return { remote, experiment, artifactUri: created.run.info.artifact_uri };
}

function versionsOf(reference: string): ModelVersion {
  const at = reference.lastIndexOf("@");
  const name = at < 0 ? reference : reference.slice(0, at);
  const version = Number(reference.slice(at + 1));
  const found = selectVersions(name).find((v) => v.version === version);
  if (!found) throw message.unknownModelVersion(name, `version ${reference.slice(at + 1)}`, selectVersions(name));
  return found;
}

/**
 * Sends a registered version (`name@3`) to MLflow as a model version of the same name: its
 * run (the lineage run, or one made for it) with the packed pipeline as an artifact under
 * `model/`, and its stage as an alias. Sent already: only its stage is brought up to date.
 */
export async function pushVersion(reference: string, options: MlflowOptions = {}): Promise<MlflowPush> {
  const c = client(options);
  const v = versionsOf(reference);
  try {
    const pushed = await sendVersion(c, v, options);
    // Promoting one version archives another: bring every sent version of the name up to date.
    for (const other of selectVersions(v.name)) {
      const row = syncRow("version", `${other.name}@${other.version}`, c.uri);
      if (row?.remote !== undefined && row.stage !== other.stage) await sendStage(c, other, row.remote);
    }
    return pushed;
  } catch (error) {
    failed(c, "version", `${v.name}@${v.version}`, error);
  }
}

/**
 * Sends whatever of the store the server has not got: every run (with the result JSON kept
 * for those that failed before), every registered version, and stages changed since. The
 * retry after a server was down, and the way to move a project's history to MLflow.
 */
export async function syncMlflow(options: MlflowOptions = {}): Promise<Result<MlflowSyncData>> {
  const c = client(options);
  const sent = new Map(selectSync(c.uri, "run").map((r) => [r.local, r]));
  let runs = 0;
  let skipped = 0;
  let artifacts = true;
  for (const run of selectRuns()) {
    const row = sent.get(String(run.id));
    if (row?.remote !== undefined) {
      artifacts &&= row.artifactUri === undefined || proxyPath(row.artifactUri) !== undefined;
      skipped++;
      continue;
    }
    try {
      const done = await sendRun(c, run, options, row?.pending);
      artifacts &&= proxyPath(done.artifactUri) !== undefined;
    } catch (error) {
      failed(c, "run", String(run.id), error, row?.pending);
    }
    runs++;
  }
  const versionRows = new Map(selectSync(c.uri, "version").map((r) => [r.local, r]));
  let versions = 0;
  let stages = 0;
  for (const v of selectVersions()) {
    const row = versionRows.get(`${v.name}@${v.version}`);
    if (row?.remote !== undefined && row.stage === v.stage) continue;
    try {
      await sendVersion(c, v, options);
    } catch (error) {
      failed(c, "version", `${v.name}@${v.version}`, error);
    }
    if (row?.remote === undefined) versions++;
    else stages++;
  }
  const data: MlflowSyncData = { uri: c.uri, runs, versions, stages, skipped, artifacts };
  const note = artifacts ? "" : " The server does not serve artifacts (its runs' artifact URIs are not mlflow-artifacts:), so no artifacts were sent: start it with --serve-artifacts and --artifacts-destination instead of --default-artifact-root.";
  return createResult({
    kind: "mlflow-sync",
    version: 1,
    title: `Sent to MLflow at ${c.uri}`,
    verdict: {
      level: artifacts ? "ok" : "warn",
      text: `Sent ${runs} run${runs === 1 ? "" : "s"}, ${versions} model version${versions === 1 ? "" : "s"} and ${stages} stage change${stages === 1 ? "" : "s"} to MLflow at ${c.uri}; ${skipped} run${skipped === 1 ? " was" : "s were"} there already.${note}`,
    },
    data,
  });
}
