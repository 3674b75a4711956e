/**
 * The litml command: finds the command's row, checks the arguments against it, runs it,
 * and turns every error into one sentence. Exit status: 0 done, 1 failed, 2 the command
 * line itself was wrong (with the usage).
 */
import { parseArgs } from "node:util";
import { LitmlError } from "../errors.js";
import { message } from "../messages.js";
import { LITML_VERSION } from "../version.js";
import type { Command, ParsedArguments } from "./command.js";
import { doctorCommand } from "./doctor.js";
import { checkCommand } from "./check.js";
import { commandHelp, overview, usage, usageLine } from "./help.js";
import { installCommand } from "./install.js";
import { labCommand } from "./lab.js";
import { reportCommand } from "./report.js";
import { runCommand } from "./run.js";
import { serveCommand } from "./serve.js";
import { assignCommand, gradeCommand, slidesCommand } from "./workshop.js";

export const commands: readonly Command[] = [runCommand, reportCommand, slidesCommand, checkCommand, assignCommand, gradeCommand, installCommand, labCommand, doctorCommand, serveCommand];

/** Codes of errors in what was typed, answered with the usage and status 2. */
const USAGE_ERRORS = new Set(["unknown-command", "bad-arguments", "bad-option"]);

export async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === "--version" || first === "-V") {
    console.log(`litml ${LITML_VERSION}`);
    return 0;
  }
  if (first === "--help" || first === "-h") {
    console.log(overview(commands, LITML_VERSION));
    return 0;
  }
  if (first === "help") {
    if (rest[0] === undefined) {
      console.log(overview(commands, LITML_VERSION));
      return 0;
    }
    const command = commands.find((c) => c.name === rest[0]);
    if (command === undefined) return usageError(message.unknownCommand(rest[0], commands.map((c) => c.name)));
    console.log(commandHelp(command));
    return 0;
  }
  if (first === undefined) return usageError(message.noCommand());
  const command = commands.find((c) => c.name === first);
  if (command === undefined) {
    if (first.startsWith("-")) return usageError(message.unknownFlag("", first, ["--help", "--version"]));
    return usageError(message.unknownCommand(first, commands.map((c) => c.name)));
  }
  try {
    const args = parse(command, rest);
    if (args.values.help === true) {
      console.log(commandHelp(command));
      return 0;
    }
    return await command.run(args);
  } catch (error) {
    if (error instanceof LitmlError && USAGE_ERRORS.has(error.code)) return usageError(error, command);
    // A LitmlError is one sentence already; anything else may carry a child's whole stderr.
    const text = error instanceof Error ? error.message : String(error);
    const first = text.split("\n")[0];
    console.error(`litml: ${first}${first === text.trimEnd() || process.env.LITML_DEBUG ? "" : " (LITML_DEBUG=1 shows the rest)"}`);
    if (process.env.LITML_DEBUG && error instanceof Error) console.error(error.stack);
    if (error instanceof LitmlError && error.code === "interrupted") return 130;
    return command.errorStatus ?? 1;
  }
}

function usageError(error: LitmlError, command?: Command): number {
  console.error(error.message.startsWith("litml") ? error.message : `litml: ${error.message}`);
  console.error(command ? `usage: ${usageLine(command)}\nRun \`litml ${command.name} --help\` for its options.` : usage(commands));
  return command?.usageStatus ?? 2;
}

function parse(command: Command, args: readonly string[]): ParsedArguments {
  const options = Object.fromEntries(Object.entries(command.options).map(([name, spec]) => [name, { type: spec.type }]));
  let parsed: ParsedArguments;
  try {
    parsed = parseArgs({ args: [...args], options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw describeParseError(command, error as NodeJS.ErrnoException);
  }
  if (parsed.values.help === true) return parsed;
  const { min, max } = command.positionals;
  const count = parsed.positionals.length;
  if (count < min) throw message.badArguments(command.name, `it needs ${command.args}`);
  if (count > max) {
    const extra = parsed.positionals[max]!;
    throw message.badArguments(command.name, max === 0 ? `it takes no arguments, got "${extra}"` : `it takes ${command.args} only; "${extra}" is one too many`);
  }
  return parsed;
}

/** Node's parseArgs errors, reworded: they name the option but suggest nothing. */
function describeParseError(command: Command, error: NodeJS.ErrnoException): LitmlError {
  const text = error.message ?? String(error);
  const option = /'(-[^' ]*)/.exec(text)?.[1] ?? "";
  const known = [...Object.keys(command.options), "help"].map((name) => `--${name}`);
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return message.unknownFlag(command.name, option.split("=")[0]!, known);
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (/ambiguous/.test(text)) return message.badArguments(command.name, `${option} needs a value (write ${option}=-VALUE for one that starts with "-")`);
      return message.badArguments(command.name, /missing/.test(text) ? `${option} needs a value` : `${option} takes no value`);
  }
  return message.badArguments(command.name, text.split(". ")[0]!.replace(/\.$/, ""));
}
