/**
 * Reads a litml result's JSON (the `application/vnd.litml.result+json` output) defensively.
 * Executed notebooks are untrusted and may come from an older or newer litml, so nothing in
 * the payload is assumed: each part is checked, and what cannot be read becomes a problem
 * the renderer explains instead of a blank or broken output.
 */

export type Level = "ok" | "warn" | "fail";
export type Cell = string | number | boolean | null;

export interface Envelope {
  kind: string;
  version: number;
  title: string;
  verdict: { level: Level; text: string };
  notes: string[];
  table?: { columns: string[]; rows: Cell[][] };
  chart?: Record<string, unknown>;
  litmlVersion?: string;
}

export interface Reading {
  /** The parts that could be read; absent when not even a verdict could. */
  envelope?: Envelope;
  /** Why something could not be shown, each a sentence for the reader. */
  problems: string[];
}

/** Schema versions of each result kind this extension was written against. */
export const KNOWN_VERSIONS: Readonly<Record<string, number>> = {
  "framing-card": 1,
  profile: 1,
  "baseline-comparison": 1,
  "learning-curve": 1,
  "overfit-check": 1,
  slices: 1,
  simpson: 1,
  backtest: 1,
  "test-evaluation": 1,
  leakage: 1,
  "error-analysis": 1,
  thresholds: 1,
  invariance: 1,
  fairness: 1,
  outliers: 1,
  drift: 1,
  "adversarial-validation": 1,
  "label-issues": 1,
  "selection-bias": 1,
  labeling: 1,
  "active-learning": 1,
  "next-to-label": 1,
  "human-in-the-loop": 1,
  "two-phase": 1,
  "stage-attribution": 1,
};

const LEVELS: readonly Level[] = ["ok", "warn", "fail"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isCell(value: unknown): value is Cell {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function readTable(value: unknown, problems: string[]): Envelope["table"] {
  if (value === undefined) return undefined;
  if (!isRecord(value) || !Array.isArray(value.columns) || !Array.isArray(value.rows)) {
    problems.push("The table is not in the { columns, rows } form, so it is not shown.");
    return undefined;
  }
  const columns = value.columns.map((column) => String(column));
  const rows: Cell[][] = [];
  for (const row of value.rows) {
    if (!Array.isArray(row) || !row.every(isCell)) {
      problems.push(`Table row ${rows.length + 1} is not a list of plain values, so the table is not shown.`);
      return undefined;
    }
    rows.push(row as Cell[]);
  }
  return { columns, rows };
}

export function readEnvelope(payload: unknown): Reading {
  const problems: string[] = [];
  if (!isRecord(payload)) return { problems: ["The output is not a litml result object."] };
  const { kind, version, verdict } = payload;
  if (typeof kind !== "string" || kind === "") problems.push("The result has no kind.");
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    problems.push("The result has no valid schema version.");
  }
  if (!isRecord(verdict) || !LEVELS.includes(verdict.level as Level) || typeof verdict.text !== "string") {
    problems.push('The result has no verdict with a level of "ok", "warn" or "fail" and a sentence.');
  }
  if (problems.length > 0) return { problems };

  const known = KNOWN_VERSIONS[kind as string];
  const provenance = isRecord(payload.provenance) ? payload.provenance : undefined;
  const litmlVersion = typeof provenance?.litml === "string" ? provenance.litml : undefined;
  if (known !== undefined && (version as number) > known) {
    problems.push(
      `This ${kind as string} result uses schema version ${version as number}${litmlVersion ? ` (litml ${litmlVersion})` : ""}; ` +
        `this extension reads version ${known}. Update the extension with \`litml install\` to see everything.`,
    );
  }
  const notes = Array.isArray(payload.notes) ? payload.notes.filter((note): note is string => typeof note === "string") : [];
  const chart = payload.chart;
  if (chart !== undefined && !isRecord(chart)) problems.push("The chart is not a Vega-Lite specification, so it is not drawn.");
  const envelope: Envelope = {
    kind: kind as string,
    version: version as number,
    title: typeof payload.title === "string" && payload.title !== "" ? payload.title : (kind as string),
    verdict: verdict as Envelope["verdict"],
    notes,
    table: readTable(payload.table, problems),
    chart: isRecord(chart) ? chart : undefined,
    litmlVersion,
  };
  return { envelope, problems };
}
