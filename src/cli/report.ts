/** `litml report`: an HTML report from a notebook the user executed themselves. */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { message } from "../messages.js";
import { type Notebook } from "../report/notebook.js";
import { renderReport } from "../report/render.js";
import { stringOption, type Command, type ParsedArguments } from "./command.js";

export const reportCommand: Command = {
  name: "report",
  args: "EXECUTED.ipynb",
  summary: "write the HTML report of a notebook you executed yourself",
  options: { out: { type: "string", value: "FILE.html", help: "the report to write (default: beside the notebook)" } },
  positionals: { min: 1, max: 1 },
  run,
};

async function run(args: ParsedArguments): Promise<number> {
  const input = args.positionals[0]!;
  const notebook = readNotebook(input);
  const out = stringOption(args, "out") ?? input.replace(/\.ipynb$/, "") + ".html";
  writeFileSync(out, renderReport(notebook, path.basename(input)));
  console.log(path.resolve(out));
  return 0;
}

/** Reads a notebook file, or says in one sentence why it is not one. */
export function readNotebook(file: string): Notebook {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw message.noSuchNotebook(file);
    throw message.notANotebook(file, code === "EISDIR" ? "it is a folder" : String((error as Error).message));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw message.notANotebook(file, "it is not JSON");
  }
  const notebook = parsed as Partial<Notebook> | null;
  if (typeof notebook !== "object" || notebook === null || !Array.isArray(notebook.cells)) {
    throw message.notANotebook(file, "it has no list of cells");
  }
  if (notebook.nbformat !== 4) throw message.notANotebook(file, `its nbformat is ${String(notebook.nbformat)}, not 4`);
  return { metadata: {}, ...notebook } as Notebook;
}
