/**
 * One row of the litml command: its name, what it does, its arguments and options with
 * their help, and the function that runs it. `--help`, the usage line and the checks of
 * the arguments are all generated from the row.
 */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  /** The placeholder shown for a string option's value, e.g. "DIR". */
  readonly value?: string;
  readonly help: string;
  /** Shown without brackets in the usage; the command checks it is there. */
  readonly required?: boolean;
}

export interface ParsedArguments {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

export interface Command {
  readonly name: string;
  /** Its arguments as shown after the name, e.g. "[NOTEBOOK|FOLDER ...]". */
  readonly args: string;
  readonly summary: string;
  /** Lines shown under the usage by `litml NAME --help`. */
  readonly details?: readonly string[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** How many positional arguments it takes. */
  readonly positionals: { readonly min: number; readonly max: number };
  /**
   * The exit status when it fails with an error, and when its command line is wrong
   * (default 1 and 2; `check` gives 1 and 2 to its verdicts, so both are 3 there).
   */
  readonly errorStatus?: number;
  readonly usageStatus?: number;
  /** Returns the exit status. */
  run(args: ParsedArguments): Promise<number>;
}

export function stringOption(args: ParsedArguments, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === "string" ? value : undefined;
}

export function flag(args: ParsedArguments, name: string): boolean {
  return args.values[name] === true;
}
