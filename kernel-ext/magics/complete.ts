/**
 * Tab completion and Shift-Tab help inside magics: magic names, their `--options`, the
 * choices of a choice option, model and metric names, and column names of the data the
 * magic names. Pure: the kernel supplies the notebook's variables and how to read a
 * variable's columns. Outside a magic it answers nothing, and tslab completes TypeScript.
 */
import { helpText } from "./expand.js";
import { findMagic, MAGICS, type MagicSpec } from "./table.js";

export interface CompletionContext {
  /** Names defined in the notebook. */
  readonly variables: readonly string[];
  /** Registry data set names. */
  readonly datasets: readonly string[];
  readonly models: readonly string[];
  readonly metrics: readonly string[];
  /** The columns of the data a word names (a notebook variable), when they can be read without work. */
  columnsOf(word: string): readonly string[] | undefined;
}

export interface Completion {
  readonly matches: readonly string[];
  readonly start: number;
  readonly end: number;
}

const MAGIC_START = /^(\s*(?:(?:const|let|var)\s+[A-Za-z_$][\w$]*\s*=\s*|[A-Za-z_$][\w$.]*\s*=\s*)?)(%%?)([\w-]*)/;
/** Options whose values are column names, for rows written before options had kinds. */
const COLUMN_OPTIONS = new Set(["target", "by", "time", "group", "sensitive", "weight", "outcome", "treatment", "count", "columns", "features", "series"]);

interface MagicAtCursor {
  readonly spec: MagicSpec | undefined;
  readonly name: string;
  /** Where the name starts and ends in the cell. */
  readonly nameStart: number;
  readonly nameEnd: number;
  /** The words before the cursor's word, and the cursor's word with where it starts. */
  readonly before: readonly string[];
  readonly word: string;
  readonly wordStart: number;
}

function magicAt(code: string, cursor: number): MagicAtCursor | undefined {
  const lineStart = code.lastIndexOf("\n", cursor - 1) + 1;
  const lineEnd = code.indexOf("\n", cursor) === -1 ? code.length : code.indexOf("\n", cursor);
  const line = code.slice(lineStart, lineEnd);
  const match = MAGIC_START.exec(line);
  if (!match) return undefined;
  const nameStart = lineStart + match[1].length + match[2].length;
  const nameEnd = nameStart + match[3].length;
  if (cursor < nameStart) return undefined;
  const typed = code.slice(nameEnd, cursor);
  const words = typed.split(/\s+/).filter((w, i, all) => w !== "" || i === all.length - 1);
  const word = cursor === nameEnd ? match[3] : (words[words.length - 1] ?? "");
  return {
    spec: findMagic(match[3]),
    name: match[3],
    nameStart,
    nameEnd,
    before: cursor === nameEnd ? [] : words.slice(0, -1).filter((w) => w !== ""),
    word,
    wordStart: cursor - word.length,
  };
}

export function completeMagic(code: string, cursor: number, context: CompletionContext): Completion | undefined {
  const at = magicAt(code, cursor);
  if (!at) return undefined;
  if (cursor === at.nameEnd) {
    const names = MAGICS.map((m) => m.name).concat("help", "lsmagic").filter((n) => n.startsWith(at.name));
    return { matches: names, start: at.nameStart, end: cursor };
  }
  const spec = at.spec;
  if (!spec) return undefined;
  const done = (values: readonly string[]): Completion => ({ matches: values.filter((v) => v.startsWith(at.word)), start: at.wordStart, end: cursor });
  if (at.word.startsWith("--")) {
    const given = new Set(at.before.filter((w) => w.startsWith("--")));
    return done(Object.keys(spec.options).map((o) => `--${o}`).filter((o) => !given.has(o)));
  }
  const previous = at.before[at.before.length - 1];
  const option = previous?.startsWith("--") ? spec.options[previous.slice(2)] : undefined;
  if (option) {
    const name = previous!.slice(2);
    if (option.choices) return done(option.choices);
    if (name === "model" || name === "models") return done(context.models);
    if (name === "metric") return done(context.metrics);
    if (COLUMN_OPTIONS.has(option.key ?? name)) {
      const data = at.before.find((w) => !w.startsWith("--") && at.before.indexOf(w) < spec.positional.length);
      const columns = data === undefined ? undefined : context.columnsOf(data);
      return columns ? done(columns.map((c) => (/[\s"'\\]/.test(c) ? JSON.stringify(c) : c))) : undefined;
    }
    return undefined;
  }
  const positionalsGiven = at.before.filter((w) => !w.startsWith("--")).length;
  if (positionalsGiven < spec.positional.length && spec.positional[positionalsGiven].kind === "data") {
    return done([...new Set([...context.variables, ...context.datasets])]);
  }
  return undefined;
}

/** Shift-Tab on a magic's name or arguments: its help, as %help shows it. */
export function inspectMagic(code: string, cursor: number): string | undefined {
  const at = magicAt(code, cursor);
  return at?.spec ? helpText(at.spec.name) : undefined;
}
