/** `litml lab`: JupyterLab from the project's Python, opened on the lessons. */
import { spawnSync } from "node:child_process";
import { message } from "../messages.js";
import { stringOption, type Command, type ParsedArguments } from "./command.js";
import { checkPython, choosePython, pythonOption } from "./python.js";

export const labCommand: Command = {
  name: "lab",
  args: "",
  summary: "open JupyterLab on ./notebooks with the project's Python",
  options: { python: pythonOption },
  positionals: { min: 0, max: 0 },
  run,
};

async function run(args: ParsedArguments): Promise<number> {
  const python = choosePython(stringOption(args, "python"));
  checkPython(python, ["jupyterlab"]);
  const asRoot = process.getuid?.() === 0 ? ["--allow-root"] : [];
  const child = spawnSync(python, ["-m", "jupyterlab", "--notebook-dir", "notebooks", ...asRoot], { stdio: "inherit" });
  if (child.error) throw message.noPython(python, child.error.message);
  return child.status ?? 1;
}
