/**
 * A labelling session on an unlabelled pool: it offers a batch of rows (picked by `pick`,
 * active learning's job), takes a class or a skip for each, saves every label at once,
 * and when the batch is done refits the model on all labels so far, scores it out of
 * fold and picks the next batch. Pure except the label store, which is injected (the
 * .litml/ store by default). The JupyterLab widget (kernel-ext/labeler-widget.ts) and a
 * person typing `session.label(row, "class")` drive the same object.
 */
import { inspect } from "node:util";
import { type CategoryColumn, type Column } from "../data/column.js";
import { type DataInput, resolveData } from "../data/convert.js";
import { Dataset } from "../data/dataset.js";
import { targetOf } from "../features/target.js";
import { message } from "../messages.js";
import { accuracy } from "../metrics/classification.js";
import { checkOptions, columnOf, numberOption } from "../options.js";
import { chooseModel, type ModelInput } from "../validate/model.js";
import { outOfFold } from "../validate/out-of-fold.js";
import { planFolds } from "../validate/plan.js";
import type { FittedPredictor } from "../validate/predictor.js";
import { topByScore, uncertaintyScores } from "./active-learning/index.js";
import { Random } from "../util/random.js";
import { rowKeys } from "./row-key.js";
import { type LabelStore, poolId, sqliteLabels } from "./store.js";

const ANALYSIS = "labelingSession";

/** Picks `batch` rows of `unlabelled` to label next (indices into it); `model` is unset until two classes are labelled. */
export type PickRows = (model: FittedPredictor | undefined, unlabelled: Dataset, batch: number) => ArrayLike<number> | Promise<ArrayLike<number>>;

export interface LabelingSessionOptions {
  /** The column the labels fill (default "label"). If the pool has it, it is hidden from the model and the person. */
  readonly target?: string;
  /** The classes a person may choose; default: the categories of the pool's target column. */
  readonly classes?: readonly string[];
  /** The model refitted after each batch: a registry name (see litml.models()) or a Pipeline; default: logistic. */
  readonly model?: ModelInput;
  readonly params?: object;
  /** Rows per batch (default 5). */
  readonly batch?: number;
  /** How the next rows are picked (default: mostUncertain). */
  readonly pick?: PickRows;
  /** A column that names each row (an id); default: the row's content hash. */
  readonly key?: string;
  /** The pool's name in the store (default: the data set's name, else its content hash). */
  readonly name?: string;
  /** Where labels are kept (default: the .litml/ store). */
  readonly store?: LabelStore;
  readonly seed?: number;
}

export interface LabelingScore {
  readonly labelled: number;
  readonly metric: "accuracy";
  /** Out-of-fold accuracy on the labelled rows, once there are enough. */
  readonly value?: number;
  readonly folds?: number;
  readonly text: string;
}

export interface PoolRow {
  readonly row: number;
  readonly key: string;
  readonly fields: Readonly<Record<string, number | string | null>>;
  readonly label?: string;
  readonly skipped?: boolean;
}

export interface LabelingState {
  readonly pool: string;
  readonly rows: number;
  readonly classes: readonly string[];
  readonly batch: readonly PoolRow[];
  readonly round: number;
  readonly labelled: number;
  readonly score: LabelingScore;
  /** Every row is labelled or skipped: nothing left to offer. */
  readonly done: boolean;
}

/** What label() and skip() did: saved, and whether the batch was complete so a new one was picked. */
export interface LabelOutcome {
  readonly row: number;
  readonly key: string;
  readonly label?: string;
  readonly advanced: boolean;
}

/** Labels needed before the running score is computed, and the most folds it uses. */
const MIN_SCORED = 10;
const MAX_FOLDS = 5;

export class LabelingSession {
  private current: number[] = [];
  private readonly skipped = new Set<number>();
  private fitted: FittedPredictor | undefined;
  private lastScore: LabelingScore;
  private rounds = 0;

  constructor(
    /** The pool as given (the target column, if any, included). */
    readonly pool: Dataset,
    /** The columns the model reads: the pool without its key and target columns. */
    readonly features: Dataset,
    readonly id: string,
    readonly keys: readonly string[],
    readonly classes: readonly string[],
    readonly target: string,
    private readonly labels: Map<string, string>,
    private readonly options: LabelingSessionOptions & { readonly batch: number; readonly store: LabelStore },
  ) {
    this.lastScore = { labelled: this.labelledRows().length, metric: "accuracy", text: "" };
  }

  /** The rows offered now, with their fields and any label already given. */
  rows(): PoolRow[] {
    return this.current.map((row) => this.poolRow(row));
  }

  get model(): FittedPredictor | undefined {
    return this.fitted;
  }

  get score(): LabelingScore {
    return this.lastScore;
  }

  /** Labels saved for this pool, by row key. */
  get saved(): ReadonlyMap<string, string> {
    return this.labels;
  }

  /** Gives `row` (a row number of the pool) the class `label`, saved at once; a finished batch brings the next. */
  async label(row: number, label: string): Promise<LabelOutcome> {
    this.checkRow(row);
    if (typeof label !== "string" || !this.classes.includes(label)) throw message.unknownClass(ANALYSIS, "label", String(label), this.target, this.classes);
    const key = this.keys[row];
    this.options.store.save(this.id, key, label);
    this.labels.set(key, label);
    this.skipped.delete(row);
    return { row, key, label, advanced: await this.advanceIfDone() };
  }

  /** Leaves `row` unlabelled for this session (nothing is saved). */
  async skip(row: number): Promise<LabelOutcome> {
    this.checkRow(row);
    if (!this.labels.has(this.keys[row])) this.skipped.add(row);
    return { row, key: this.keys[row], advanced: await this.advanceIfDone() };
  }

  /** Refits on every label so far, scores it, and picks the next batch (also before the batch is done). */
  async next(): Promise<PoolRow[]> {
    await this.refit();
    const open = this.openRows();
    const unlabelled = this.features.take(open);
    const picked = open.length === 0 ? [] : await this.options.pick!(this.fitted, unlabelled, Math.min(this.options.batch, open.length));
    this.current = [...new Set(Array.from(picked, (i) => open[i]))].filter((row) => row !== undefined);
    this.rounds++;
    return this.rows();
  }

  state(): LabelingState {
    return {
      pool: this.id,
      rows: this.pool.nRows,
      classes: this.classes,
      batch: this.rows(),
      round: this.rounds,
      labelled: this.labelledRows().length,
      score: this.lastScore,
      done: this.current.length === 0,
    };
  }

  toString(): string {
    return `Labelling session on "${this.id}": ${this.labelledRows().length} of ${this.pool.nRows} rows labelled; ${this.lastScore.text}`;
  }

  [Symbol.for("Jupyter.display")](): Record<string, unknown> {
    return { "text/plain": this.toString() };
  }

  [inspect.custom](): string {
    return this.toString();
  }

  private async advanceIfDone(): Promise<boolean> {
    const pending = this.current.filter((row) => !this.labels.has(this.keys[row]) && !this.skipped.has(row));
    if (pending.length > 0) return false;
    await this.next();
    return true;
  }

  private checkRow(row: number): void {
    if (!Number.isInteger(row) || row < 0 || row >= this.pool.nRows) throw message.noSuchPoolRow(ANALYSIS, row, this.pool.nRows);
  }

  private poolRow(row: number): PoolRow {
    const fields: Record<string, number | string | null> = {};
    for (const name of this.pool.names) {
      if (name === this.target) continue;
      const value = this.pool.get(row, name);
      fields[name] = value instanceof Date ? value.toISOString() : typeof value === "number" && Number.isNaN(value) ? null : value;
    }
    const label = this.labels.get(this.keys[row]);
    return { row, key: this.keys[row], fields, ...(label !== undefined ? { label } : {}), ...(this.skipped.has(row) ? { skipped: true } : {}) };
  }

  private labelledRows(): number[] {
    const rows: number[] = [];
    for (let r = 0; r < this.keys.length; r++) if (this.labels.has(this.keys[r])) rows.push(r);
    return rows;
  }

  private openRows(): number[] {
    const rows: number[] = [];
    for (let r = 0; r < this.keys.length; r++) if (!this.labels.has(this.keys[r]) && !this.skipped.has(r)) rows.push(r);
    return rows;
  }

  /** The labelled rows' features with the labels as the target column. */
  private labelledData(rows: readonly number[]): Dataset {
    const taken = this.features.take(rows);
    const codes = Int32Array.from(rows, (r) => this.classes.indexOf(this.labels.get(this.keys[r])!));
    const labels: CategoryColumn = { type: "category", codes, dictionary: this.classes };
    const columns: [string, Column][] = taken.names.map((name) => [name, taken.column(name)]);
    columns.push([this.target, labels]);
    return new Dataset(columns, { target: this.target }, this.pool.meta);
  }

  private async refit(): Promise<void> {
    const rows = this.labelledRows();
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(this.labels.get(this.keys[r])!, (counts.get(this.labels.get(this.keys[r])!) ?? 0) + 1);
    if (counts.size < 2) {
      this.fitted = undefined;
      this.lastScore = { labelled: rows.length, metric: "accuracy", text: `no model yet: it needs labels of at least two classes (${counts.size === 0 ? "none" : `only "${[...counts.keys()][0]}"`} so far).` };
      return;
    }
    const data = this.labelledData(rows);
    const choice = chooseModel(ANALYSIS, { model: this.options.model, params: this.options.params }, data, this.target);
    this.fitted = await choice.predictor.fit(data, this.target);
    const smallest = Math.min(...counts.values());
    const folds = Math.min(MAX_FOLDS, smallest);
    if (rows.length < MIN_SCORED || folds < 2) {
      const more = Math.max(MIN_SCORED - rows.length, 0);
      const rare = [...counts].filter(([, n]) => n < 2).map(([label]) => `"${label}"`);
      const needs = [more > 0 ? `${more} more label${more === 1 ? "" : "s"}` : "", rare.length > 0 ? `a second row of ${rare.join(", ")}` : ""].filter(Boolean).join(" and ");
      this.lastScore = { labelled: rows.length, metric: "accuracy", text: `model refitted on ${rows.length} labels; the running score needs ${needs}.` };
      return;
    }
    try {
      const plan = planFolds(ANALYSIS, data, targetOf(data, this.target), { split: "stratified", folds, seed: this.options.seed ?? 0 });
      const oof = await outOfFold(data, this.target, choice.predictor, plan, { withProba: false });
      const truth = oof.truth as { codes: Int32Array };
      const value = accuracy(truth.codes, oof.predictions.labels!);
      this.lastScore = { labelled: rows.length, metric: "accuracy", value, folds, text: `out-of-fold accuracy ${value.toFixed(3)} on ${rows.length} labels (${folds} stratified folds).` };
    } catch (error) {
      this.lastScore = { labelled: rows.length, metric: "accuracy", text: `model refitted on ${rows.length} labels; no running score yet: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}

/**
 * Starts a labelling session on `data`: loads the labels saved for it, refits on them if
 * they allow, and picks the first batch.
 */
export async function labelingSession(data: DataInput, options: LabelingSessionOptions = {}): Promise<LabelingSession> {
  const pool = await resolveData(data);
  checkOptions(ANALYSIS, options, {
    target: () => {},
    classes: (v, o) => {
      if (!Array.isArray(v) || v.length < 2 || v.some((c) => typeof c !== "string") || new Set(v).size !== v.length) throw message.badOption(ANALYSIS, o, v, "a list of at least two distinct class names");
    },
    model: () => {},
    params: () => {},
    batch: numberOption(ANALYSIS, 1, true),
    pick: (v, o) => {
      if (typeof v !== "function") throw message.badOption(ANALYSIS, o, v, "a function (model, unlabelledRows, batch) → row indices");
    },
    key: columnOf(ANALYSIS, pool),
    name: (v, o) => {
      if (typeof v !== "string" || v === "") throw message.badOption(ANALYSIS, o, v, "a non-empty name for the pool in the store");
    },
    store: () => {},
    seed: numberOption(ANALYSIS),
  });
  const batch = options.batch ?? 5;
  const target = options.target ?? pool.roles.target ?? "label";
  const classes = options.classes ?? classesOf(pool, target);
  const exclude = [target];
  const keys = rowKeys(ANALYSIS, pool, { key: options.key, exclude });
  const features = pool.select(pool.names.filter((name) => name !== target && name !== options.key));
  const id = poolId(pool, options.name);
  const store = options.store ?? sqliteLabels;
  const labels = new Map([...store.load(id)].filter(([, label]) => classes.includes(label)));
  const seed = options.seed ?? 0;
  const pick = options.pick ?? ((model, unlabelled, size) => mostUncertain(model, unlabelled, size, seed));
  const session = new LabelingSession(pool, features, id, keys, classes, target, labels, { ...options, batch, store, pick });
  await session.next();
  return session;
}

function classesOf(pool: Dataset, target: string): readonly string[] {
  const column = pool.has(target) ? pool.column(target) : undefined;
  if (column?.type === "category" && column.dictionary.length >= 2) return column.dictionary;
  throw message.badOption(ANALYSIS, "classes", undefined, `the classes to choose from, e.g. classes: ["spam", "ham"] (the pool has no category column "${target}" to take them from)`);
}

/**
 * The default pick: the rows with the smallest margin between the model's two likeliest
 * classes, as nextToLabel's uncertainty strategy ranks them; before any model, a seeded
 * random sample (a cold start has nothing better to go on).
 */
export function mostUncertain(model: FittedPredictor | undefined, unlabelled: Dataset, batch: number, seed = 0): Int32Array {
  const size = Math.min(batch, unlabelled.nRows);
  if (model === undefined) return new Random(seed).permutation(unlabelled.nRows).subarray(0, size).slice().sort();
  return topByScore(uncertaintyScores(model.predictProba(unlabelled), "margin"), size);
}
