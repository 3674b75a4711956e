/**
 * Bag of words for text columns: each text becomes the counts of the most common terms
 * (lower-cased runs of two or more letters) learned on training rows, one column per term
 * named "column:term". Terms in fewer than `minDocuments` training texts are dropped; unseen
 * terms are ignored at prediction time. Texts are stored as categories, so each distinct text
 * is tokenised once.
 */
// @ts-nocheck

import type { Column } from "../data/column.js";
import { MISSING_CODE } from "../data/column.js";
import type { Dataset } from "../data/dataset.js";
import { message } from "../messages.js";
import { replaceColumns } from "./replace.js";
import type { FittedStep, Step } from "./step.js";

export interface TextVectorizeParams {
  readonly columns: readonly string[];
  /** Terms kept per column, the most frequent first. Default 1,000. */
  readonly maxTerms?: number;
  readonly minDocuments?: number;
  /** Count each term once per text (presence) instead of every occurrence. */
  readonly binary?: boolean;
}

type Vocabularies = Record<string, readonly string[]>;

const TOKEN = /[a-z]{2,}/g;
/** Long bodies add little beyond their first pages, and cost time. */
const MAX_CHARACTERS = 20_000;

function tokens(text: string): string[] {
  return text.slice(0, MAX_CHARACTERS).toLowerCase().match(TOKEN) ?? [];
}

function textColumn(name: string, column: Column): Extract<Column, { type: "category" }> {
  if (column.type !== "category") throw message.badOption("text-vectorize", "columns", name, "text columns (strings)");
  return column;
}

export class TextVectorize implements Step<TextVectorizeParams> {
  readonly step = "text-vectorize";
  constructor(readonly params: TextVectorizeParams) {}

  fit(data: Dataset): FittedStep {
    const maxTerms = this.params.maxTerms ?? 1000;
    const minDocuments = this.params.minDocuments ?? 2;
    const vocabularies: Vocabularies = {};
    for (const name of this.params.columns) {
      const column = textColumn(name, data.column(name));
      // Document frequency over rows, counting each distinct text once per row that holds it.
      const rowsPerText = new Int32Array(column.dictionary.length);
      for (const code of column.codes) if (code !== MISSING_CODE) rowsPerText[code]++;
      const documents = new Map<string, number>();
      column.dictionary.forEach((text, code) => {
        if (rowsPerText[code] === 0) return;
        for (const term of new Set(tokens(text))) documents.set(term, (documents.get(term) ?? 0) + rowsPerText[code]);
      });
      vocabularies[name] = [...documents]
        .filter(([, count]) => count >= minDocuments)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, maxTerms)
        .map(([term]) => term);
    }
    return fittedTextVectorize(this.params, vocabularies);
  }
}

export function fittedTextVectorize(params: TextVectorizeParams, vocabularies: Vocabularies): FittedStep {
  return {
    step: "text-vectorize",
    transform(data: Dataset): Dataset {
      return replaceColumns(
        data,
        new Map(Object.entries(vocabularies).map(([name, vocabulary]) => {
          const column = textColumn(name, data.column(name));
          const position = new Map(vocabulary.map((term, i) => [term, i]));
          const counts = vocabulary.map(() => new Float64Array(column.codes.length));
          // Each distinct text present is tokenised once (a subset of rows keeps the whole dictionary).
          const perText = new Map<number, Map<number, number>>();
          const termCounts = (code: number) => {
            let found = perText.get(code);
            if (!found) {
              found = new Map<number, number>();
              for (const term of tokens(column.dictionary[code])) {
                const at = position.get(term);
                if (at !== undefined) found.set(at, params.binary ? 1 : (found.get(at) ?? 0) + 1);
              }
              perText.set(code, found);
            }
            return found;
          };
          column.codes.forEach((code, row) => {
            if (code === MISSING_CODE) return;
            for (const [at, count] of termCounts(code)) counts[at][row] = count;
          });
          return [name, vocabulary.map((term, i) => [`${name}:${term}`, { type: "number", values: counts[i] } satisfies Column] as const)] as const;
        })),
      );
    },
    toJSON: () => ({ step: "text-vectorize", params, state: vocabularies }),
  };
}
