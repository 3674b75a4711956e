/**
 * One options schema per analysis (DESIGN.md "options"): each option is declared once,
 * with its kind, its help and the checks its kind implies. From that declaration come
 * the run-time checks (`check`), the magic's `--options` (`magicOptions`) and the help
 * text, so the four can no longer disagree. A schema is keyed to its options interface:
 * the compiler rejects a schema that misses an option or names one that does not exist.
 */
import type { Dataset } from "../data/dataset.js";
import { message } from "../messages.js";
import { metricNames } from "../metrics/registry.js";
import { FittedPipeline, Pipeline } from "../features/pipeline.js";
import { checkCard } from "../frame/card.js";

interface Common {
  /** One phrase, as `--name` help reads it: "the column to predict". */
  readonly help: string;
  /** The default as a reader should see it ("5", "logistic, or ridge for numbers"); omit when there is none. */
  readonly default?: string;
  /** The magic's flag when it is not the option's name in kebab case; false: the option has no flag (API only). */
  readonly flag?: string | false;
}

export type OptionSpec = Common &
  (
    | { readonly kind: "column" | "columns" | "string" | "strings" | "flag" | "metric" | "model" | "models" | "params" | "card" | "data" }
    | { readonly kind: "number"; readonly min?: number; readonly max?: number; readonly whole?: boolean; readonly above?: number; readonly below?: number }
    | { readonly kind: "numbers"; readonly min?: number }
    | { readonly kind: "choice"; readonly choices: readonly string[] }
    | {
        readonly kind: "value";
        readonly expected: string;
        readonly test?: (value: unknown) => boolean;
        /** How a magic reads its word (default text): "numbers" reads `--costs 1,10` as [1, 10]. */
        readonly magic?: MagicKind;
      }
  );

export type OptionKind = OptionSpec["kind"];

/** Every option of O, and no other. */
export type OptionsSchema<O> = { readonly [K in keyof Required<O>]: OptionSpec };

/** How a magic word is read for each kind (the kernel's tokenizer kinds). */
export type MagicKind = "data" | "string" | "number" | "flag" | "strings" | "numbers" | "json";

const MAGIC_KIND: Record<OptionKind, MagicKind | undefined> = {
  column: "string",
  columns: "strings",
  string: "string",
  strings: "strings",
  flag: "flag",
  metric: "string",
  model: "string",
  models: "strings",
  params: "json",
  number: "number",
  numbers: "numbers",
  choice: "string",
  value: "string",
  data: "data",
  card: undefined,
};

export interface Schema<O> {
  readonly analysis: string;
  readonly specs: OptionsSchema<O>;
  /** Checks every option given (unknown names, kinds, ranges, columns of `dataset`); returns the options as given. */
  check(options: O | undefined, dataset?: Dataset): O;
  /** The magic's `--options`: flag name → kind, help and the option it fills. */
  magicOptions(): Record<string, { kind: MagicKind; help: string; key?: string; choices?: readonly string[] }>;
}

export function defineOptions<O extends object>(analysis: string, specs: OptionsSchema<O>): Schema<O> {
  const names = Object.keys(specs);
  return {
    analysis,
    specs,
    check(options, dataset) {
      if (options === undefined) return {} as O;
      if (options === null || typeof options !== "object" || Array.isArray(options)) {
        throw message.badOption(analysis, "options", options, 'an object such as { target: "y" }');
      }
      for (const [key, value] of Object.entries(options)) {
        const spec = (specs as Record<string, OptionSpec>)[key];
        if (spec === undefined) throw message.unknownOption(analysis, key, names);
        if (value !== undefined) checkValue(analysis, key, spec, value, dataset);
      }
      return options;
    },
    magicOptions() {
      const out: Record<string, { kind: MagicKind; help: string; key?: string; choices?: readonly string[] }> = {};
      for (const [key, spec] of Object.entries(specs) as [string, OptionSpec][]) {
        const kind = spec.kind === "value" && spec.magic ? spec.magic : MAGIC_KIND[spec.kind];
        if (kind === undefined || spec.flag === false) continue;
        const flag = spec.flag ?? kebab(key);
        out[flag] = {
          kind,
          help: helpOf(spec),
          ...(flag !== kebab(key) ? { key } : {}),
          ...(spec.kind === "choice" ? { choices: spec.choices } : {}),
        };
      }
      return out;
    },
  };
}

/** The help a reader sees: the phrase, the choices, the default. */
export function helpOf(spec: OptionSpec): string {
  const choices = spec.kind === "choice" ? `: ${spec.choices.join(", ")}` : "";
  return `${spec.help}${choices}${spec.default !== undefined ? ` (default ${spec.default})` : ""}`;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function checkValue(analysis: string, option: string, spec: OptionSpec, value: unknown, dataset: Dataset | undefined): void {
  const bad = (expected: string): never => {
    throw message.badOption(analysis, option, value, expected);
  };
  switch (spec.kind) {
    case "column":
      if (typeof value !== "string") bad("a column name (a string)");
      dataset?.column(value as string);
      return;
    case "columns": {
      const list = typeof value === "string" ? [value] : value;
      if (!Array.isArray(list) || list.length === 0 || list.some((v) => typeof v !== "string")) bad("a non-empty list of column names");
      for (const name of list as string[]) dataset?.column(name);
      return;
    }
    case "string":
      if (typeof value !== "string") bad("text");
      return;
    case "strings":
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) bad("a list of names");
      return;
    case "flag":
      if (typeof value !== "boolean") bad("true or false");
      return;
    case "metric":
      if (typeof value !== "string") bad(`a metric name: ${metricNames().join(", ")}`);
      return;
    case "model":
      if (typeof value !== "string" && !(value instanceof Pipeline) && !(value instanceof FittedPipeline)) bad("a model name (see litml.models()), a Pipeline or a fitted pipeline");
      return;
    case "models":
      if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== "string" && !(v instanceof Pipeline))) bad("a list of model names or Pipelines, e.g. logistic,gbdt");
      return;
    case "params":
      if (typeof value !== "object" || value === null || Array.isArray(value)) bad('an object of the model\'s params, e.g. { "C": 0.5 }');
      return;
    case "card":
      if (typeof value !== "object" || value === null || Array.isArray(value)) bad("a framing card (the data of litml.frame(...))");
      // A card passed by hand is held to the rules %%frame applies: a misspelt metric must not be silently ignored.
      checkCard(value as Record<string, unknown>);
      return;
    case "data":
      return;
    case "number": {
      const whole = spec.whole ? "a whole number" : "a number";
      const bounds = [
        spec.min !== undefined ? `≥ ${spec.min}` : "",
        spec.above !== undefined ? `> ${spec.above}` : "",
        spec.max !== undefined ? `≤ ${spec.max}` : "",
        spec.below !== undefined ? `< ${spec.below}` : "",
      ].filter(Boolean);
      const expected = bounds.length > 0 ? `${whole} ${bounds.join(" and ")}` : whole;
      if (typeof value !== "number" || !Number.isFinite(value)) bad(expected);
      const v = value as number;
      if ((spec.whole && !Number.isInteger(v)) || (spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) bad(expected);
      if ((spec.above !== undefined && !(v > spec.above)) || (spec.below !== undefined && !(v < spec.below))) bad(expected);
      return;
    }
    case "numbers":
      if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== "number" || !Number.isFinite(v) || (spec.min !== undefined && v < spec.min))) {
        bad(`a list of numbers${spec.min !== undefined ? ` ≥ ${spec.min}` : ""}`);
      }
      return;
    case "choice":
      if (typeof value !== "string" || !spec.choices.includes(value)) {
        throw message.badChoice(analysis, option, value, spec.choices);
      }
      return;
    case "value":
      if (spec.test && !spec.test(value)) bad(spec.expected);
      return;
  }
}
