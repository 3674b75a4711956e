/** Reading and writing the notebooks that assign and grade work on. */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type LitmlError } from "../errors.js";
import { message } from "../messages.js";
import { type Notebook } from "../report/notebook.js";

/** The .ipynb files of a folder, sorted by name; fails when the folder does not exist. */
export function notebooksIn(folder: string, what: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    throw message.noNotebooks(folder, what);
  }
  return names.filter((n) => n.endsWith(".ipynb") && !n.startsWith(".")).sort().map((n) => path.join(folder, n));
}

/** Every file under a folder (one level of subfolders too: submissions/alice/lesson.ipynb), sorted. */
export function filesUnder(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    if (name.startsWith(".")) continue;
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) {
      for (const inner of readdirSync(full).sort()) if (!inner.startsWith(".") && statSync(path.join(full, inner)).isFile()) out.push(path.join(full, inner));
    } else out.push(full);
  }
  return out;
}

/** A notebook, or the reason the file is not one. */
export function readNotebook(file: string, label = file): Notebook | LitmlError {
  if (!file.endsWith(".ipynb")) return message.notANotebook(label, "its name does not end in .ipynb");
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    return message.notANotebook(label, `not valid JSON: ${(error as Error).message}`);
  }
  const nb = parsed as Partial<Notebook> | null;
  if (typeof nb !== "object" || nb === null || !Array.isArray(nb.cells) || typeof nb.nbformat !== "number") {
    return message.notANotebook(label, "it has no cells and no nbformat version");
  }
  if (nb.nbformat < 4) return message.notANotebook(label, `it is nbformat ${nb.nbformat}; litml reads nbformat 4`);
  return { ...nb, metadata: nb.metadata ?? {} } as Notebook;
}

export function writeNotebook(file: string, notebook: Notebook): void {
  writeFileSync(file, JSON.stringify(notebook, null, 1) + "\n");
}
