/**
 * The main job: execute a copy of each notebook with the litml kernel (the tracked
 * notebook is only read), write the executed copy and its HTML report side by side,
 * and say which notebooks failed.
 */
// @ts-nocheck

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { svgToPng } from "../display/png.js";
import { svgImages } from "../display/svg-image.js";
import { packageRoot } from "../util/package-root.js";
import { type Notebook } from "./notebook.js";
import { renderReport } from "./render.js";

export interface RunOptions {
  readonly outDir: string;
  readonly python: string;
  readonly timeoutSeconds: number;
  /** Add a PNG beside every SVG in the executed copies, for GitHub's notebook preview. */
  readonly github: boolean;
}

export interface NotebookRun {
  readonly notebook: string;
  readonly executed: string;
  readonly report: string;
  readonly ok: boolean;
  readonly seconds: number;
}

export function findNotebooks(inputs: readonly string[]): string[] {
  const found: string[] = [];
  for (const input of inputs) {
    if (!existsSync(input)) throw new Error(`No such notebook or folder: ${input}`);
    if (statSync(input).isDirectory()) {
      const names = readdirSync(input).filter((f) => f.endsWith(".ipynb") && !f.startsWith(".")).sort();
      found.push(...names.map((f) => path.join(input, f)));
    } else {
      found.push(input);
    }
  }
  return found;
}

export function runNotebook(notebook: string, options: RunOptions): NotebookRun {
  const name = path.basename(notebook, ".ipynb");
  mkdirSync(options.outDir, { recursive: true });
  const executed = path.join(options.outDir, `${name}.ipynb`);
  const report = path.join(options.outDir, `${name}.html`);
  const script = path.join(packageRoot(), "kernel-ext", "python", "execute.py");
  const started = Date.now();
  const child = spawnSync(
    options.python,
    [script, notebook, executed, path.dirname(path.resolve(notebook)), String(options.timeoutSeconds)],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  if (child.error) throw new Error(`Could not run ${options.python}: ${child.error.message}. Run npm run setup, or pass --python.`);
  if (!existsSync(executed)) throw new Error(`${notebook}: the notebook could not be executed (exit ${child.status}).`);
  const parsed = JSON.parse(readFileSync(executed, "utf8")) as Notebook;
  if (options.github) writeFileSync(executed, JSON.stringify(withPngs(parsed), null, 1) + "\n");
  writeFileSync(report, renderReport(parsed, path.basename(notebook)));
  return { notebook, executed, report, ok: child.status === 0, seconds: (Date.now() - started) / 1000 };
}

/** GitHub's preview runs no script and drops SVG: give every SVG-bearing output a PNG too. */
function withPngs(notebook: Notebook): Notebook {
  for (const cell of notebook.cells) {
    for (const output of cell.outputs ?? []) {
      const data = output.data;
      const svg = data?.["image/svg+xml"] ?? svgInHtml(data?.["text/html"]);
      if (data && typeof svg === "string" && data["image/png"] === undefined) {
        data["image/png"] = svgToPng(svg).toString("base64");
      }
    }
  }
  return notebook;
}

function svgInHtml(html: unknown): string | undefined {
  const text = Array.isArray(html) ? html.join("") : html;
  if (typeof text !== "string") return undefined;
  return svgImages(text)[0];
}
