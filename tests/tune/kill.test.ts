/**
 * A kill -9 in the middle of a write loses no earlier run and corrupts nothing: a node
 * process writes runs in a loop (each a transaction of a run and 20 metrics, with a large
 * params blob so writes take time and the WAL checkpoints), printing each run's id only
 * after its commit; it is killed with SIGKILL at a random moment, 36 times over one store.
 * After each kill the store passes `PRAGMA integrity_check` and every run a process
 * reported is there with all its metrics.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const KILLS = 36;
const METRICS = 20;
const dir = mkdtempSync(path.join(os.tmpdir(), "litml-kill-"));
const runsModule = path.resolve("dist", "src", "state", "runs.js");

const writer = `
import { writeSync } from "node:fs";
import { insertRun } from ${JSON.stringify(runsModule)};
const tag = process.argv[1];
for (let i = 0; ; i++) {
  const metrics = Array.from({ length: ${METRICS} }, (_, m) => ({ name: "m" + m, value: i * 1000 + m, low: i, high: i + m }));
  const run = insertRun({ kind: "track", name: tag + ":" + i, params: { i, pad: "x".repeat(20000 + (i % 7) * 10000) }, metrics, litml: "kill-test" });
  writeSync(1, run.id + " " + i + "\\n");
}
`;

function writeAndKill(tag: string, delayMs: number): Promise<{ reported: [number, number][]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", writer, tag], { env: { ...process.env, LITML_STATE_DIR: dir }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      // Writing has started: kill it at a random moment from now.
      timer ??= setTimeout(() => child.kill("SIGKILL"), delayMs);
    });
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      clearTimeout(timer);
      if (signal !== "SIGKILL") return reject(new Error(`the writer stopped by itself: ${err}`));
      // A line cut short by the kill was not reported.
      const lines = out.split("\n").filter((line) => /^\d+ \d+$/.test(line));
      resolve({ reported: lines.map((line) => line.split(" ").map(Number) as [number, number]), signal });
    });
  });
}

describe("a tracking process killed with SIGKILL", () => {
  it(`loses no committed run and corrupts nothing, ${KILLS} kills at random points`, async () => {
    const Database = createRequire(import.meta.url)("better-sqlite3") as typeof import("better-sqlite3");
    const delays: number[] = [];
    let total = 0;
    for (let k = 0; k < KILLS; k++) {
      const delay = Math.round(Math.random() * 250);
      delays.push(delay);
      const tag = `p${k}`;
      const { reported } = await writeAndKill(tag, delay);
      total += reported.length;
      const db = new Database(path.join(dir, "state.db"));
      try {
        expect(db.pragma("integrity_check", { simple: true }), `after kill ${k} (delays ${delays.join(",")})`).toBe("ok");
        const runs = db.prepare("SELECT id, name, params FROM runs WHERE name LIKE ?").all(`${tag}:%`) as { id: number; name: string; params: string }[];
        const byId = new Map(runs.map((r) => [r.id, r]));
        for (const [id, i] of reported) {
          const run = byId.get(id);
          expect(run?.name, `run ${id} reported by process ${k}`).toBe(`${tag}:${i}`);
          expect((JSON.parse(run!.params) as { i: number }).i).toBe(i);
          const metrics = db.prepare("SELECT name, value, low, high FROM run_metrics WHERE run_id = ? ORDER BY rowid").all(id);
          expect(metrics).toEqual(Array.from({ length: METRICS }, (_, m) => ({ name: `m${m}`, value: i * 1000 + m, low: i, high: i + m })));
        }
        // Nothing half-written either: every run in the store has all its metrics.
        const partial = db.prepare("SELECT r.id FROM runs r LEFT JOIN run_metrics m ON m.run_id = r.id GROUP BY r.id HAVING COUNT(m.run_id) <> ?").all(METRICS);
        expect(partial).toEqual([]);
      } finally {
        db.close();
      }
    }
    expect(total).toBeGreaterThan(KILLS);
  }, 240_000);
});
