/**
 * Phase 1 of a magic (parse): split its argument text into shell-style words. Quotes
 * group words ("Beak Length (mm)"), a backslash escapes the next character outside
 * single quotes, and {…} keeps a TypeScript expression whole, braces and strings inside
 * it included. Problems are reported with the 1-based column where they start.
 */
// @ts-nocheck

export type Word = { readonly kind: "text"; readonly text: string } | { readonly kind: "expr"; readonly code: string };

export class TokenizeError extends Error {
  constructor(
    readonly problem: string,
    readonly column: number,
  ) {
    super(problem);
  }
}

/** `offset`: how many characters of the line come before `text`, added to reported columns. */
export function tokenize(text: string, offset = 0): Word[] {
  try {
    return words(text);
  } catch (error) {
    if (error instanceof TokenizeError && offset > 0) {
      throw new TokenizeError(error.problem.replace(/column (\d+)/, (_, c: string) => `column ${Number(c) + offset}`), error.column + offset);
    }
    throw error;
  }
}

function words(text: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (/\s/.test(text[i])) {
      i++;
      continue;
    }
    if (text[i] === "{") {
      const end = matchingBrace(text, i);
      words.push({ kind: "expr", code: text.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    let word = "";
    while (i < n && !/\s/.test(text[i])) {
      const c = text[i];
      if (c === '"' || c === "'") {
        const close = findClosingQuote(text, i);
        const inner = text.slice(i + 1, close);
        word += c === '"' ? inner.replace(/\\(["\\])/g, "$1") : inner;
        i = close + 1;
      } else if (c === "\\" && i + 1 < n) {
        word += text[i + 1];
        i += 2;
      } else {
        word += c;
        i++;
      }
    }
    words.push({ kind: "text", text: word });
  }
  return words;
}

function findClosingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === "\\") {
      i++;
      continue;
    }
    if (text[i] === quote) return i;
  }
  throw new TokenizeError(`the ${quote === '"' ? "double" : "single"} quote opened at column ${open + 1} is never closed`, open + 1);
}

/** Index of the } that closes the { at `open`, skipping braces inside strings and template literals. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === "`") {
      i = skipString(text, i);
      continue;
    }
    if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  throw new TokenizeError(`the expression opened with { at column ${open + 1} is never closed with }`, open + 1);
}

function skipString(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === quote) return i;
  }
  throw new TokenizeError(`the string opened at column ${open + 1} inside {…} is never closed`, open + 1);
}
