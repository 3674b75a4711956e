/**
 * A Jupyter server from the project's venv on 127.0.0.1, serving one folder, for the browser
 * tests. With `labExtension: false` it starts with litml's lab extension disabled through a
 * private config folder's page_config.json, which is how a person without the extension
 * sees litml outputs.
 */
// @ts-nocheck

import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { LAB_EXTENSION_NAME } from "../../kernel-ext/labextension.js";

export interface JupyterServer {
  readonly base: string;
  readonly token: string;
  url(page: string): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(base: string, token: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`jupyter server exited (${child.exitCode}):\n${log()}`);
    try {
      const response = await fetch(`${base}/api/status`, { headers: { Authorization: `token ${token}` } });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`jupyter server did not answer within 60 s:\n${log()}`);
}

export async function startJupyter(rootDir: string, options: { labExtension: boolean }): Promise<JupyterServer> {
  const port = await freePort();
  const token = randomBytes(16).toString("hex");
  // Settings (the dark-theme test changes one) and workspaces stay out of the user's own folders;
  // the news prompt (which would cover part of every screenshot) is answered "no" up front.
  const settingsDir = mkdtempSync(path.join(os.tmpdir(), "litml-lab-settings-"));
  mkdirSync(path.join(settingsDir, "@jupyterlab", "apputils-extension"), { recursive: true });
  writeFileSync(path.join(settingsDir, "@jupyterlab", "apputils-extension", "notification.jupyterlab-settings"), JSON.stringify({ fetchNews: "false" }));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    JUPYTERLAB_SETTINGS_DIR: settingsDir,
    JUPYTERLAB_WORKSPACES_DIR: mkdtempSync(path.join(os.tmpdir(), "litml-lab-workspaces-")),
    JUPYTER_RUNTIME_DIR: mkdtempSync(path.join(os.tmpdir(), "litml-jupyter-runtime-")),
  };
  if (!options.labExtension) {
    const configDir = mkdtempSync(path.join(os.tmpdir(), "litml-jupyter-config-"));
    mkdirSync(path.join(configDir, "labconfig"));
    writeFileSync(path.join(configDir, "labconfig", "page_config.json"), JSON.stringify({ disabledExtensions: { [LAB_EXTENSION_NAME]: true } }));
    env.JUPYTER_CONFIG_DIR = configDir;
  }
  const child = spawn(
    path.resolve(".venv", "bin", "jupyter"),
    [
      "lab",
      "--no-browser",
      "--ServerApp.ip=127.0.0.1",
      `--ServerApp.port=${port}`,
      "--ServerApp.port_retries=0",
      `--ServerApp.root_dir=${rootDir}`,
      `--IdentityProvider.token=${token}`,
      "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
      // CI machines run as root, which Jupyter refuses unless told.
      ...(process.getuid?.() === 0 ? ["--allow-root"] : []),
    ],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  await waitUntilUp(base, token, child, () => output);
  return {
    base,
    token,
    url: (page) => `${base}${page}${page.includes("?") ? "&" : "?"}token=${token}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
