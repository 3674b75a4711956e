/**
 * Printed output gathered into a few stream messages, as ipykernel does. A message per
 * write overflowed the iopub socket's high-water mark: zeromq then drops messages
 * silently, lines went missing and so did the cell's final `idle` status.
 */
// The kernel's own timer, not the cells' interruptible one (interruptible-timers.ts).
import { clearTimeout, setTimeout } from "node:timers";

type StreamName = "stdout" | "stderr";

/** Often enough that output of a slow cell reads as live. */
const INTERVAL_MS = 100;
/** One message stays small enough for a front end to render at once. */
const MAX_CHARS = 1 << 20;

export class StreamBatch {
  private name: StreamName | undefined;
  private text = "";
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly send: (name: StreamName, text: string) => void) {}

  write(name: StreamName, text: string): void {
    // stdout and stderr interleave in the order written, so a change of stream ends the batch.
    if (name !== this.name) this.flush();
    this.name = name;
    this.text += text;
    if (this.text.length >= MAX_CHARS) this.flush();
    else if (this.timer === undefined) this.timer = setTimeout(() => this.flush(), INTERVAL_MS).unref();
  }

  /** Sends what is gathered: called before any other message of the cell, so order is kept. */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const { name, text } = this;
    this.name = undefined;
    this.text = "";
    if (name !== undefined && text !== "") this.send(name, text);
  }
}
