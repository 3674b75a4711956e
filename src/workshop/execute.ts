/**
 * Execute notebooks with the litml kernel through the venv's nbclient, carrying on
 * past failing cells (a crashed solution must still let its checks report), in one
 * Python process for the whole batch. The main job's execute.py stops at the first
 * error, which would hide every later exercise's score, hence this script.
 */
import { spawnSync } from "node:child_process";

const SCRIPT = String.raw`
import json, os, sys
import nbformat
from nbclient import NotebookClient
jobs = json.load(sys.stdin)
for job in jobs:
    status = {"source": job["source"], "ok": True}
    try:
        notebook = nbformat.read(job["source"], as_version=4)
        os.environ["JPY_SESSION_NAME"] = os.path.abspath(job["source"])
        client = NotebookClient(notebook, kernel_name="litml", timeout=job["timeout"], startup_timeout=120,
                                allow_errors=True, interrupt_on_timeout=True,
                                resources={"metadata": {"path": job["workdir"]}})
        client.execute()
        nbformat.write(notebook, job["target"])
    except Exception as error:
        status = {"source": job["source"], "ok": False, "error": (type(error).__name__ + ": " + str(error)).splitlines()[0][:300]}
    print(json.dumps(status), flush=True)
`;

export interface ExecuteJob {
  readonly source: string;
  readonly target: string;
  readonly workdir: string;
}

export interface ExecuteOptions {
  readonly python: string;
  readonly timeoutSeconds: number;
  /** Extra environment, e.g. JUPYTER_PATH for a kernelspec installed elsewhere. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Per job, undefined when it ran, else why it could not run. */
export function executeNotebooks(jobs: readonly ExecuteJob[], options: ExecuteOptions): (string | undefined)[] {
  if (jobs.length === 0) return [];
  const child = spawnSync(options.python, ["-c", SCRIPT], {
    input: JSON.stringify(jobs.map((j) => ({ ...j, timeout: options.timeoutSeconds }))),
    encoding: "utf8",
    env: { ...process.env, ...options.env },
    maxBuffer: 64 << 20,
  });
  if (child.error) return jobs.map(() => `${options.python} could not be started (${child.error!.message}); run npm run setup, or pass another Python`);
  const statuses = new Map<string, string | undefined>();
  for (const line of child.stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    const status = JSON.parse(line) as { source: string; ok: boolean; error?: string };
    statuses.set(status.source, status.ok ? undefined : status.error);
  }
  const why = child.stderr.trim().split("\n").pop() || `exit ${child.status}`;
  return jobs.map((j) => (statuses.has(j.source) ? statuses.get(j.source) : `the executor stopped before it (${why})`));
}
