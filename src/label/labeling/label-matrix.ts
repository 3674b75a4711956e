/**
 * The label matrix: every labeling function applied to every row (a class code, or −1 for
 * an abstain), and Snorkel's LFAnalysis statistics of it. A function that throws on a row
 * abstains there; the first such row is kept so the verdict can name it.
 */
import type { Dataset } from "../../data/dataset.js";
import { message } from "../../messages.js";
import { Progress } from "../../runtime/context.js";
import type { LabelingFunction, Row } from "../functions.js";
import type { FunctionThrew } from "./types.js";

export interface LabelMatrix {
  /** Column-major: votes[j * n + i]. */
  readonly votes: Int32Array;
  readonly n: number;
  readonly m: number;
  readonly classes: readonly string[];
  readonly threw: readonly FunctionThrew[];
  /** Rows each function threw on. */
  readonly errors: Int32Array;
}

const describeError = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * Applies the functions. `classes` fixes the label set (from the option or the gold column);
 * without it, the classes are those the functions vote for, sorted.
 */
export async function labelMatrix(analysis: string, dataset: Dataset, lfs: readonly LabelingFunction[], classes: readonly string[] | undefined): Promise<LabelMatrix> {
  const n = dataset.nRows;
  const m = lfs.length;
  const records = dataset.toRecords() as Row[];
  const raw: (string | null)[][] = [];
  const threw: FunctionThrew[] = [];
  const errors = new Int32Array(m);
  const progress = new Progress("applying labeling functions", m);
  for (const [j, f] of lfs.entries()) {
    const out = new Array<string | null>(n);
    let first: { row: number; error: string } | undefined;
    for (let i = 0; i < n; i++) {
      let vote: unknown;
      try {
        vote = f.apply(records[i]);
      } catch (error) {
        errors[j]++;
        first ??= { row: i, error: describeError(error) };
        out[i] = null;
        continue;
      }
      if (vote === null || vote === undefined) out[i] = null;
      else if (typeof vote === "string" || typeof vote === "number" || typeof vote === "boolean") out[i] = String(vote);
      else throw message.labelingBadVote(analysis, f.name, i, vote);
    }
    if (first) threw.push({ function: f.name, row: first.row, values: records[first.row], error: first.error, count: errors[j] });
    raw.push(out);
    await progress.step();
  }
  progress.finish();
  const labels = classes ?? [...new Set(raw.flat().filter((v): v is string => v !== null))].sort();
  const code = new Map(labels.map((c, y) => [c, y]));
  const votes = new Int32Array(n * m).fill(-1);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) {
      const v = raw[j][i];
      if (v === null) continue;
      const y = code.get(v);
      if (y === undefined) throw message.labelingUnknownClass(analysis, lfs[j].name, i, v, labels);
      votes[j * n + i] = y;
    }
  }
  return { votes, n, m, classes: labels, threw, errors };
}

export interface MatrixSummary {
  readonly coverage: Float64Array;
  readonly overlap: Float64Array;
  readonly conflict: Float64Array;
  /** The classes each function voted for (codes, ascending). */
  readonly polarity: readonly number[][];
  /** Shares of rows with ≥ 1 vote, ≥ 2 votes, and votes for ≥ 2 classes. */
  readonly labelCoverage: number;
  readonly labelOverlap: number;
  readonly labelConflict: number;
}

/** Snorkel's LFAnalysis: lf_coverages, lf_overlaps, lf_conflicts, lf_polarities, label_coverage, label_overlap, label_conflict. */
export function summarizeMatrix(votes: Int32Array, n: number, m: number): MatrixSummary {
  const voting = new Int32Array(n);
  const firstClass = new Int32Array(n).fill(-1);
  const mixed = new Uint8Array(n);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) {
      const v = votes[j * n + i];
      if (v < 0) continue;
      voting[i]++;
      if (firstClass[i] < 0) firstClass[i] = v;
      else if (firstClass[i] !== v) mixed[i] = 1;
    }
  }
  const coverage = new Float64Array(m);
  const overlap = new Float64Array(m);
  const conflict = new Float64Array(m);
  const polarity: number[][] = [];
  for (let j = 0; j < m; j++) {
    const seen = new Set<number>();
    let c = 0;
    let o = 0;
    let x = 0;
    for (let i = 0; i < n; i++) {
      const v = votes[j * n + i];
      if (v < 0) continue;
      seen.add(v);
      c++;
      if (voting[i] > 1) o++;
      if (mixed[i]) x++;
    }
    coverage[j] = c / n;
    overlap[j] = o / n;
    conflict[j] = x / n;
    polarity.push([...seen].sort((a, b) => a - b));
  }
  let covered = 0;
  let overlapped = 0;
  let conflicted = 0;
  for (let i = 0; i < n; i++) {
    if (voting[i] > 0) covered++;
    if (voting[i] > 1) overlapped++;
    if (mixed[i]) conflicted++;
  }
  return { coverage, overlap, conflict, polarity, labelCoverage: covered / n, labelOverlap: overlapped / n, labelConflict: conflicted / n };
}
