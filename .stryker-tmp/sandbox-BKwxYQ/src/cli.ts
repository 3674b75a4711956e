#!/usr/bin/env node
// @ts-nocheck
/**
 * The litml command. `litml run` is the main job behind `npm start`; `litml install`
 * adds the kernelspec to a Jupyter; `litml report` turns an executed notebook into HTML;
 * `litml lab` opens JupyterLab from the project's venv.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { installKernelSpec } from "../kernel-ext/kernelspec.js";
import { installLabExtension } from "../kernel-ext/labextension.js";
import { type Notebook } from "./report/notebook.js";
import { renderReport } from "./report/render.js";
import { findNotebooks, runNotebook } from "./report/run.js";

const USAGE = `usage:
  litml run [NOTEBOOK|FOLDER ...] [--out reports] [--python PY] [--timeout 600] [--github]
  litml report EXECUTED.ipynb [--out FILE.html]
  litml install [--user | --sys-prefix | --prefix DIR] [--python PY]
  litml lab [--python PY]`;

function defaultPython(): string {
  const venv = path.resolve(".venv", "bin", "python");
  return existsSync(venv) ? venv : "python3";
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      python: { type: "string" },
      timeout: { type: "string" },
      github: { type: "boolean" },
      user: { type: "boolean" },
      "sys-prefix": { type: "boolean" },
      prefix: { type: "string" },
    },
  });
  const python = values.python ?? defaultPython();
  switch (command) {
    case "run": {
      const notebooks = findNotebooks(positionals.length ? positionals : ["notebooks"]);
      const timeoutSeconds = Number(values.timeout ?? 600);
      const runs = notebooks.map((notebook) => {
        console.log(`litml: executing ${notebook}`);
        const run = runNotebook(notebook, { outDir: values.out ?? "reports", python, timeoutSeconds, github: values.github ?? false });
        console.log(`litml: ${run.ok ? "ok" : "FAILED"} ${run.report} (${run.seconds.toFixed(1)} s)`);
        return run;
      });
      const failed = runs.filter((r) => !r.ok);
      console.log(`litml: ${runs.length - failed.length} of ${runs.length} notebooks executed without error; reports:`);
      for (const run of runs) console.log(`  ${path.resolve(run.report)}`);
      return failed.length === 0 ? 0 : 1;
    }
    case "report": {
      const [input] = positionals;
      if (!input) break;
      const out = values.out ?? input.replace(/\.ipynb$/, "") + ".html";
      writeFileSync(out, renderReport(JSON.parse(readFileSync(input, "utf8")) as Notebook, path.basename(input)));
      console.log(path.resolve(out));
      return 0;
    }
    case "install": {
      const target = values.prefix
        ? { prefix: path.resolve(values.prefix) }
        : values["sys-prefix"]
          ? { sysPrefix: true as const, python }
          : { user: true as const, python };
      console.log(`litml kernelspec installed: ${installKernelSpec(target)}`);
      const labExtension = installLabExtension(target);
      console.log(
        labExtension
          ? `litml JupyterLab extension installed: ${labExtension}`
          : "litml JupyterLab extension not built (run `npm start` in a checkout); results still render as HTML",
      );
      return 0;
    }
    case "lab": {
      const asRoot = process.getuid?.() === 0 ? ["--allow-root"] : [];
      const child = spawnSync(python, ["-m", "jupyterlab", "--notebook-dir", "notebooks", ...asRoot], { stdio: "inherit" });
      return child.status ?? 1;
    }
  }
  console.error(USAGE);
  return 2;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`litml: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
