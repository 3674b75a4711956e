/**
 * Independent fits on every core: a pool of worker threads that fits the folds of the
 * validation engine (runFolds, and through it every out-of-fold analysis and learning
 * curve) and scores tune's candidates fold by fold. `LITML_THREADS` sets its size (default
 * `os.availableParallelism()`; 1 fits in the calling thread, as before the pool existed).
 *
 * Each run sends its data set once (columns in SharedArrayBuffers, shared by the workers
 * without a copy), then one task per fold: the pipeline's spec and the fold's rows. A
 * worker rebuilds the pipeline with the same constructors and params, so its numbers are
 * those of the calling thread, bit for bit. Results come back in fold order whatever order
 * they finish in. An interrupt terminates the workers within the 50 ms the run waits
 * between checks; a worker that dies fails the run with a LitmlError naming what it fitted.
 * Idle workers stay alive for the next run but never keep the process from exiting.
 *
 * Measured (a worker that only acknowledges the data set, fastest of 5): flights-200k
 * costs 3.0 ms per worker by structured clone and 2.2 ms once by SharedArrayBuffer;
 * flights-3m 202 ms per worker and 130 ms once, and a cloned copy per worker holds its
 * own copy of the columns (up to 168 MB) where the shared one holds none.
 */
import { existsSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { isMainThread, Worker } from "node:worker_threads";
import type { Dataset } from "../data/dataset.js";
import type { Matrix } from "../data/matrix.js";
import { LitmlError } from "../errors.js";
import { message } from "../messages.js";
import type { Predictions } from "../metrics/registry.js";
import type { Target, Task } from "../models/contract.js";
import { type Progress, throwIfCancelled } from "../runtime/context.js";
import { packDataset, type PackedDataset, type PipelineSpec } from "./pool-spec.js";

/** The pool's size: LITML_THREADS if set, else every core. */
export function poolThreads(): number {
  const given = process.env.LITML_THREADS;
  if (given === undefined || given.trim() === "") return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  const n = Number(given);
  if (!Number.isInteger(n) || n < 1) throw message.badThreads(given);
  return n;
}

interface TaskBase {
  readonly task: number;
  readonly dataset: number;
  readonly spec: PipelineSpec;
  readonly target: string;
  readonly train: Int32Array;
  readonly test: Int32Array;
}

export type PoolTask = (TaskBase & { readonly kind: "fold"; readonly fold: number; readonly withProba: boolean }) | (TaskBase & { readonly kind: "candidates"; readonly candidates: readonly object[]; readonly metric: string; readonly targetKind: Task })
  /** A learning curve's fold: `train` is the fold's training rows in the shuffled order whose prefixes are the sizes. */
  | (TaskBase & { readonly kind: "curve"; readonly sizes: readonly number[]; readonly metric: string; readonly targetKind: Task });

export type PoolRequest = { readonly kind: "dataset"; readonly id: number; readonly dataset: PackedDataset } | { readonly kind: "release" } | PoolTask;

export interface WorkerError {
  readonly litml: boolean;
  readonly code?: string;
  readonly name: string;
  readonly message: string;
}

export type PoolReply =
  | { readonly kind: "fold"; readonly task: number; readonly truth: Target; readonly predictions: Predictions; readonly fitSeconds: number; readonly predictSeconds: number }
  | { readonly kind: "candidates"; readonly task: number; readonly scores: number[]; readonly fitSeconds: number[]; readonly failures: number; readonly firstError?: WorkerError }
  | { readonly kind: "curve"; readonly task: number; readonly train: number[]; readonly validation: number[] }
  | { readonly kind: "error"; readonly task: number; readonly error: WorkerError };

/** The buffers of a reply, moved to the receiving thread rather than copied. */
export function transferablesOf(reply: PoolReply): ArrayBuffer[] {
  if (reply.kind !== "fold") return [];
  const arrays: (Int32Array | Float64Array | undefined)[] = [reply.predictions.labels, reply.predictions.values, (reply.predictions.proba as Matrix | undefined)?.data];
  arrays.push(reply.truth.kind === "classification" ? reply.truth.codes : reply.truth.values);
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) if (a && a.buffer instanceof ArrayBuffer && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength) buffers.add(a.buffer);
  return [...buffers];
}

/** The same error the worker threw: a LitmlError keeps its code and message. */
export function errorFrom(error: WorkerError): Error {
  if (error.litml) return new LitmlError(error.code ?? "error", error.message);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}

interface Slot {
  readonly worker: Worker;
  /** The data set id the worker holds. */
  dataset: number;
  busy: boolean;
  onReply?: (reply: PoolReply) => void;
  onFailure?: (error: Error) => void;
}

const slots: Slot[] = [];
let running = false;
let nextDataset = 0;
let nextTask = 0;

/** The worker script: next to this module when built; under dist/ when litml runs from its TypeScript sources (vitest). */
function workerScript(): URL | undefined {
  const here = new URL("./pool-worker.js", import.meta.url);
  if (here.protocol !== "file:") return undefined;
  if (existsSync(fileURLToPath(here))) return here;
  const built = new URL(import.meta.url.replace(/\/src\/validate\/pool\.ts$/, "/dist/src/validate/pool-worker.js"));
  return built.href !== import.meta.url && existsSync(fileURLToPath(built)) ? built : undefined;
}

/**
 * Whether runs can go to worker threads here: more than one thread asked for, a worker
 * script to start, and not already in a worker. Run from its TypeScript sources (vitest),
 * litml uses the pool only when LITML_THREADS asks for it: the workers would run the built
 * dist/, which may lag the sources being tested.
 */
export function poolAvailable(): boolean {
  if (import.meta.url.endsWith(".ts") && (process.env.LITML_THREADS ?? "").trim() === "") return false;
  // Deno's worker_threads is a compatibility layer the pool has not been tested on: fit in this thread there.
  if ("Deno" in globalThis) return false;
  // One run at a time: a run started while another holds the workers (two analyses awaited together) fits in this thread.
  return !running && isMainThread && poolThreads() > 1 && workerScript() !== undefined;
}

/** The pool's live workers (for tests and diagnostics). */
export function poolWorkers(): readonly Worker[] {
  return slots.map((s) => s.worker);
}

/** Terminates every worker; the next run starts new ones. */
export async function closePool(): Promise<void> {
  const dying = slots.splice(0, slots.length);
  await Promise.all(dying.map((s) => s.worker.terminate()));
}

/** Flags of this process a worker cannot take: a worker runs a file, never `--eval` text (as in `node --input-type=module --eval …`). */
const SCRIPT_ONLY = /^(--input-type|--eval|-e|--print|-p)(=|$)/;

/** This process's flags without the script-only ones (and the value that follows one given without `=`). */
function workerFlags(flags: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    const match = SCRIPT_ONLY.exec(flags[i]);
    if (!match) kept.push(flags[i]);
    else if (match[2] === "") i++;
  }
  return kept;
}

function startSlot(script: URL): Slot {
  const worker = new Worker(script, { execArgv: workerFlags(process.execArgv) });
  const slot: Slot = { worker, dataset: -1, busy: false };
  worker.unref();
  worker.on("message", (reply: PoolReply) => slot.onReply?.(reply));
  worker.on("error", (error: Error) => slot.onFailure?.(error));
  worker.on("exit", (code) => {
    const at = slots.indexOf(slot);
    if (at >= 0) slots.splice(at, 1);
    slot.onFailure?.(new Error(`it exited with code ${code}`));
  });
  slots.push(slot);
  return slot;
}

type Outcome<R> = { readonly task: number; readonly reply: R } | { readonly error: Error };

/**
 * Runs `tasks` (each without its task and dataset ids) on the pool and hands each reply
 * to `onReply` in the tasks' order, stepping `progress` once per task (or `weights[i]`
 * steps). `what` names the work in errors and interrupts.
 */
export async function runOnPool<R extends PoolReply>(
  dataset: Dataset,
  tasks: readonly Omit<PoolTask, "task" | "dataset">[],
  what: string,
  onReply: (index: number, reply: R) => void,
  progress?: Progress,
  weights?: readonly number[],
): Promise<void> {
  const script = workerScript();
  if (script === undefined) throw message.workerFailed(what, "no worker script was found; build litml");
  if (running) throw message.workerFailed(what, "the pool is busy with another run");
  running = true;
  const size = Math.min(poolThreads(), tasks.length);
  const used: Slot[] = [];
  const datasetId = nextDataset++;
  const outcomes: Outcome<R>[] = [];
  let wake: (() => void) | undefined;
  const push = (outcome: Outcome<R>) => {
    outcomes.push(outcome);
    wake?.();
  };
  const first = nextTask;
  nextTask += tasks.length;
  let queued = 0;
  const dispatch = (slot: Slot) => {
    if (queued >= tasks.length) {
      slot.busy = false;
      slot.worker.unref();
      return;
    }
    const index = queued++;
    if (slot.dataset !== datasetId) {
      slot.worker.postMessage({ kind: "dataset", id: datasetId, dataset: packed! } satisfies PoolRequest);
      slot.dataset = datasetId;
    }
    slot.busy = true;
    slot.worker.ref();
    slot.worker.postMessage({ ...tasks[index], task: first + index, dataset: datasetId } as PoolTask);
  };
  let packed: PackedDataset | undefined;
  const listen = (slot: Slot) => {
    slot.onReply = (reply) => {
      if (reply.task < first || reply.task >= first + tasks.length) return;
      if (reply.kind === "error") push({ error: errorFrom(reply.error) });
      else push({ task: reply.task - first, reply: reply as R });
      dispatch(slot);
    };
    slot.onFailure = (error) => {
      if (slot.busy) push({ error: message.workerFailed(what, error.message) });
    };
  };
  const replies = new Array<R | undefined>(tasks.length);
  let handed = 0;
  let received = 0;
  try {
    packed = packDataset(dataset);
    while (slots.length < size) startSlot(script);
    used.push(...slots.slice(0, size));
    for (const slot of used) {
      listen(slot);
      dispatch(slot);
    }
    while (received < tasks.length) {
      if (outcomes.length === 0) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, 50);
        });
        clearTimeout(timer);
        wake = undefined;
      }
      throwIfCancelled(what);
      while (outcomes.length > 0) {
        const outcome = outcomes.shift()!;
        if ("error" in outcome) throw outcome.error;
        replies[outcome.task] = outcome.reply;
        received++;
        await progress?.step(weights?.[outcome.task] ?? 1);
      }
      // In the tasks' order: a caller that assembles results sees the same sequence as in one thread.
      while (handed < tasks.length && replies[handed] !== undefined) {
        onReply(handed, replies[handed]!);
        replies[handed] = undefined;
        handed++;
      }
    }
  } catch (error) {
    // Interrupted, or a fit failed: the other workers' fits are of no use now, stop them.
    await closePool();
    throw error;
  } finally {
    running = false;
    for (const slot of used) {
      slot.onReply = undefined;
      slot.onFailure = undefined;
      // An idle worker keeps no data set alive: each run sends its own.
      if (slots.includes(slot)) {
        slot.worker.postMessage({ kind: "release" } satisfies PoolRequest);
        slot.dataset = -1;
      }
    }
  }
}
