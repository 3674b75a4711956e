/**
 * `litml doctor`: checks what `litml run` and `litml lab` need, one line each, with the
 * command that fixes what is missing. Chromium is reported but optional: only the browser
 * tests use it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { packageRoot } from "../util/package-root.js";
import { stringOption, type Command, type ParsedArguments } from "./command.js";
import { choosePython, pythonOption } from "./python.js";

export const doctorCommand: Command = {
  name: "doctor",
  args: "",
  summary: "check the installation: Node, the venv, Jupyter, the kernelspec, the lab extension, Chromium",
  details: ["Exits 1 when something required is missing; Chromium (for the browser tests) is optional."],
  options: { python: pythonOption },
  positionals: { min: 0, max: 0 },
  run,
};

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  /** Missing but not needed to run notebooks. */
  readonly optional?: boolean;
  readonly detail: string;
  readonly fix?: string;
}

interface Probe {
  python: string;
  prefix: string;
  modules: Record<string, string | null>;
  kernel: { resource_dir: string; spec: { argv: string[] } } | null;
  labextensions: string[];
}

// One Python start answers every question about the Jupyter side.
const PROBE = `
import json, sys
out = {"python": sys.version.split()[0], "prefix": sys.prefix, "modules": {}, "kernel": None, "labextensions": []}
for name in ["jupyterlab", "nbclient", "nbformat", "jupyter_client"]:
    try:
        out["modules"][name] = getattr(__import__(name), "__version__", "?")
    except Exception:
        out["modules"][name] = None
try:
    from jupyter_client.kernelspec import KernelSpecManager
    out["kernel"] = KernelSpecManager().get_all_specs().get("litml")
except Exception:
    pass
try:
    from jupyter_core.paths import jupyter_path
    out["labextensions"] = jupyter_path("labextensions")
except Exception:
    pass
print(json.dumps(out))
`;

async function run(args: ParsedArguments): Promise<number> {
  const checks = diagnose(stringOption(args, "python"));
  const width = Math.max(...checks.map((c) => c.name.length));
  for (const check of checks) {
    const state = check.ok ? "ok     " : check.optional ? "absent " : "MISSING";
    const fix = check.ok || !check.fix ? "" : ` -> ${check.fix}`;
    console.log(`${state} ${check.name.padEnd(width)}  ${check.detail}${fix}`);
  }
  const missing = checks.filter((c) => !c.ok && !c.optional);
  console.log(missing.length === 0 ? "litml doctor: ready to run notebooks." : `litml doctor: ${missing.length} problem${missing.length > 1 ? "s" : ""} to fix (see above).`);
  return missing.length === 0 ? 0 : 1;
}

export function diagnose(givenPython: string | undefined): Check[] {
  const checks: Check[] = [nodeCheck()];
  const venvPython = path.resolve(".venv", "bin", "python");
  let python: string;
  try {
    python = choosePython(givenPython);
  } catch {
    python = givenPython!;
  }
  const setup = existsSync(path.join(packageRoot(), "scripts", "setup.mjs")) && packageRoot() === path.resolve(".");
  const makeVenv = setup ? "npm run setup" : "python3 -m venv .venv && .venv/bin/pip install jupyterlab nbclient";
  const probe = runProbe(python);
  if (probe === undefined) {
    checks.push({ name: "python", ok: false, detail: `cannot run ${python}`, fix: givenPython ? "pass --python with a working Python" : makeVenv });
  } else {
    checks.push({
      name: "python",
      ok: true,
      detail: `${python} (Python ${probe.python}${python === venvPython ? ", the project's .venv" : givenPython ? "" : "; no .venv here"})`,
    });
  }
  const lacking = probe ? Object.entries(probe.modules).filter(([, version]) => version === null).map(([name]) => name) : ["jupyterlab", "nbclient"];
  checks.push(
    lacking.length === 0
      ? { name: "jupyter", ok: true, detail: `JupyterLab ${probe!.modules.jupyterlab}, nbclient ${probe!.modules.nbclient}` }
      : { name: "jupyter", ok: false, detail: `lacks ${lacking.join(", ")}`, fix: probe ? `${python} -m pip install jupyterlab nbclient` : makeVenv },
  );
  const install = python === venvPython ? "litml install --prefix .venv" : "litml install --user";
  checks.push(kernelCheck(probe, install));
  checks.push(labCheck(probe, setup ? "npm run setup" : install));
  checks.push(chromiumCheck());
  return checks;
}

function nodeCheck(): Check {
  const wanted = /(\d+)\.(\d+)/.exec(JSON.parse(readFileSync(path.join(packageRoot(), "package.json"), "utf8")).engines?.node ?? "20.19")!;
  const [major, minor] = process.versions.node.split(".").map(Number) as [number, number];
  const need = [Number(wanted[1]), Number(wanted[2])] as const;
  const ok = major > need[0] || (major === need[0] && minor >= need[1]);
  return { name: "node", ok, detail: `${process.versions.node} (needs ${need.join(".")} or newer)`, fix: `install Node ${need.join(".")} or newer` };
}

function runProbe(python: string): Probe | undefined {
  const child = spawnSync(python, ["-c", PROBE], { encoding: "utf8", timeout: 60_000 });
  if (child.status !== 0) return undefined;
  try {
    return JSON.parse(child.stdout) as Probe;
  } catch {
    return undefined;
  }
}

function kernelCheck(probe: Probe | undefined, install: string): Check {
  const name = "kernelspec";
  if (!probe?.kernel) return { name, ok: false, detail: "no litml kernel in this Jupyter", fix: install };
  const argv = probe.kernel.spec.argv;
  const main = argv.find((a) => a.endsWith("main.js")) ?? "";
  const ours = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "kernel-ext", "main.js");
  if (!existsSync(argv[0]!) || !existsSync(main)) {
    return { name, ok: false, detail: `${probe.kernel.resource_dir} starts ${argv[0]} ${main}, which is gone`, fix: install };
  }
  if (path.resolve(main) !== path.resolve(ours)) {
    return { name, ok: false, detail: `${probe.kernel.resource_dir} starts another litml (${main})`, fix: install };
  }
  return { name, ok: true, detail: probe.kernel.resource_dir };
}

function labCheck(probe: Probe | undefined, fix: string): Check {
  const found = (probe?.labextensions ?? []).map((dir) => path.join(dir, "litml-lab")).find((dir) => existsSync(path.join(dir, "package.json")));
  return found
    ? { name: "lab extension", ok: true, detail: found }
    : { name: "lab extension", ok: false, detail: "litml-lab is not in this Jupyter (results still show as HTML)", fix };
}

function chromiumCheck(): Check {
  // The same default as the browser tests (tests/browser/chromium.ts).
  const chromium = process.env.LITML_CHROMIUM ?? "/usr/bin/chromium";
  return existsSync(chromium)
    ? { name: "chromium", ok: true, detail: chromium }
    : {
        name: "chromium",
        ok: false,
        optional: true,
        detail: `${chromium} not found (only the browser tests need it)`,
        fix: "apt-get install chromium (as root), or set LITML_CHROMIUM",
      };
}
