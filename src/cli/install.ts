/** `litml install`: the kernelspec and the JupyterLab extension into a Jupyter. */
import path from "node:path";
import { installKernelSpec, type InstallTarget } from "../../kernel-ext/kernelspec.js";
import { installLabExtension } from "../../kernel-ext/labextension.js";
import { message } from "../messages.js";
import { flag, stringOption, type Command, type ParsedArguments } from "./command.js";
import { checkPython, choosePython, pythonOption } from "./python.js";

export const installCommand: Command = {
  name: "install",
  args: "",
  summary: "add the litml kernel and its JupyterLab extension to a Jupyter",
  details: ["Exactly one of --user (the default), --sys-prefix or --prefix chooses where."],
  options: {
    user: { type: "boolean", help: "your personal Jupyter (the default)" },
    "sys-prefix": { type: "boolean", help: "the Jupyter of the Python given by --python (a venv)" },
    prefix: { type: "string", value: "DIR", help: "DIR/share/jupyter, written directly" },
    python: pythonOption,
  },
  positionals: { min: 0, max: 0 },
  run,
};

async function run(args: ParsedArguments): Promise<number> {
  const prefix = stringOption(args, "prefix");
  const chosen = [flag(args, "user"), flag(args, "sys-prefix"), prefix !== undefined].filter(Boolean).length;
  if (chosen > 1) throw message.badArguments("install", "give only one of --user, --sys-prefix and --prefix");
  let target: InstallTarget;
  if (prefix !== undefined) target = { prefix: path.resolve(prefix) };
  else {
    const python = choosePython(stringOption(args, "python"));
    checkPython(python, ["jupyter_core", "jupyter_client"]); // else `jupyter kernelspec install` fails with a traceback
    target = flag(args, "sys-prefix") ? { sysPrefix: true, python } : { user: true, python };
  }
  console.log(`litml kernelspec installed: ${installKernelSpec(target)}`);
  const labExtension = installLabExtension(target);
  console.log(
    labExtension
      ? `litml JupyterLab extension installed: ${labExtension}`
      : "litml JupyterLab extension not built (run `npm start` in a checkout); results still render as HTML",
  );
  return 0;
}
