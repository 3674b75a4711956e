import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commands } from "../../src/cli/main.js";
import { litml } from "./litml.js";

const version = JSON.parse(readFileSync("package.json", "utf8")).version;

describe("litml help and version", () => {
  it.each([["--help"], ["-h"], ["help"]])("`litml %s` lists every command and exits 0", (flag) => {
    const run = litml([flag]);
    expect(run.status).toBe(0);
    for (const command of commands) expect(run.stdout).toMatch(new RegExp(`^  ${command.name}\\s+\\S`, "m"));
    expect(run.stdout).toContain("--version");
    expect(run.stderr).toBe("");
  });

  it("`litml --version` prints the package's version and exits 0", () => {
    const run = litml(["--version"]);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(`litml ${version}`);
  });

  it.each(commands.map((c) => [c.name]))("`litml %s --help` shows its usage and every option, as `litml help` does", (name) => {
    const run = litml([name, "--help"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^usage: litml ${name}\\b`));
    const command = commands.find((c) => c.name === name)!;
    for (const [option, spec] of Object.entries(command.options)) {
      expect(run.stdout).toMatch(new RegExp(`^  --${option}\\b.*\\s{2}${escape(spec.help.slice(0, 20))}`, "m"));
    }
    expect(litml(["help", name]).stdout).toBe(run.stdout);
  });
});

describe("litml usage errors", () => {
  it("an unknown command exits 2 with one sentence, a suggestion and the usage", () => {
    const run = litml(["rn", "notebooks"]);
    expect(run.status).toBe(2);
    const [sentence, ...rest] = run.stderr.trim().split("\n");
    expect(sentence).toBe(`litml: Unknown command "rn". Did you mean "run"? The commands are: ${commands.map((c) => c.name).join(", ")}.`);
    expect(rest[0]).toBe("usage:");
    expect(run.stdout).toBe("");
  });

  it("an unknown option exits 2 naming it, suggesting the near one, then the command's usage", () => {
    const run = litml(["run", "--tmeout", "5"]);
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^litml run: unknown option --tmeout\. Did you mean "--timeout"\?/);
    expect(lines[1]).toMatch(/^usage: litml run \[NOTEBOOK\|FOLDER \.\.\.\] .*\[--allow-errors\]/);
  });

  it("an unknown option before any command exits 2", () => {
    const run = litml(["--verbose"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^litml: unknown option --verbose\./);
  });

  it("no command at all exits 2 with the usage of every command", () => {
    const run = litml([]);
    expect(run.status).toBe(2);
    for (const command of commands) expect(run.stderr).toContain(`  litml ${command.name}`);
  });

  it.each([
    [["report"], /^litml report: it needs EXECUTED\.ipynb\.$/m],
    [["report", "a.ipynb", "b.ipynb"], /^litml report: it takes EXECUTED\.ipynb only; "b\.ipynb" is one too many\.$/m],
    [["run", "--out"], /^litml run: --out needs a value\.$/m],
    [["run", "--github=yes"], /^litml run: --github takes no value\.$/m],
    [["install", "--user", "--prefix", "x"], /^litml install: give only one of --user, --sys-prefix and --prefix\.$/m],
  ])("`litml %s` exits 2 with one sentence", (args, sentence) => {
    const run = litml(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(sentence);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
