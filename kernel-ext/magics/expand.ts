/**
 * Phases 2 and 3 of a magic (normalize, then call): check the words against the
 * magic's row in the table and write the one awaited API call it stands for.
 * `%profile penguins --target Species` becomes
 * `await litml.profile(penguins, { target: "Species" })` when `penguins` is a notebook
 * variable, and `await litml.profile("penguins", …)` (the registry) otherwise.
 */
import { LitmlError } from "../../src/errors.js";
import { message } from "../../src/messages.js";
import { closest } from "../../src/util/closest.js";
import { type ArgSpec, findMagic, MAGICS, type MagicSpec, usage } from "./table.js";
import { tokenize, TokenizeError, type Word } from "./tokenize.js";

export interface ExpandContext {
  /** Whether a bare word names a variable defined in the notebook. */
  isVariable(name: string): boolean;
}

/** A kernel-level magic that prints help instead of running code. */
export interface KernelCommand {
  readonly command: "help" | "lsmagic";
  readonly topic?: string;
}

export interface ExpandedCell {
  readonly code: string;
  readonly commands: readonly KernelCommand[];
}

const LINE_MAGIC = /^(\s*(?:(?:const|let|var)\s+[A-Za-z_$][\w$]*\s*=\s*|[A-Za-z_$][\w$.]*\s*=\s*)?)%([A-Za-z_][\w-]*)(.*)$/;
const CELL_MAGIC = /^\s*%%([A-Za-z_][\w-]*)(.*)$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const DECLARATION = /\b(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)|\bimport\s+(?:\*\s+as\s+)?([A-Za-z_$][\w$]*)/g;
const DESTRUCTURING = /\b(?:const|let|var)\s*[[{]([^=]*)[\]}]\s*=/g;

/** Names a line declares: `const a`, `function f`, `import * as m`, and one level of `const [a, b]` / `const { a, b: c }`. */
function declaredNames(line: string): string[] {
  const names = [...line.matchAll(DECLARATION)].map((d) => d[1] ?? d[2]);
  for (const [, pattern] of line.matchAll(DESTRUCTURING)) {
    for (const part of pattern.split(",")) {
      const name = part.split(":").pop()!.split("=")[0].replace("...", "").trim();
      if (IDENTIFIER.test(name)) names.push(name);
    }
  }
  return names;
}

export function expandCell(code: string, context: ExpandContext): ExpandedCell {
  const commands: KernelCommand[] = [];
  const lines = code.split("\n");
  const cellMagic = CELL_MAGIC.exec(lines[0]);
  if (cellMagic) {
    const [, name, args] = cellMagic;
    const spec = magicOrThrow(name);
    if (!spec.body) throw message.magicSyntax(name, `%${name} is a line magic: write it with one %.`, usage(spec));
    return { code: expandMagic(spec, args, lines.slice(1).join("\n"), context, lines[0].length - args.length), commands };
  }
  // A name declared earlier in this cell is a variable too, though it does not exist until the cell runs.
  const declared = new Set<string>();
  const inCell: ExpandContext = { isVariable: (name) => declared.has(name) || context.isVariable(name) };
  const out = lines.map((line) => {
    const match = LINE_MAGIC.exec(line);
    if (!match) {
      for (const name of declaredNames(line)) declared.add(name);
      return line;
    }
    const [, prefix, name, args] = match;
    if ((name === "help" || name === "lsmagic") && prefix.trim() === "") {
      commands.push(kernelCommand(name, args));
      return "";
    }
    const spec = magicOrThrow(name);
    if (spec.body && spec.lineForm) {
      const lineSpec: MagicSpec = { ...spec, positional: [spec.lineForm], body: undefined };
      return prefix + expandMagic(lineSpec, args, undefined, inCell, line.length - args.length);
    }
    if (spec.body) throw message.magicSyntax(name, `%%${name} is a cell magic: it must head the cell, with two %.`, usage(spec));
    return prefix + expandMagic(spec, args, undefined, inCell, line.length - args.length);
  });
  return { code: out.join("\n"), commands };
}

/**
 * The same cell with every magic blanked to spaces of the same length, so that the
 * offsets of completion and inspection requests still point at the same characters.
 */
export function maskMagics(code: string): string {
  const lines = code.split("\n");
  if (CELL_MAGIC.test(lines[0])) return lines.map((l) => " ".repeat(l.length)).join("\n");
  return lines
    .map((line) => {
      const match = LINE_MAGIC.exec(line);
      return match ? match[1] + " ".repeat(line.length - match[1].length) : line;
    })
    .join("\n");
}

function kernelCommand(name: "help" | "lsmagic", args: string): KernelCommand {
  if (name === "lsmagic") return { command: "lsmagic" };
  const topic = args.trim().replace(/^%+/, "");
  if (topic !== "") magicOrThrow(topic);
  return { command: "help", ...(topic ? { topic } : {}) };
}

function magicOrThrow(name: string): MagicSpec {
  const spec = findMagic(name);
  if (!spec) throw message.unknownMagic(name, [...MAGICS.map((m) => m.name), "help", "lsmagic"]);
  return spec;
}

/** `argColumn`: where the arguments start in the cell's line, so errors point at the right column. */
export function expandMagic(
  spec: MagicSpec,
  argText: string,
  body: string | undefined,
  context: ExpandContext,
  argColumn = 0,
  /** As a person would type it (for %help): no cast of the options, which the kernel's code needs. */
  asTyped = false,
): string {
  const fail = (problem: string): LitmlError => message.magicSyntax(spec.name, problem, usage(spec));
  let words: Word[];
  try {
    words = tokenize(argText, argColumn);
  } catch (error) {
    if (error instanceof TokenizeError) throw fail(`${error.problem}.`);
    throw error;
  }
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word.kind === "text" && word.text.startsWith("--")) {
      const name = word.text.slice(2);
      const arg = spec.options[name];
      if (!arg) {
        const near = closest(name, Object.keys(spec.options));
        throw fail(`unknown option --${name}.${near ? ` Did you mean --${near}?` : ""}`);
      }
      const key = arg.key ?? camelCase(name);
      if ([...options.keys()].some((other) => (spec.options[other].key ?? camelCase(other)) === key)) throw fail(`--${name} is given twice.`);
      if (arg.kind === "flag") {
        options.set(name, "true");
        continue;
      }
      const value = words[i + 1];
      if (value === undefined || (value.kind === "text" && value.text.startsWith("--"))) {
        throw fail(`--${name} needs a value: ${arg.help}.`);
      }
      options.set(name, literal(value, arg, `--${name}`, fail, context));
      i++;
      continue;
    }
    const slot = spec.positional[positional.length];
    if (!slot) throw fail(`unexpected argument ${word.kind === "text" ? JSON.stringify(word.text) : `{${word.code}}`}.`);
    positional.push(literal(word, slot, slot.name, fail, context));
  }
  if (positional.length < spec.positional.length) {
    const missing = spec.positional[positional.length];
    throw fail(`missing ${missing.name}: ${missing.help}.`);
  }
  const args = [...positional];
  if (options.size > 0) {
    const entries = [...options].map(([name, value]) => `${spec.options[name].key ?? camelCase(name)}: ${value}`);
    // The analysis checks every option against its schema at run time and names what is wrong;
    // typed here, a wrong value would fail first as a TypeScript error about types instead.
    args.push(`{ ${entries.join(", ")} }${asTyped ? "" : " as never"}`);
  }
  if (spec.body) args.push(JSON.stringify(body ?? ""));
  return `await litml.${spec.call}(${args.join(", ")})`;
}

function literal(
  word: Word,
  arg: ArgSpec,
  label: string,
  fail: (problem: string) => LitmlError,
  context: ExpandContext,
): string {
  // DATA given as {expr} is judged by the analysis (it takes many shapes), so a wrong value is a LitmlError, not a type error.
  if (word.kind === "expr") return arg.kind === "data" ? `((${word.code}) as never)` : `(${word.code})`;
  const text = word.text;
  switch (arg.kind) {
    case "data":
      if (text.startsWith("registry:")) return JSON.stringify(text.slice("registry:".length));
      return IDENTIFIER.test(text) && context.isVariable(text) ? text : JSON.stringify(text);
    case "number":
      return numberLiteral(text, label, fail);
    case "numbers":
      return `[${text.split(",").map((part) => numberLiteral(part.trim(), label, fail)).join(", ")}]`;
    case "strings":
      return JSON.stringify(text.split(",").map((part) => part.trim()).filter((part) => part !== ""));
    case "string":
      if (arg.choices && !arg.choices.includes(text)) {
        const near = closest(text, arg.choices);
        throw fail(`${label} must be one of ${arg.choices.join(", ")}; got ${JSON.stringify(text)}.${near ? ` Did you mean ${near}?` : ""}`);
      }
      return JSON.stringify(text);
    case "flag":
      return JSON.stringify(text);
    case "json":
      try {
        return JSON.stringify(JSON.parse(text));
      } catch {
        throw fail(`${label} expects JSON such as '{"C": 0.5}' (or {expr} for any TypeScript value); got ${JSON.stringify(text)}.`);
      }
  }
}

function numberLiteral(text: string, label: string, fail: (problem: string) => LitmlError): string {
  const value = Number(text);
  if (text === "" || !Number.isFinite(value)) throw fail(`${label} expects a number, got ${JSON.stringify(text)}.`);
  return String(value);
}

function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The text of %help NAME: usage, arguments, an example and the call it expands to. */
export function helpText(topic: string | undefined): string {
  if (topic === undefined) return lsmagicText() + "\n\n%help NAME shows one magic's arguments and the call it stands for.";
  const spec = findMagic(topic)!;
  const lines = [usage(spec), "", spec.summary, ""];
  for (const p of spec.positional) lines.push(`  ${p.name}: ${p.help}`);
  for (const [name, arg] of Object.entries(spec.options)) lines.push(`  --${name}: ${arg.help}`);
  if (spec.body) lines.push(`  ${spec.body.name}: ${spec.body.help}`);
  const expansion = spec.body
    ? expandMagic(spec, spec.example.split("\n")[0].replace(/^%%\S+/, ""), spec.example.split("\n").slice(1).join("\n"), { isVariable: () => false }, 0, true)
    : expandMagic(spec, spec.example.replace(/^%\S+/, ""), undefined, { isVariable: () => false }, 0, true);
  lines.push("", "Example:", `  ${spec.example.replace(/\n/g, "\n  ")}`, "runs:", `  ${expansion}`);
  return lines.join("\n");
}

export function lsmagicText(): string {
  const width = Math.max(...MAGICS.map((m) => m.name.length)) + 3;
  const rows = MAGICS.map((m) => `${((m.body ? "%%" : "%") + m.name).padEnd(width)}${m.summary}`);
  return ["Available magics:", ...rows, `${"%help".padEnd(width)}Show a magic's arguments and the API call it runs.`, `${"%lsmagic".padEnd(width)}List the magics.`].join("\n");
}
