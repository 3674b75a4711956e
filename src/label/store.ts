/**
 * Labels a person gave, kept in the .litml/ store (SQLite, WAL) as soon as each is given:
 * one transaction per label, so a crash or a kernel restart loses at most the click in
 * flight. A label is keyed by its pool's id and the row's key (see row-key.ts); giving a
 * row a new label replaces the old one. The store is opened on first use only, so code
 * that never saves a label runs where better-sqlite3 cannot load (Deno).
 */
import { type Dataset } from "../data/dataset.js";
import { notebookKey, store } from "../state/store.js";

export interface SavedLabel {
  readonly key: string;
  readonly label: string;
  /** When it was given (ISO 8601). */
  readonly at: string;
  /** The notebook it was given in, or "(kernel)" when Jupyter did not name one. */
  readonly notebook: string;
}

/** Where a labelling session keeps its labels: the .litml/ store by default, a map in tests. */
export interface LabelStore {
  save(pool: string, key: string, label: string): void;
  load(pool: string): Map<string, string>;
}

/**
 * A pool's id in the store: the name given, else the data set's name (a registry name
 * such as "penguins"), else its content hash. Rows are keyed by content or by a key
 * column, so a filtered or re-ordered copy of a named pool finds its labels again.
 */
export function poolId(pool: Dataset, name?: string): string {
  return name ?? pool.meta.name ?? `data-${pool.contentHash()}`;
}

/** Saves one label at once (its own transaction). */
export function saveLabel(pool: string, key: string, label: string, notebook = notebookKey() ?? "(kernel)"): void {
  const db = store();
  db.transaction(() => {
    db.prepare(
      "INSERT INTO labels (pool, row_key, label, notebook, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(pool, row_key) DO UPDATE SET label = excluded.label, notebook = excluded.notebook, at = excluded.at",
    ).run(pool, key, label, notebook, new Date().toISOString());
  })();
}

/** Every label saved for a pool (its id, or the pool itself), oldest first. */
export function savedLabels(pool: string | Dataset, options: { name?: string } = {}): SavedLabel[] {
  const id = typeof pool === "string" ? pool : poolId(pool, options.name);
  const rows = store().prepare("SELECT row_key AS key, label, at, notebook FROM labels WHERE pool = ? ORDER BY at, rowid").all(id) as SavedLabel[];
  return rows.map((row) => ({ ...row }));
}

/** The .litml/ store as a LabelStore. */
export const sqliteLabels: LabelStore = {
  save: (pool, key, label) => saveLabel(pool, key, label),
  load: (pool) => new Map(savedLabels(pool).map((saved) => [saved.key, saved.label])),
};

/** A store that lives as long as the process, for tests and for scripts that must write nothing. */
export function memoryLabels(): LabelStore {
  const pools = new Map<string, Map<string, string>>();
  return {
    save: (pool, key, label) => {
      if (!pools.has(pool)) pools.set(pool, new Map());
      pools.get(pool)!.set(key, label);
    },
    load: (pool) => new Map(pools.get(pool)),
  };
}
