/** No Python traceback reaches the user: each broken setup or input is one sentence naming the fix. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { litml, notebookText } from "./litml.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "litml-cli-errors-"));
const good = path.join(dir, "good.ipynb");
writeFileSync(good, notebookText(["1 + 1"]));

/** Exactly one line on stderr, no traceback, nothing on stdout. */
function oneSentence(run: { stderr: string; stdout: string }): string {
  expect(run.stderr).not.toMatch(/Traceback|File ".*", line \d+|\n\s+at /);
  const lines = run.stderr.trim().split("\n");
  expect(lines, run.stderr).toHaveLength(1);
  expect(run.stdout).toBe("");
  return lines[0]!;
}

describe("litml run: broken installations", () => {
  it("a --python that does not exist names it and the setup command", () => {
    const run = litml(["run", good, "--python", path.join(dir, "no", "python"), "--out", path.join(dir, "out")]);
    expect(run.status).toBe(1);
    expect(oneSentence(run)).toMatch(/^litml: Cannot run the Python .*no\/python \(no such file\)\. Run `npm run setup`/);
  });

  it("no venv and no python3 on PATH: one sentence naming setup, not spawn's ENOENT", () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), "litml-no-venv-"));
    const run = litml(["run", good, "--out", path.join(dir, "out")], { cwd: empty, env: { ...process.env, PATH: empty } });
    expect(run.status).toBe(1);
    expect(oneSentence(run)).toMatch(/^litml: Cannot run the Python python3 \(not found\)\. Run `npm run setup`/);
  });

  it("a Python without Jupyter gets the pip command, not a ModuleNotFoundError traceback", () => {
    // A fresh venv without pip holds no Jupyter whatever the machine's Python has.
    const venv = path.join(dir, "bare");
    const made = spawnSync("python3", ["-m", "venv", "--without-pip", venv]);
    expect(made.status, String(made.stderr)).toBe(0);
    const python = path.join(venv, "bin", "python");
    const run = litml(["run", good, "--python", python, "--out", path.join(dir, "out")]);
    expect(run.status).toBe(1);
    expect(oneSentence(run)).toBe(
      `litml: The Python ${python} lacks the package nbformat. Install Jupyter into it: \`${python} -m pip install jupyterlab nbclient\`.`,
    );
  });

  it("a Jupyter without the litml kernel gets the install command", () => {
    // The project's Jupyter packages seen from a fresh venv whose own Jupyter folders are
    // empty, with the personal folder moved aside: no kernelspec named litml anywhere.
    const venvPython = path.resolve(".venv", "bin", "python");
    const sitePackages = spawnSync(venvPython, ["-c", "import site; print(site.getsitepackages()[0])"], { encoding: "utf8" }).stdout.trim();
    const venv = path.join(dir, "no-kernel");
    expect(spawnSync(venvPython, ["-m", "venv", "--without-pip", venv]).status).toBe(0);
    const python = path.join(venv, "bin", "python");
    const env = { ...process.env, PYTHONPATH: sitePackages, JUPYTER_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "litml-data-")), JUPYTER_PATH: "" };
    const run = litml(["run", good, "--python", python, "--out", path.join(dir, "out")], { env });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines.at(-1)).toBe(
      `litml: The Jupyter of ${python} has no litml kernel. Install it: \`litml install --sys-prefix --python ${python}\` (or \`litml install --user\`).`,
    );
    expect(run.stderr).not.toMatch(/Traceback|NoSuchKernel/);
  }, 60_000);
});

describe("litml install and litml lab: a Python without Jupyter", () => {
  it.each([
    [["install", "--user"], "jupyter_core"],
    [["install", "--sys-prefix"], "jupyter_core"],
    [["lab"], "jupyterlab"],
  ])("litml %j names the missing package and the pip command", (args, module) => {
    const venv = path.join(dir, "bare-for-install");
    spawnSync("python3", ["-m", "venv", "--without-pip", venv]);
    const python = path.join(venv, "bin", "python");
    const run = litml([...args, "--python", python]);
    expect(run.status).toBe(1);
    expect(oneSentence(run)).toBe(`litml: The Python ${python} lacks the package ${module}. Install Jupyter into it: \`${python} -m pip install jupyterlab nbclient\`.`);
  });
});

describe("litml run: bad input", () => {
  it.each([["abc"], ["0"], ["-5"], ["10s"], [""]])("--timeout %j exits 2 naming the value", (value) => {
    const run = litml(["run", good, `--timeout=${value}`]);
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(`litml run: invalid --timeout: ${JSON.stringify(value)}; expected a number of seconds greater than 0.`);
  });

  it("a value that looks like an option is named as such", () => {
    const run = litml(["run", good, "--timeout", "-5"]);
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(`litml run: --timeout needs a value (write --timeout=-VALUE for one that starts with "-").`);
  });

  it("a notebook that does not exist", () => {
    const run = litml(["run", path.join(dir, "missing.ipynb")]);
    expect(run.status).toBe(1);
    expect(oneSentence(run)).toBe(`litml: No such notebook or folder: ${path.join(dir, "missing.ipynb")}. Give the path of a .ipynb file or of a folder holding some.`);
  });

  it("a folder without notebooks", () => {
    const empty = path.join(dir, "empty");
    mkdirSync(empty, { recursive: true });
    const run = litml(["run", empty]);
    expect(run.status).toBe(1);
    expect(oneSentence(run)).toContain(`The folder ${empty} holds no .ipynb notebook.`);
  });

  it.each([
    ["text.ipynb", "# not a notebook\n", "it is not JSON"],
    ["array.ipynb", "[1, 2]", "it has no list of cells"],
    ["old.ipynb", JSON.stringify({ nbformat: 3, cells: [] }), "its nbformat is 3, not 4"],
  ])("a file that is not a notebook (%s), before any other notebook runs", (name, text, reason) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    const run = litml(["run", good, file, "--out", path.join(dir, "out")]);
    expect(run.status).toBe(1);
    expect(oneSentence(run)).toBe(`litml: ${file} is not a Jupyter notebook (${reason}). Give a .ipynb file saved by Jupyter (nbformat 4).`);
  });

  it("litml report on a file that is not a notebook", () => {
    const file = path.join(dir, "data.csv");
    writeFileSync(file, "a,b\n1,2\n");
    const run = litml(["report", file]);
    expect(run.status).toBe(1);
    expect(oneSentence(run)).toContain(`${file} is not a Jupyter notebook (it is not JSON)`);
  });
});
