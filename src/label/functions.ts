/**
 * Labeling functions: small rules that look at one row and either name a class or abstain.
 * Each is cheap to write and often wrong; `labeling` combines many of them into labels.
 *
 *   lf.regex("free offer", "subject", /free|offer/i, "spam")
 *   lf.keywords("mailing list", "body", ["unsubscribe", "list"], "ham")
 *   lf.fn("long body", (row) => String(row.body).length > 5000 ? "ham" : ABSTAIN)
 */
export type Row = Readonly<Record<string, number | string | Date | null>>;

/** What a labeling function returns when it has no opinion on a row (null and undefined abstain too). */
export const ABSTAIN = null;

export type Vote = string | null | undefined;

export interface LabelingFunction {
  readonly name: string;
  readonly kind: "regex" | "keywords" | "function";
  /** The column a regex or keyword function reads. */
  readonly column?: string;
  /** The class a regex or keyword function votes for. */
  readonly label?: string;
  /** One line for tables: the pattern, the words or "a function of the row". */
  readonly description: string;
  readonly apply: (row: Row) => Vote;
}

/** The pattern without the global or sticky flag (those make RegExp.test remember where it stopped). */
function stateless(pattern: RegExp): RegExp {
  return pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, "")) : pattern;
}

function textOf(row: Row, column: string): string | undefined {
  const value = row[column];
  return value === null || value === undefined ? undefined : String(value);
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export const lf = {
  /** Votes `label` when the column's text matches the pattern, else abstains. A string pattern is case-insensitive. */
  regex(name: string, column: string, pattern: RegExp | string, label: string): LabelingFunction {
    const re = typeof pattern === "string" ? new RegExp(pattern, "i") : stateless(pattern);
    return {
      name,
      kind: "regex",
      column,
      label,
      description: `${column} matches ${String(re)} → ${label}`,
      apply: (row) => {
        const text = textOf(row, column);
        return text !== undefined && re.test(text) ? label : ABSTAIN;
      },
    };
  },
  /** Votes `label` when the column's text holds any of the words (whole words, any case), else abstains. */
  keywords(name: string, column: string, words: readonly string[], label: string): LabelingFunction {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "iu");
    return {
      name,
      kind: "keywords",
      column,
      label,
      description: `${column} has ${words.map((w) => JSON.stringify(w)).join(", ")} → ${label}`,
      apply: (row) => {
        const text = textOf(row, column);
        return text !== undefined && words.length > 0 && re.test(text) ? label : ABSTAIN;
      },
    };
  },
  /** Any function of the row returning a class, or ABSTAIN (null or undefined). */
  fn(name: string, decide: (row: Row) => Vote): LabelingFunction {
    return { name, kind: "function", description: "a function of the row", apply: decide };
  },
};

export function isLabelingFunction(value: unknown): value is LabelingFunction {
  return typeof value === "object" && value !== null && typeof (value as LabelingFunction).name === "string" && typeof (value as LabelingFunction).apply === "function";
}

/**
 * The `lfs` option as a list: labeling functions, or an object of name → function of the
 * row (or labeling function), so a magic can take `{ { cheap: (r) => … } }`.
 */
export function labelingFunctionsOf(value: unknown): LabelingFunction[] | undefined {
  if (Array.isArray(value)) return value.every(isLabelingFunction) ? [...value] : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  const out: LabelingFunction[] = [];
  for (const [name, entry] of Object.entries(value)) {
    if (typeof entry === "function") out.push(lf.fn(name, entry as (row: Row) => Vote));
    else if (isLabelingFunction(entry)) out.push(entry);
    else return undefined;
  }
  return out;
}
