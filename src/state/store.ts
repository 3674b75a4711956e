/**
 * The .litml/ store (DESIGN.md "state"): what must outlive a kernel, in SQLite (WAL,
 * one transaction per write) in the working folder. Framing cards are keyed by notebook
 * path (Jupyter Server's JPY_SESSION_NAME; the main job sets it too); test-set looks by
 * the test rows' hash, so neither a restart nor another notebook resets them; labels a
 * person gave by pool and row key (src/label/store.ts).
 */
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

type Database = import("better-sqlite3").Database;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS frames (notebook TEXT PRIMARY KEY, card TEXT NOT NULL, updated TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS looks (
    test_hash TEXT NOT NULL, fingerprint TEXT NOT NULL, notebook TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (test_hash, fingerprint)
  );
  CREATE TABLE IF NOT EXISTS labels (
    pool TEXT NOT NULL, row_key TEXT NOT NULL, label TEXT NOT NULL, notebook TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (pool, row_key)
  );
`;

const open = new Map<string, Database>();

/**
 * The folder the process started in, taken when litml loads: a `process.chdir()` in a
 * cell must not move the store, or the test set's look count starts again in the new folder.
 */
const startFolder = process.cwd();

/** The store of the working folder (or LITML_STATE_DIR), created on first use. */
export function store(): Database {
  const dir = path.resolve(startFolder, process.env.LITML_STATE_DIR ?? ".litml");
  let db = open.get(dir);
  if (!db) {
    mkdirSync(dir, { recursive: true });
    const BetterSqlite = createRequire(import.meta.url)("better-sqlite3") as typeof import("better-sqlite3");
    db = new BetterSqlite(path.join(dir, "state.db"));
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.exec(SCHEMA);
    open.set(dir, db);
  }
  return db;
}

/**
 * Which notebook this process serves: the path Jupyter gives, else the script being run.
 * A kernel that was not told its notebook (nbclient, papermill) has none: its card lives
 * as long as the kernel, so two notebooks run one after the other never share one.
 */
export function notebookKey(): string | undefined {
  if (process.env.JPY_SESSION_NAME) return process.env.JPY_SESSION_NAME;
  if (process.env.LITML_KERNEL) return undefined;
  return process.argv[1] ?? "(interactive)";
}

export function saveFrame(card: unknown, notebook: string): void {
  store().prepare("INSERT INTO frames (notebook, card, updated) VALUES (?, ?, ?) ON CONFLICT(notebook) DO UPDATE SET card = excluded.card, updated = excluded.updated").run(notebook, JSON.stringify(card), new Date().toISOString());
}

export function loadFrame(notebook: string): unknown {
  const row = store().prepare("SELECT card FROM frames WHERE notebook = ?").get(notebook) as { card: string } | undefined;
  return row ? JSON.parse(row.card) : undefined;
}

/** Records one look (idempotent per model fingerprint) and returns how many distinct models have looked. */
export function recordLook(testHash: string, fingerprint: string, notebook = notebookKey() ?? "(kernel)"): number {
  const db = store();
  return db.transaction(() => {
    db.prepare("INSERT OR IGNORE INTO looks (test_hash, fingerprint, notebook, at) VALUES (?, ?, ?, ?)").run(testHash, fingerprint, notebook, new Date().toISOString());
    return (db.prepare("SELECT COUNT(*) AS n FROM looks WHERE test_hash = ?").get(testHash) as { n: number }).n;
  })();
}
