/**
 * Jupyter comms (messaging spec, "custom messages"), which tslab lacks: a channel between
 * kernel code and a front-end widget. Either side opens one by target name; both send
 * `comm_msg`; either closes it. The server feeds this registry the front end's
 * comm_open / comm_msg / comm_close (in order, between cells, each in busy/idle) and
 * answers comm_info_request from it; kernel code opens comms and registers targets here.
 *
 * The registry is one per process, kept on globalThis: the notebook reaches it through
 * its own `litml` import, which need not be the module instance the server loaded.
 */
import { randomUUID } from "node:crypto";

export type CommData = Record<string, unknown>;
export type CommMessageType = "comm_open" | "comm_msg" | "comm_close";

/** How the registry reaches the front end: the server publishes on iopub in reply to the current request. */
export type CommSink = (type: CommMessageType, content: Record<string, unknown>) => void;

export type CommHandler = (data: CommData, comm: Comm) => void | Promise<void>;

/** What kernel code does when the front end opens a comm to a target it registered. */
export type CommTarget = (comm: Comm, data: CommData) => void | Promise<void>;

export class Comm {
  private messageHandler: CommHandler | undefined;
  private closeHandler: ((data: CommData) => void) | undefined;
  private closed = false;

  constructor(
    readonly id: string,
    readonly target: string,
    private readonly registry: CommRegistry,
  ) {}

  get isOpen(): boolean {
    return !this.closed;
  }

  send(data: CommData): void {
    if (this.closed) throw new Error(`comm ${this.id} (${this.target}) is closed`);
    this.registry.publish("comm_msg", { comm_id: this.id, data });
  }

  close(data: CommData = {}): void {
    if (this.closed) return;
    this.registry.publish("comm_close", { comm_id: this.id, data });
    this.registry.forget(this.id);
    this.closed = true;
  }

  onMessage(handler: CommHandler): void {
    this.messageHandler = handler;
  }

  onClose(handler: (data: CommData) => void): void {
    this.closeHandler = handler;
  }

  /** A message from the front end; the registry catches what this throws. */
  async receive(data: CommData): Promise<void> {
    await this.messageHandler?.(data, this);
  }

  /** The front end closed it. */
  closedByFrontEnd(data: CommData): void {
    this.closed = true;
    this.closeHandler?.(data);
  }
}

export class CommRegistry {
  private readonly comms = new Map<string, Comm>();
  private readonly targets = new Map<string, CommTarget>();
  private sink: CommSink | undefined;

  constructor(private log: (text: string) => void = (text) => process.stderr.write(text + "\n")) {}

  /** The server connects the registry to iopub and to the kernel's log. */
  attach(sink: CommSink, log?: (text: string) => void): void {
    this.sink = sink;
    if (log) this.log = log;
  }

  publish(type: CommMessageType, content: Record<string, unknown>): void {
    if (!this.sink) throw new Error("comms need a Jupyter front end: this kernel has no server attached");
    this.sink(type, content);
  }

  /** Opens a comm from the kernel: the front end's handler for `target` receives `data`. */
  open(target: string, data: CommData = {}, metadata: CommData = {}): Comm {
    const comm = new Comm(randomUUID().replaceAll("-", ""), target, this);
    this.publish("comm_open", { comm_id: comm.id, target_name: target, data, metadata });
    this.comms.set(comm.id, comm);
    return comm;
  }

  registerTarget(name: string, target: CommTarget): void {
    this.targets.set(name, target);
  }

  unregisterTarget(name: string): void {
    this.targets.delete(name);
  }

  forget(id: string): void {
    this.comms.delete(id);
  }

  /** comm_info_reply's `comms`: every open comm, or those of one target. */
  info(targetName?: string): Record<string, { target_name: string }> {
    const out: Record<string, { target_name: string }> = {};
    for (const comm of this.comms.values()) {
      if (targetName === undefined || targetName === "" || comm.target === targetName) out[comm.id] = { target_name: comm.target };
    }
    return out;
  }

  /** The front end opened a comm: an unknown target gets it closed at once, as ipykernel does. */
  async handleOpen(content: Record<string, unknown>): Promise<void> {
    const id = String(content.comm_id ?? "");
    const targetName = String(content.target_name ?? "");
    const target = this.targets.get(targetName);
    if (id === "") return this.log("litml kernel: comm_open without a comm_id");
    if (!target) {
      this.log(`litml kernel: no comm target named "${targetName}"; closing comm ${id}`);
      this.publish("comm_close", { comm_id: id, data: {} });
      return;
    }
    const comm = new Comm(id, targetName, this);
    this.comms.set(id, comm);
    try {
      await target(comm, dataOf(content));
    } catch (error) {
      this.failed(comm, "opening", error);
    }
  }

  async handleMessage(content: Record<string, unknown>): Promise<void> {
    const comm = this.comms.get(String(content.comm_id ?? ""));
    if (!comm) {
      // A front end that outlived this kernel (restarted behind its back) learns its comm is gone.
      this.log(`litml kernel: comm_msg for unknown comm ${String(content.comm_id)}; closing it`);
      if (typeof content.comm_id === "string" && content.comm_id !== "") this.publish("comm_close", { comm_id: content.comm_id, data: {} });
      return;
    }
    try {
      await comm.receive(dataOf(content));
    } catch (error) {
      this.failed(comm, "handling a message of", error);
    }
  }

  handleClose(content: Record<string, unknown>): void {
    const id = String(content.comm_id ?? "");
    const comm = this.comms.get(id);
    if (!comm) return this.log(`litml kernel: comm_close for unknown comm ${id}`);
    this.comms.delete(id);
    try {
      comm.closedByFrontEnd(dataOf(content));
    } catch (error) {
      this.log(`litml kernel: closing comm ${id} (${comm.target}) failed: ${describe(error)}`);
    }
  }

  /** An error in a comm's handler: logged, and shown to the widget (which lives on), never thrown. */
  private failed(comm: Comm, doing: string, error: unknown): void {
    const text = `${doing} comm ${comm.target} failed: ${describe(error)}`;
    this.log(`litml kernel: ${text}`);
    if (!comm.isOpen) return;
    try {
      comm.send({ type: "error", text: describe(error) });
    } catch (sendError) {
      this.log(`litml kernel: could not tell comm ${comm.id} of the error: ${describe(sendError)}`);
    }
  }
}

function dataOf(content: Record<string, unknown>): CommData {
  const data = content.data;
  return data !== null && typeof data === "object" && !Array.isArray(data) ? (data as CommData) : {};
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const KEY = Symbol.for("litml.comms");

/** This process's comm registry. */
export function comms(): CommRegistry {
  const holder = globalThis as { [KEY]?: CommRegistry };
  return (holder[KEY] ??= new CommRegistry());
}
