/**
 * The model registry's rows: versions of a named model, each with its artifact (a packed
 * saved pipeline, see artifact.ts), params, metrics, data fingerprints, the run it came
 * from and its stage. At most one version per name is in production: a unique index says
 * so, and promoting a version archives the one before it in the same transaction.
 */
import type { DataFingerprint, RunMetric } from "./runs.js";
import { trackingStore } from "./tracking-schema.js";

export const STAGES = ["staging", "production", "archived"] as const;
export type Stage = (typeof STAGES)[number];

export interface ModelVersionInput {
  readonly name: string;
  readonly description: string;
  readonly stage: Stage;
  readonly runId?: number;
  /** "pipeline" or "model": what the artifact loads as. */
  readonly kind: string;
  readonly model: string;
  readonly task: string;
  readonly params: unknown;
  readonly metrics: readonly RunMetric[];
  readonly datasets: readonly DataFingerprint[];
  readonly artifact: Uint8Array;
}

export interface ModelVersion extends Omit<ModelVersionInput, "artifact"> {
  readonly version: number;
  readonly created: string;
  readonly artifactBytes: number;
}

interface Row {
  name: string;
  version: number;
  stage: Stage;
  description: string;
  created: string;
  run_id: number | null;
  kind: string;
  model: string;
  task: string;
  params: string;
  metrics: string;
  datasets: string;
  artifact_bytes: number;
}

const COLUMNS = "name, version, stage, description, created, run_id, kind, model, task, params, metrics, datasets, artifact_bytes";

function fromRow(r: Row): ModelVersion {
  return {
    name: r.name,
    version: r.version,
    stage: r.stage,
    description: r.description,
    created: r.created,
    ...(r.run_id === null ? {} : { runId: r.run_id }),
    kind: r.kind,
    model: r.model,
    task: r.task,
    params: JSON.parse(r.params) as unknown,
    metrics: JSON.parse(r.metrics) as RunMetric[],
    datasets: JSON.parse(r.datasets) as DataFingerprint[],
    artifactBytes: r.artifact_bytes,
  };
}

/** Adds the next version of `input.name` (1 for a new name) and returns it. */
export function insertVersion(input: ModelVersionInput, at = new Date()): ModelVersion {
  const db = trackingStore();
  return db.transaction(() => {
    const { next } = db.prepare("SELECT COALESCE(MAX(version), 0) + 1 AS next FROM model_versions WHERE name = ?").get(input.name) as { next: number };
    if (input.stage === "production") db.prepare("UPDATE model_versions SET stage = 'archived' WHERE name = ? AND stage = 'production'").run(input.name);
    db.prepare(
      "INSERT INTO model_versions (name, version, stage, description, created, run_id, kind, model, task, params, metrics, datasets, artifact, artifact_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ).run(
      input.name,
      next,
      input.stage,
      input.description,
      at.toISOString(),
      input.runId ?? null,
      input.kind,
      input.model,
      input.task,
      JSON.stringify(input.params ?? null),
      JSON.stringify(input.metrics),
      JSON.stringify(input.datasets),
      Buffer.from(input.artifact.buffer, input.artifact.byteOffset, input.artifact.byteLength),
      input.artifact.byteLength,
    );
    return fromRow(db.prepare(`SELECT ${COLUMNS} FROM model_versions WHERE name = ? AND version = ?`).get(input.name, next) as Row);
  })();
}

/** Every version of one name, or of every name, by name then version. */
export function selectVersions(name?: string): ModelVersion[] {
  const db = trackingStore();
  const rows = (name === undefined
    ? db.prepare(`SELECT ${COLUMNS} FROM model_versions ORDER BY name, version`).all()
    : db.prepare(`SELECT ${COLUMNS} FROM model_versions WHERE name = ? ORDER BY version`).all(name)) as Row[];
  return rows.map(fromRow);
}

/** The artifact of one version. */
export function selectArtifact(name: string, version: number): Buffer | undefined {
  const row = trackingStore().prepare("SELECT artifact FROM model_versions WHERE name = ? AND version = ?").get(name, version) as { artifact: Buffer } | undefined;
  return row?.artifact;
}

/** Moves a version to a stage; to production, archiving the version that was there, in one transaction. */
export function updateStage(name: string, version: number, stage: Stage): void {
  const db = trackingStore();
  db.transaction(() => {
    if (stage === "production") db.prepare("UPDATE model_versions SET stage = 'archived' WHERE name = ? AND stage = 'production' AND version <> ?").run(name, version);
    db.prepare("UPDATE model_versions SET stage = ? WHERE name = ? AND version = ?").run(stage, name, version);
  })();
}
