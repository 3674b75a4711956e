/** The text of `litml --help` and `litml COMMAND --help`, generated from the command rows. */
import type { Command } from "./command.js";

export function usageLine(command: Command): string {
  const options = Object.entries(command.options)
    .map(([name, spec]) => {
      const word = spec.type === "string" ? `--${name} ${spec.value ?? "VALUE"}` : `--${name}`;
      return spec.required ? word : `[${word}]`;
    })
    .join(" ");
  return ["litml", command.name, command.args, options].filter((part) => part !== "").join(" ");
}

/** The short form, printed after every usage error. */
export function usage(commands: readonly Command[]): string {
  return ["usage:", ...commands.map((c) => `  ${usageLine(c)}`), "Run `litml COMMAND --help` for a command's options."].join("\n");
}

export function overview(commands: readonly Command[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `litml ${version}: run and report literate machine-learning notebooks (TypeScript, Jupyter).`,
    "",
    "usage: litml COMMAND [ARGUMENTS] [OPTIONS]",
    "",
    "commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `litml COMMAND --help` (or `litml help COMMAND`) for a command's arguments and options;",
    "`litml --version` prints the version.",
  ].join("\n");
}

export function commandHelp(command: Command): string {
  const options = Object.entries(command.options).map(([name, spec]) => [
    spec.type === "string" ? `--${name} ${spec.value ?? "VALUE"}` : `--${name}`,
    spec.help,
  ]);
  options.push(["--help", "show this help"]);
  const width = Math.max(...options.map(([left]) => left!.length));
  return [
    `usage: ${usageLine(command)}`,
    "",
    command.summary,
    ...(command.details ? ["", ...command.details] : []),
    "",
    "options:",
    ...options.map(([left, right]) => `  ${left!.padEnd(width)}  ${right}`),
  ].join("\n");
}
