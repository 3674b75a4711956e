import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { litml, thisKernel } from "./litml.js";

const venvPython = path.resolve(".venv", "bin", "python");

/** Its lines by check name: [state, text]. */
function lines(stdout: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const line of stdout.split("\n")) {
    const match = /^(ok|MISSING|absent) +(node|python|jupyter|kernelspec|lab extension|chromium) +/.exec(line);
    if (match) found.set(match[2]!, line);
  }
  return found;
}

describe("litml doctor", () => {
  it("with this build's kernel in Jupyter's path, every required check is ok and it exits 0", () => {
    const fakeChromium = path.join(mkdtempSync(path.join(os.tmpdir(), "litml-chromium-")), "chromium");
    writeFileSync(fakeChromium, "#!/bin/sh\n");
    chmodSync(fakeChromium, 0o755);
    const run = litml(["doctor"], { env: { ...thisKernel(), LITML_CHROMIUM: fakeChromium } });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const checks = lines(run.stdout);
    expect([...checks.keys()]).toEqual(["node", "python", "jupyter", "kernelspec", "lab extension", "chromium"]);
    for (const line of checks.values()) expect(line).toMatch(/^ok /);
    expect(checks.get("python")).toContain(venvPython);
    expect(checks.get("kernelspec")).toContain(thisKernel().JUPYTER_PATH!);
    expect(checks.get("chromium")).toContain(fakeChromium);
  });

  it("a kernelspec that starts another checkout's kernel is a problem, with the install command", () => {
    // A kernelspec naming a main.js that is not this build's: the case of a venv shared by
    // two checkouts, where `litml run` would quietly run the other one's kernel.
    const jupyter = mkdtempSync(path.join(os.tmpdir(), "litml-other-"));
    const dir = path.join(jupyter, "kernels", "litml");
    const other = path.join(jupyter, "main.js");
    writeFileSync(other, "");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "kernel.json"), JSON.stringify({ argv: [process.execPath, other, "{connection_file}"], display_name: "litml", language: "typescript" }));
    const run = litml(["doctor"], { env: { ...process.env, JUPYTER_PATH: jupyter } });
    expect(run.status).toBe(1);
    expect(lines(run.stdout).get("kernelspec")).toMatch(new RegExp(`^MISSING kernelspec .*starts another litml \\(${other}\\) -> litml install --prefix \\.venv$`));
  });

  it("without a working Python, each Jupyter check is missing with the command that fixes it, and it exits 1", () => {
    const run = litml(["doctor", "--python", "/nonexistent/python"], { env: { ...process.env, LITML_CHROMIUM: "/nonexistent/chromium" } });
    expect(run.status).toBe(1);
    const checks = lines(run.stdout);
    expect(checks.get("node")).toMatch(/^ok /);
    expect(checks.get("python")).toMatch(/^MISSING python +cannot run \/nonexistent\/python -> pass --python with a working Python$/);
    expect(checks.get("jupyter")).toMatch(/^MISSING jupyter +lacks jupyterlab, nbclient -> /);
    expect(checks.get("kernelspec")).toMatch(/^MISSING kernelspec +no litml kernel in this Jupyter -> litml install --user$/);
    expect(checks.get("lab extension")).toMatch(/^MISSING lab extension .* -> npm run setup$/);
    // Chromium only serves the browser tests: reported, never the reason for exit 1.
    expect(checks.get("chromium")).toMatch(/^absent +chromium +\/nonexistent\/chromium not found .* -> apt-get install chromium/);
    expect(run.stdout).toContain("litml doctor: 4 problems to fix");
  });
});
