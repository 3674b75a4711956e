/**
 * The labeller's comms on the page. The plugin registers the comm target `litml-labeler`
 * on every notebook's kernel; each comm the kernel opens lands here with its first state,
 * and the labeller's renderer (a MIME renderer, with no kernel of its own) finds it by the
 * comm id its bundle names. Kept on window: the plugin and the MIME extension are loaded
 * as two entry points and must share one registry.
 */
import type { Kernel, KernelMessage } from "@jupyterlab/services";

export const LABELER_TARGET = "litml-labeler";

export type LabelerMessage = Record<string, unknown>;

export interface LabelerChannel {
  readonly id: string;
  /** The latest full state the kernel sent (the open message's, then each batch's). */
  latest: LabelerMessage | undefined;
  closed: boolean;
  send(data: LabelerMessage): void;
  listen(listener: (data: LabelerMessage) => void): () => void;
}

interface Registry {
  channels: Map<string, LabelerChannel>;
  waiters: Map<string, ((channel: LabelerChannel) => void)[]>;
}

const KEY = Symbol.for("litml.labeler-comms");

function registry(): Registry {
  const holder = window as unknown as Record<symbol, Registry | undefined>;
  return (holder[KEY] ??= { channels: new Map(), waiters: new Map() });
}

/** A restart or a dead kernel disposes its comms without closing them: the widget is told here instead. */
const ENDED: readonly Kernel.Status[] = ["restarting", "autorestarting", "dead"];

/** The comm target's handler: wraps the comm as a channel and hands it to any renderer waiting for it. */
export function adoptComm(kernel: Kernel.IKernelConnection, comm: Kernel.IComm, open: KernelMessage.ICommOpenMsg): void {
  const listeners = new Set<(data: LabelerMessage) => void>();
  const initial = open.content.data as LabelerMessage;
  const channel: LabelerChannel = {
    id: comm.commId,
    latest: initial.state as LabelerMessage | undefined,
    closed: false,
    send: (data) => {
      if (channel.closed || comm.isDisposed) throw new Error("the labeller's connection to its kernel has ended");
      comm.send(data as never);
    },
    listen: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  comm.onMsg = (msg) => {
    const data = msg.content.data as LabelerMessage;
    if (data.type === "state") channel.latest = data.state as LabelerMessage;
    for (const listener of listeners) listener(data);
  };
  const close = () => {
    if (channel.closed) return;
    channel.closed = true;
    kernel.statusChanged.disconnect(onStatus);
    for (const listener of listeners) listener({ type: "closed" });
  };
  const onStatus = (_: unknown, status: Kernel.Status) => {
    if (ENDED.includes(status)) close();
  };
  kernel.statusChanged.connect(onStatus);
  comm.onClose = close;
  const { channels, waiters } = registry();
  channels.set(channel.id, channel);
  for (const resolve of waiters.get(channel.id) ?? []) resolve(channel);
  waiters.delete(channel.id);
}

/** The channel of comm `id`, waiting up to `timeoutMs` for its comm_open (it may still be on its way); undefined if it never comes. */
export function channelOf(id: string, timeoutMs = 5000): Promise<LabelerChannel | undefined> {
  const { channels, waiters } = registry();
  const known = channels.get(id);
  if (known) return Promise.resolve(known);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    const list = waiters.get(id) ?? [];
    list.push((channel) => {
      clearTimeout(timer);
      resolve(channel);
    });
    waiters.set(id, list);
  });
}

/** Registers the target on a kernel (again after a kernel change; registering twice replaces). */
export function registerLabelerTarget(kernel: Kernel.IKernelConnection | null | undefined): void {
  if (kernel) kernel.registerCommTarget(LABELER_TARGET, (comm, open) => adoptComm(kernel, comm, open));
}
