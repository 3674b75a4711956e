/**
 * The long-work contract (DESIGN.md): analyses report progress and check for
 * cancellation through this one context. The kernel installs a sink that updates a
 * display in place and an AbortSignal that its interrupt sets; scripts get stderr.
 * It lives on globalThis under a registered symbol so that the kernel and the cells
 * share it even if they loaded litml through different module loaders.
 */
// @ts-nocheck

import { message } from "../messages.js";

export interface ProgressUpdate {
  readonly id: string;
  readonly label: string;
  readonly done: number;
  readonly total: number;
  readonly finished: boolean;
  /** The first report of this piece of work: a front end creates its display, later ones update it. */
  readonly first: boolean;
  /** Seconds since the work started. */
  readonly elapsed: number;
}

export type ProgressSink = (update: ProgressUpdate) => void;

interface RuntimeContext {
  sink: ProgressSink;
  signal: AbortSignal | undefined;
  /** Above 0 while an analysis runs work of its own (model fits inside its folds): their progress stays silent. */
  quiet: number;
}

const KEY = Symbol.for("litml.runtime");

const stderrSink: ProgressSink = ({ label, done, total, finished }) => {
  process.stderr.write(`${label}: ${done}/${total}${finished ? " done" : ""}\n`);
};

function context(): RuntimeContext {
  const holder = globalThis as unknown as Record<symbol, RuntimeContext | undefined>;
  holder[KEY] ??= { sink: stderrSink, signal: undefined, quiet: 0 };
  return holder[KEY]!;
}

export function setProgressSink(sink: ProgressSink): void {
  context().sink = sink;
}

export function setCancellationSignal(signal: AbortSignal | undefined): void {
  context().signal = signal;
}

/** Throws a LitmlError if the user interrupted the cell. */
export function throwIfCancelled(what: string): void {
  if (context().signal?.aborted) throw message.cancelled(what);
}

/**
 * Runs work whose own progress would only clutter the caller's: an analysis already
 * shows one bar for its folds, so the boosting or training bars inside them stay quiet.
 */
export async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const ctx = context();
  ctx.quiet++;
  try {
    return await work();
  } finally {
    ctx.quiet--;
  }
}

let nextId = 0;

/**
 * Progress of one piece of long work: `step()` after each chunk yields to the event
 * loop (so messages leave the kernel and an interrupt can land) and stops the work if
 * the user interrupted. It shows nothing for work done within `quietSeconds` (a bar
 * that flashes past is noise), then reports at most every 100 ms.
 */
export class Progress {
  readonly id = `litml-progress-${process.pid}-${nextId++}`;
  private done = 0;
  private lastReport = 0;
  private reported = false;
  private readonly started = Date.now();

  constructor(
    readonly label: string,
    readonly total: number,
    private readonly quietSeconds = 1,
  ) {}

  async step(count = 1): Promise<void> {
    this.done += count;
    const now = Date.now();
    if (now - this.started >= this.quietSeconds * 1000 && now - this.lastReport >= 100) this.report(false);
    await new Promise<void>((resolve) => setImmediate(resolve));
    throwIfCancelled(this.label);
  }

  finish(): void {
    this.done = this.total;
    if (this.reported) this.report(true);
  }

  private report(finished: boolean): void {
    if (context().quiet > 0) return;
    this.lastReport = Date.now();
    const elapsed = (Date.now() - this.started) / 1000;
    context().sink({ id: this.id, label: this.label, done: this.done, total: this.total, finished, first: !this.reported, elapsed });
    this.reported = true;
  }
}
