/** `litml check` on real files from vega-datasets, each chosen for what it should be told. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { litmlAsync } from "./litml.js";

const DATA = path.resolve("node_modules", "vega-datasets", "data");
const dir = mkdtempSync(path.join(os.tmpdir(), "litml-check-"));

/** Its verdict lines by analysis: "ok profile  …" → { profile: "ok …" }. */
function verdicts(stdout: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const line of stdout.split("\n")) {
    const match = /^(ok|warn|FAIL|skip) +(profile|baseline|leakage|slices|drift) +(.*)$/.exec(line);
    if (match) found[match[2]!] = `${match[1]} ${match[3]}`;
  }
  return found;
}

async function check(...args: string[]) {
  const out = path.join(dir, `${path.basename(args[0]!)}-${Math.random().toString(36).slice(2)}.html`);
  const run = await litmlAsync(["check", ...args, "--out", out]);
  return { ...run, out, verdicts: verdicts(run.stdout) };
}

/** Gapminder's countries in two eras: the same columns, very different life expectancy and fertility. */
function gapminderEras(): { early: string; late: string } {
  const rows = JSON.parse(readFileSync(path.join(DATA, "gapminder.json"), "utf8")) as { year: number }[];
  const early = path.join(dir, "gapminder-1955-1970.json");
  const late = path.join(dir, "gapminder-1990-2005.json");
  writeFileSync(early, JSON.stringify(rows.filter((r) => r.year <= 1970)));
  writeFileSync(late, JSON.stringify(rows.filter((r) => r.year >= 1990)));
  return { early, late };
}

describe("litml check", () => {
  it("a clean file (population by age and sex): every verdict ok, exit 0, a report of the calls", async () => {
    const file = path.join(DATA, "population.json");
    const run = await check(file, "--target", "people");
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.verdicts.profile).toMatch(/^ok No data-quality problem found in 570 rows/);
    expect(run.verdicts.baseline).toMatch(/^ok ridge beats the baselines/);
    expect(run.verdicts.leakage).toMatch(/^ok No sign of leakage/);
    expect(run.stdout).toContain(`litml check: all verdicts ok; report: ${run.out}`);
    const html = readFileSync(run.out, "utf8");
    // The report shows each result as the call that reproduces it, with its chart.
    expect(html).toContain(`litml.profile(&quot;${file}&quot;, { target: &quot;people&quot; })`);
    expect(html).toContain("litml.leakage(");
    expect(html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(3);
    expect(html).not.toMatch(/\s(src|href)\s*=\s*["'](https?:)?\/\//i);
  }, 120_000);

  it("a leaky file (CO2 with its seasonally adjusted copy): leakage fails naming the column, exit 2", async () => {
    const run = await check(path.join(DATA, "co2-concentration.csv"), "--target", "CO2");
    expect(run.status).toBe(2);
    expect(run.verdicts.profile).toMatch(/^ok /);
    expect(run.verdicts.leakage).toMatch(/^FAIL .*"adjusted CO2" alone scores r2 0\.9\d+/);
    expect(run.stdout).toContain("litml check: failures;");
  }, 120_000);

  it("a drifted pair fails on drift alone: the same file against itself passes, exit 0 against 2", async () => {
    const { early, late } = gapminderEras();
    const same = await check(early, "--target", "life_expect", "--current", early);
    expect(same.status, same.stdout).toBe(0);
    expect(same.verdicts.drift).toMatch(/^ok No column drifted/);
    const drifted = await check(early, "--target", "life_expect", "--current", late);
    expect(drifted.status).toBe(2);
    expect(drifted.verdicts.drift).toMatch(/^FAIL Most columns drifted: \d of 6 .*"life_expect".*"fertility"/);
    expect(drifted.verdicts.baseline).toBe(same.verdicts.baseline);
  }, 120_000);

  it("a warning and nothing worse exits 1 (penguins: a few rows without Sex)", async () => {
    const run = await check(path.join(DATA, "penguins.json"), "--target", "Species");
    expect(run.status).toBe(1);
    expect(run.verdicts.profile).toMatch(/^warn .*"Sex" is missing in 11 of 344 rows/);
    expect(Object.values(run.verdicts).filter((v) => v.startsWith("FAIL"))).toEqual([]);
    // Island has three values: slices are taken by it without --by.
    expect(run.verdicts.slices).toMatch(/Island = /);
  }, 120_000);

  it.each([
    [["check", "no-such-file.csv", "--target", "y"], "litml: no-such-file.csv: no such file. Give a .csv, .tsv, .json, .arrow or .parquet file, or the name of a registered data set."],
    [["check", "README.md", "--target", "y"], "litml: README.md: litml cannot read this kind of file."],
    [["check", path.join(DATA, "co2-concentration.csv"), "--target", "co2"], 'litml: Unknown column "co2". Did you mean "CO2"?'],
    [["check", path.join(DATA, "co2-concentration.csv")], "litml check: it needs --target COL, the column to predict."],
  ])("%j cannot run: exit 3 (not a verdict's 1 or 2) and one sentence", async (args, sentence) => {
    const run = await litmlAsync(args);
    expect(run.status).toBe(3);
    expect(run.stderr.split("\n")[0]).toContain(sentence);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
