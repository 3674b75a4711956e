/**
 * What of the store has reached which MLflow server (issue 13, "MLflow when outgrown"):
 * one row per run or registered version and server, with the id MLflow gave it. A run
 * that could not be sent keeps a row with no remote id and, for an analysis, the result
 * JSON it would have sent as an artifact, so `syncMlflow()` can send it later whole.
 * Its own table beside tracking-schema.ts's, created on first use.
 */
import { trackingStore } from "./tracking-schema.js";

type Database = import("better-sqlite3").Database;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS mlflow_sync (
    kind TEXT NOT NULL CHECK (kind IN ('run', 'version')),
    local TEXT NOT NULL, uri TEXT NOT NULL,
    remote TEXT, experiment TEXT, artifact_uri TEXT, stage TEXT, pending TEXT,
    PRIMARY KEY (kind, local, uri)
  );
`;

const ready = new WeakSet<Database>();

function db(): Database {
  const d = trackingStore();
  if (!ready.has(d)) {
    d.exec(SCHEMA);
    ready.add(d);
  }
  return d;
}

export interface SyncRow {
  readonly kind: "run" | "version";
  /** The run's id, or `name@version`. */
  readonly local: string;
  readonly uri: string;
  /** MLflow's run id, or its model version number; absent while not sent. */
  readonly remote?: string;
  readonly experiment?: string;
  readonly artifactUri?: string;
  /** The litml stage last sent (versions). */
  readonly stage?: string;
  /** The result JSON to send as an artifact when the run is sent. */
  readonly pending?: string;
}

interface Row {
  kind: "run" | "version";
  local: string;
  uri: string;
  remote: string | null;
  experiment: string | null;
  artifact_uri: string | null;
  stage: string | null;
  pending: string | null;
}

const fromRow = (r: Row): SyncRow => ({
  kind: r.kind,
  local: r.local,
  uri: r.uri,
  ...(r.remote === null ? {} : { remote: r.remote }),
  ...(r.experiment === null ? {} : { experiment: r.experiment }),
  ...(r.artifact_uri === null ? {} : { artifactUri: r.artifact_uri }),
  ...(r.stage === null ? {} : { stage: r.stage }),
  ...(r.pending === null ? {} : { pending: r.pending }),
});

export function selectSync(uri: string, kind?: "run" | "version"): SyncRow[] {
  const rows = (kind === undefined ? db().prepare("SELECT * FROM mlflow_sync WHERE uri = ?").all(uri) : db().prepare("SELECT * FROM mlflow_sync WHERE uri = ? AND kind = ?").all(uri, kind)) as Row[];
  return rows.map(fromRow);
}

export function syncRow(kind: "run" | "version", local: string, uri: string): SyncRow | undefined {
  const row = db().prepare("SELECT * FROM mlflow_sync WHERE kind = ? AND local = ? AND uri = ?").get(kind, local, uri) as Row | undefined;
  return row ? fromRow(row) : undefined;
}

/** Writes (or replaces) the row of one run or version on one server. */
export function saveSync(row: SyncRow): void {
  db()
    .prepare("INSERT OR REPLACE INTO mlflow_sync (kind, local, uri, remote, experiment, artifact_uri, stage, pending) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
    .run(row.kind, row.local, row.uri, row.remote ?? null, row.experiment ?? null, row.artifactUri ?? null, row.stage ?? null, row.pending ?? null);
}
