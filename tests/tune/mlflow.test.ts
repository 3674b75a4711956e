/**
 * MLflow when outgrown: runs and registered models sent to a REAL MLflow tracking server
 * (started here from the Python given by LITML_MLFLOW_PYTHON, default the project venv)
 * and read back through MLflow's own Python client (`mlflow.MlflowClient`), the
 * independent reference: params, metrics with their intervals, tags, artifacts, model
 * versions and aliases. First the server is down: the run stays in .litml/, the error
 * says how to retry, and `syncMlflow()` sends it once the server is up.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const TMP = mkdtempSync(path.join(os.tmpdir(), "litml-mlflow-"));
process.env.LITML_STATE_DIR = path.join(TMP, "state");
delete process.env.LITML_TRACKING_URI;

import { load } from "../../src/data/convert.js";
import type { Dataset } from "../../src/data/dataset.js";
import { baseline } from "../../src/evaluate/baseline/index.js";
import { pipelineFor } from "../../src/features/default-pipeline.js";
import { FittedPipeline, loadPipeline } from "../../src/features/pipeline.js";
import { register, setStage } from "../../src/deploy/registry/index.js";
import { unpackArtifact } from "../../src/state/artifact.js";
import { selectArtifact } from "../../src/state/registry.js";
import { selectRuns } from "../../src/state/runs.js";
import { pushRun, pushRuns, pushVersion, syncMlflow } from "../../src/tune/tracking/mlflow.js";
import { tune } from "../../src/tune/search/index.js";
import { recordSearch } from "../../src/tune/tracking/candidates.js";
import { recordFit, recordResult, track } from "../../src/tune/tracking/record.js";
import { LitmlError } from "../../src/errors.js";
import { VENV_PYTHON } from "../helpers/python.js";

const PYTHON = process.env.LITML_MLFLOW_PYTHON ?? VENV_PYTHON;

const servers: ChildProcess[] = [];
let port: number;
let uri: string;
let penguins: Dataset;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

/** Starts `mlflow server` on `at` with `storage` (its artifact options) and waits for /health. */
async function startServer(at: number, storage: string[], name: string): Promise<ChildProcess> {
  const child = spawn(
    PYTHON,
    ["-m", "mlflow", "server", "--backend-store-uri", `sqlite:///${path.join(TMP, `${name}.db`)}`, ...storage, "--host", "127.0.0.1", "--port", String(at), "--workers", "1"],
    { cwd: TMP, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, OMP_NUM_THREADS: "1" }, detached: true },
  );
  servers.push(child);
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the MLflow server (${PYTHON} -m mlflow server) exited: ${log}`);
    try {
      if ((await fetch(`http://127.0.0.1:${at}/health`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the MLflow server did not answer /health within 150 s: ${log}`);
}

/** Runs `code` in a litml kernel's notebook API (dist/) with its own store; its last line of output and its stderr. */
function kernel(env: Record<string, string>, code: string): { out: unknown; stderr: string } {
  const entry = path.resolve("dist", "kernel-ext", "notebook-api.js");
  const script = `const litml = await import(${JSON.stringify(entry)});\n${code}`;
  const r = spawnSync(process.execPath, ["--disable-warning=ExperimentalWarning", "--input-type=module", "-e", script], {
    encoding: "utf8",
    env: { ...process.env, LITML_KERNEL: "1", JPY_SESSION_NAME: "k.ipynb", LITML_STATE_DIR: mkdtempSync(path.join(TMP, "kernel-")), ...env },
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return { out: JSON.parse(r.stdout.trim().split("\n").at(-1) as string), stderr: r.stderr };
}

/** Runs `code` with MLflow's own client on `client` (MlflowClient(uri)); `emit(value)` returns it. */
function mlflow<T>(code: string): { value: T; mlflow: string } {
  const prelude = `
import json, mlflow, tempfile, hashlib, os
client = mlflow.MlflowClient(${JSON.stringify(uri)})
def emit(value):
    print(json.dumps({"value": value, "mlflow": mlflow.__version__}))
`;
  const out = execFileSync(PYTHON, ["-c", prelude + code], { encoding: "utf8", env: { ...process.env, OMP_NUM_THREADS: "1", MLFLOW_TRACKING_URI: uri }, maxBuffer: 64 << 20 });
  const lines = out.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]);
}

beforeAll(async () => {
  penguins = await load("penguins");
  port = await freePort();
  uri = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const server of servers) {
    if (server.pid === undefined || server.exitCode !== null) continue;
    const exited = new Promise((r) => server.once("exit", r));
    process.kill(-server.pid, "SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (server.exitCode === null && server.signalCode === null) process.kill(-server.pid, "SIGKILL");
  }
});

describe("MLflow tracking server", () => {
  let down: number;
  let result: Awaited<ReturnType<typeof baseline>>;

  it("a server that is down: the run stays in .litml/ and the error says how to send it later", async () => {
    result = await baseline(penguins, { target: "Species", model: "logistic", folds: 3, seed: 4 });
    const run = recordResult(result, { notebook: "lessons/02-baselines.ipynb", cell: 7, params: { model: "logistic", folds: 3 } });
    down = run.id;
    const error = await pushRun(run, { uri, result }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LitmlError);
    expect((error as LitmlError).code).toBe("mlflow-unreachable");
    expect((error as Error).message).toContain(`MLflow at ${uri} did not take run #${run.id}`);
    expect((error as Error).message).toContain("kept in the local .litml/ store");
    expect((error as Error).message).toContain("litml.syncMlflow()");
    expect(selectRuns({ ids: [run.id] })[0].metrics).toEqual(run.metrics);
  });

  it("bad input: a URI that is not http(s), and no URI at all", async () => {
    await expect(pushRun(down, { uri: "localhost:5000" })).rejects.toThrow(/invalid tracking URI: "localhost:5000"; expected .*http:\/\/127\.0\.0\.1:5000/);
    await expect(pushRun(down)).rejects.toThrow(/LITML_TRACKING_URI=http:\/\/host:port/);
  });

  it("once the server is up, syncMlflow sends the run it missed, with its params, metrics, intervals, tags and result.json", async () => {
    await startServer(port, ["--artifacts-destination", path.join(TMP, "artifacts")], "mlflow");
    const sync = await syncMlflow({ uri });
    expect(sync.data).toMatchObject({ runs: 1, versions: 0, skipped: 0, artifacts: true });
    const local = selectRuns({ ids: [down] })[0];
    const interval = local.metrics.find((m) => m.low !== undefined)!;
    expect(interval).toBeDefined();
    const ref = mlflow<{ params: Record<string, string>; metrics: Record<string, number>; tags: Record<string, string>; status: string; experiment: string; artifacts: string[]; result: { kind: string; title: string; verdict: unknown } }>(`
runs = client.search_runs([client.get_experiment_by_name("litml").experiment_id], filter_string="tags.\`litml.run\` = '${down}'")
r = runs[0]
d = tempfile.mkdtemp()
p = client.download_artifacts(r.info.run_id, "result.json", d)
emit({"params": r.data.params, "metrics": r.data.metrics, "tags": r.data.tags, "status": r.info.status, "experiment": r.info.experiment_id,
      "artifacts": sorted(a.path for a in client.list_artifacts(r.info.run_id)), "result": json.load(open(p))})
`);
    const v = ref.value;
    expect(v.status).toBe("FINISHED");
    expect(v.params).toMatchObject({ model: "logistic", folds: "3" });
    for (const m of local.metrics) expect(v.metrics[m.name], m.name).toBe(m.value);
    expect(v.metrics[`${interval.name}_low`]).toBe(interval.low);
    expect(v.metrics[`${interval.name}_high`]).toBe(interval.high);
    expect(v.tags).toMatchObject({ "litml.notebook": "lessons/02-baselines.ipynb", "litml.cell": "7", "litml.kind": "baseline-comparison", "litml.run": String(down), "litml.version": local.litml, "mlflow.runName": local.name });
    expect(v.tags[`litml.data.${local.datasets[0].name}`]).toBe(`${local.datasets[0].hash} (${local.datasets[0].rows} rows)`);
    expect(v.artifacts).toEqual(["litml-run.json", "result.json"]);
    expect(v.result).toMatchObject({ kind: result.kind, title: result.title, verdict: result.verdict });
    // Sent once: a second sync finds nothing new.
    expect((await syncMlflow({ uri })).data).toMatchObject({ runs: 0, skipped: 1 });
  }, 200_000);

  it("track: { value, low, high } becomes NAME, NAME_low and NAME_high; odd characters in keys become _", async () => {
    const run = track("more trees", { auc: { value: 0.91, low: 0.88, high: 0.94 }, "log loss": 0.3, params: { C: 1, "depth:max": 4 }, note: "tried 200 trees" }, { notebook: "n.ipynb", cell: 3 });
    const pushed = await pushRun(run, { uri });
    expect(pushed.artifacts).toBe(true);
    const v = mlflow<{ params: Record<string, string>; metrics: Record<string, number>; name: string }>(`
r = client.get_run(${JSON.stringify(pushed.remote)})
emit({"params": r.data.params, "metrics": r.data.metrics, "name": r.info.run_name})
`).value;
    expect(v.name).toBe("more trees");
    expect(v.metrics).toEqual({ auc: 0.91, auc_low: 0.88, auc_high: 0.94, "log loss": 0.3 });
    expect(v.params).toEqual({ C: "1", depth_max: "4", note: "tried 200 trees" });
    // The same run again is not a second MLflow run.
    expect((await pushRun(run, { uri })).remote).toBe(pushed.remote);
  }, 60_000);

  it("a search: its candidates are child runs of the search's MLflow run (mlflow.parentRunId)", async () => {
    const result = await tune(penguins, { target: "Species", model: "logistic", space: { C: [0.1, 1] }, folds: 3, seed: 1 });
    const search = recordSearch(result, { params: { model: "logistic" } });
    const pushed = await pushRuns([search.run.id, ...search.candidates], { uri, result });
    const v = mlflow<{ parent: string | null; params: Record<string, string> }[]>(`
emit([{"parent": client.get_run(r).data.tags.get("mlflow.parentRunId"), "params": client.get_run(r).data.params} for r in ${JSON.stringify(pushed.map((p) => p.remote))}])
`).value;
    expect(v[0].parent).toBeNull();
    expect(v.slice(1).map((c) => c.parent)).toEqual(search.candidates.map(() => pushed[0].remote));
    expect(v.slice(1).map((c) => c.params.C)).toEqual(selectRuns({ ids: search.candidates }).map((r) => String(r.params.C)));
  }, 120_000);

  it("registered versions: model versions of the same name from their fit's run, the pipeline as an artifact, stages as aliases", async () => {
    const fitted = await pipelineFor("logistic").fit(penguins, "Species");
    const fit = recordFit(fitted, penguins.provenance());
    await register(fitted, { name: "penguins-species", run: fit.id, description: "logistic", metrics: { accuracy: { value: 0.97, low: 0.95, high: 0.99 } } });
    const first = await pushVersion("penguins-species@1", { uri });
    const second = await pipelineFor("tree", { maxDepth: 3 }).fit(penguins, "Species");
    await register(second, { name: "penguins-species", data: penguins });
    await setStage("penguins-species@1", "production");
    await pushVersion("penguins-species@2", { uri });
    await pushVersion("penguins-species@1", { uri });
    expect(first.remote).toBe("1");
    const check = `
m = client.get_registered_model("penguins-species")
out = {"aliases": m.aliases, "versions": {}}
for mv in client.search_model_versions("name='penguins-species'"):
    d = tempfile.mkdtemp()
    p = client.download_artifacts(mv.run_id, "model", d)
    files = sorted(os.listdir(p))
    blob = [f for f in files if f.endswith(".litml")][0]
    out["versions"][mv.version] = {"run_id": mv.run_id, "tags": mv.tags, "stage": mv.current_stage, "description": mv.description, "source": mv.source,
        "files": files, "path": os.path.join(p, blob), "sha256": hashlib.sha256(open(os.path.join(p, blob), "rb").read()).hexdigest(),
        "run_tags": client.get_run(mv.run_id).data.tags}
emit(out)
`;
    type Versions = { aliases: Record<string, string>; versions: Record<string, { run_id: string; tags: Record<string, string>; stage: string; description: string; source: string; files: string[]; path: string; sha256: string; run_tags: Record<string, string> }> };
    let v = mlflow<Versions>(check).value;
    expect(v.aliases).toEqual({ production: "1", staging: "2" });
    expect(v.versions["1"].stage).toBe("Production");
    expect(v.versions["1"].description).toBe("logistic");
    expect(v.versions["1"].tags).toMatchObject({ "litml.version": "1", "litml.model": "logistic", "litml.stage": "production", "metric.accuracy": "0.97", "metric.accuracy_low": "0.95", "metric.accuracy_high": "0.99" });
    // Lineage: the version's MLflow run is its fit's run.
    expect(v.versions["1"].run_tags).toMatchObject({ "litml.run": String(fit.id), "litml.kind": "fit" });
    expect(v.versions["2"].run_tags["litml.kind"]).toBe("register");
    expect(v.versions["1"].files).toEqual(["litml-version.json", "penguins-species-v1.litml"]);
    for (const n of [1, 2]) {
      expect(v.versions[String(n)].sha256).toBe(createHash("sha256").update(selectArtifact("penguins-species", n) as Buffer).digest("hex"));
      // The artifact MLflow hands back loads into the same pipeline.
      const loaded = loadPipeline(unpackArtifact(readFileSync(v.versions[String(n)].path)));
      expect(loaded).toBeInstanceOf(FittedPipeline);
      expect(Array.from(loaded.predict(penguins))).toEqual(Array.from((n === 1 ? fitted : second).predict(penguins)));
    }
    // Promoting 2 archives 1: the alias moves, 1 loses its alias and goes to Archived.
    await setStage("penguins-species@2", "production");
    await pushVersion("penguins-species@2", { uri });
    v = mlflow<Versions>(check).value;
    expect(v.aliases).toEqual({ production: "2" });
    expect(v.versions["1"].stage).toBe("Archived");
    expect(v.versions["1"].tags["litml.stage"]).toBe("archived");
    expect(v.versions["2"].stage).toBe("Production");
    // Nothing left to send.
    expect((await syncMlflow({ uri })).data).toMatchObject({ runs: 0, versions: 0, stages: 0 });
  }, 200_000);

  it("in the kernel: analyses, fits and registered models go to MLflow as they happen", async () => {
    const { out } = kernel(
      { LITML_MLFLOW_EXPERIMENT: "kernel" },
      `
      let bad;
      try { litml.tracking({ uri: "" }); } catch (e) { bad = e.message; }
      litml.tracking({ uri: ${JSON.stringify(uri)} });
      const penguins = await litml.load("penguins");
      await litml.baseline(penguins, { target: "Species", folds: 3 });
      const fitted = await litml.pipelineFor("logistic").fit(penguins, "Species");
      await litml.register(fitted, { name: "kernel-model" });
      await litml.setStage("kernel-model@1", "production");
      console.log(JSON.stringify({ bad, status: litml.tracking(true).verdict.text, runs: (await litml.runs()).data.runs.map((r) => [r.id, r.kind]) }));
      `,
    );
    expect((out as { status: string }).status).toContain(`also sent to MLflow at ${uri}`);
    expect((out as { bad: string }).bad).toContain('tracking: invalid uri: ""; expected the MLflow tracking server\'s address, e.g. litml.tracking({ uri: "http://127.0.0.1:5000" })');
    expect((out as { runs: unknown }).runs).toEqual([[1, "baseline-comparison"], [2, "fit"]]);
    const v = mlflow<{ runs: [string, string, string][]; production: string; run_kind: string }>(`
e = client.get_experiment_by_name("kernel")
runs = client.search_runs([e.experiment_id], order_by=["attributes.start_time ASC"])
mv = client.get_model_version_by_alias("kernel-model", "production")
emit({"runs": [[r.data.tags["litml.run"], r.data.tags["litml.kind"], r.data.tags.get("litml.notebook")] for r in runs], "production": mv.version, "run_kind": client.get_run(mv.run_id).data.tags["litml.kind"]})
`).value;
    expect(v.runs).toEqual([["1", "baseline-comparison", "k.ipynb"], ["2", "fit", "k.ipynb"]]);
    expect(v.production).toBe("1");
    expect(v.run_kind).toBe("fit");
  }, 200_000);

  it("in the kernel, a server that is down: the runs are kept, one warning says so and how to send them", async () => {
    const closed = await freePort();
    const { out, stderr } = kernel(
      { LITML_TRACKING_URI: `http://127.0.0.1:${closed}` },
      `
      const penguins = await litml.load("penguins");
      await litml.baseline(penguins, { target: "Species", folds: 3 });
      await litml.pipelineFor("logistic").fit(penguins, "Species");
      console.log(JSON.stringify((await litml.runs()).data.runs.map((r) => r.kind)));
      `,
    );
    expect(out).toEqual(["baseline-comparison", "fit"]);
    const warnings = stderr.split("\n").filter((l) => l.startsWith("litml: "));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`MLflow at http://127.0.0.1:${closed} did not take run #1`);
    expect(warnings[0]).toContain("kept in the local .litml/ store");
    expect(warnings[0]).toContain("litml.syncMlflow()");
  }, 120_000);
});

describe("an MLflow server that does not serve artifacts", () => {
  it("gets params, metrics and tags; the answer says artifacts were not sent and how to start the server so they are", async () => {
    const at = await freePort();
    await startServer(at, ["--default-artifact-root", path.join(TMP, "plain-artifacts"), "--no-serve-artifacts"], "plain");
    const run = track("plain", { auc: { value: 0.8, low: 0.7, high: 0.9 } });
    const pushed = await pushRun(run, { uri: `http://127.0.0.1:${at}` });
    expect(pushed.artifacts).toBe(false);
    const sync = await syncMlflow({ uri: `http://127.0.0.1:${at}` });
    expect(sync.verdict.level).toBe("warn");
    expect(sync.verdict.text).toContain("--artifacts-destination");
    const saved = uri;
    uri = `http://127.0.0.1:${at}`;
    const v = mlflow<{ metrics: Record<string, number>; artifacts: string[] }>(`
r = client.get_run(${JSON.stringify(pushed.remote)})
emit({"metrics": r.data.metrics, "artifacts": [a.path for a in client.list_artifacts(r.info.run_id)]})
`).value;
    uri = saved;
    expect(v).toEqual({ metrics: { auc: 0.8, auc_low: 0.7, auc_high: 0.9 }, artifacts: [] });
  }, 200_000);
});
