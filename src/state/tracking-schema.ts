/**
 * The tables of tracked runs and of the model registry, kept beside store.ts's own
 * (DESIGN.md "state"): created on first use of the same `.litml/state.db` (WAL), so a
 * store written by an older litml simply gains them. Every write is one transaction: a
 * process killed mid-write leaves the store as it was before that write (SQLite's WAL
 * rolls an uncommitted transaction back on the next open). Where the store cannot be
 * opened, runs and the registry fail with one LitmlError that says so; analyses, which
 * never touch it, work as before.
 */
import { message } from "../messages.js";
import { store } from "./store.js";

type Database = import("better-sqlite3").Database;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL, name TEXT NOT NULL, at TEXT NOT NULL,
    notebook TEXT, cell INTEGER,
    params TEXT NOT NULL, datasets TEXT NOT NULL,
    seed REAL, duration_ms REAL, litml TEXT NOT NULL, verdict TEXT
  );
  CREATE TABLE IF NOT EXISTS run_metrics (
    run_id INTEGER NOT NULL REFERENCES runs(id), name TEXT NOT NULL,
    value REAL NOT NULL, low REAL, high REAL,
    PRIMARY KEY (run_id, name)
  );
  CREATE TABLE IF NOT EXISTS tracking_settings (notebook TEXT PRIMARY KEY, enabled INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS model_versions (
    name TEXT NOT NULL, version INTEGER NOT NULL,
    stage TEXT NOT NULL CHECK (stage IN ('staging', 'production', 'archived')),
    description TEXT NOT NULL, created TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id), kind TEXT NOT NULL, model TEXT NOT NULL, task TEXT NOT NULL,
    params TEXT NOT NULL, metrics TEXT NOT NULL, datasets TEXT NOT NULL,
    artifact BLOB NOT NULL, artifact_bytes INTEGER NOT NULL,
    PRIMARY KEY (name, version)
  );
  CREATE UNIQUE INDEX IF NOT EXISTS model_versions_one_production ON model_versions (name) WHERE stage = 'production';
`;

const ready = new WeakSet<Database>();

/** The store, with the tracking and registry tables in it. */
export function trackingStore(): Database {
  let db: Database;
  try {
    db = store();
  } catch (error) {
    // better-sqlite3 does not load (Deno, a missing native build) or the folder is not writable.
    throw message.trackingUnavailable(error instanceof Error ? error.message : String(error));
  }
  if (!ready.has(db)) {
    db.exec(SCHEMA);
    addParentColumn(db);
    ready.add(db);
  }
  return db;
}

/**
 * A run's parent (a search's candidates are runs of their own, children of the search's run):
 * a column added to stores written before it existed, in one statement (ADD COLUMN is atomic).
 */
function addParentColumn(db: Database): void {
  const columns = db.prepare("PRAGMA table_info(runs)").all() as { name: string }[];
  if (!columns.some((c) => c.name === "parent")) db.exec("ALTER TABLE runs ADD COLUMN parent INTEGER REFERENCES runs(id)");
}
