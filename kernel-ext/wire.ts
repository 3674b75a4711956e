/**
 * Jupyter wire protocol messages (messaging spec 5.3): identities, the <IDS|MSG>
 * delimiter, an HMAC-SHA256 signature, then header, parent header, metadata, content
 * and buffers. tslab keeps its message class private, so litml has this small one; it
 * offers the same createReply/signAndSend that tslab's server methods call.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const DELIMITER = Buffer.from("<IDS|MSG>");
export const PROTOCOL_VERSION = "5.3";

export interface Header {
  msg_id: string;
  msg_type: string;
  session: string;
  username: string;
  date: string;
  version: string;
}

interface Sendable {
  send(frames: (Buffer | string)[]): Promise<void> | void;
}

export class WireMessage {
  identity: Buffer[] = [];
  header!: Header;
  parent: Header | Record<string, never> = {};
  metadata: Record<string, unknown> = {};
  content: Record<string, any> = {};
  buffers: Buffer[] = [];

  static fromRaw(key: string, frames: Buffer[]): WireMessage {
    const split = frames.findIndex((f) => f.equals(DELIMITER));
    if (split < 0) throw new Error("message has no <IDS|MSG> delimiter");
    const signature = frames[split + 1].toString();
    const parts = frames.slice(split + 2);
    if (key !== "") {
      const expected = sign(key, parts.slice(0, 4));
      if (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
        throw new Error("message signature does not match");
      }
    }
    const message = new WireMessage();
    message.identity = frames.slice(0, split);
    message.header = JSON.parse(parts[0].toString());
    message.parent = JSON.parse(parts[1].toString());
    message.metadata = JSON.parse(parts[2].toString());
    message.content = JSON.parse(parts[3].toString());
    message.buffers = parts.slice(4);
    return message;
  }

  /** A message in reply to this one: same session and routing identities, this header as parent. */
  createReply(msgType = this.header.msg_type): WireMessage {
    const reply = new WireMessage();
    reply.identity = this.identity;
    reply.header = {
      msg_id: randomBytes(16).toString("hex"),
      msg_type: msgType,
      session: this.header.session,
      username: this.header.username,
      date: new Date().toISOString(),
      version: PROTOCOL_VERSION,
    };
    reply.parent = this.header;
    return reply;
  }

  signAndSend(key: string, socket: Sendable): void {
    const parts = [this.header, this.parent, this.metadata, this.content].map((p) => Buffer.from(JSON.stringify(p)));
    const frames: (Buffer | string)[] = [...this.identity, DELIMITER, key === "" ? "" : sign(key, parts), ...parts, ...this.buffers];
    queueFor(socket).push(frames, this.header.msg_type);
  }
}

/**
 * Messages waiting for a socket: zeromq.js allows one send in flight per socket, so
 * bursts of output wait here in order instead of failing with EBUSY.
 */
class SendQueue {
  private readonly waiting: { frames: (Buffer | string)[]; type: string }[] = [];
  private inFlight = false;

  constructor(private readonly socket: Sendable) {}

  push(frames: (Buffer | string)[], type: string): void {
    this.waiting.push({ frames, type });
    this.pump();
  }

  /** After a termination: the job that would have said "sent" may have been dropped with the others. */
  resume(): void {
    this.inFlight = false;
    this.pump();
  }

  private pump(): void {
    if (this.inFlight) return;
    const next = this.waiting.shift();
    if (!next) return;
    this.inFlight = true;
    const done = () => {
      this.inFlight = false;
      this.pump();
    };
    Promise.resolve()
      .then(() => this.socket.send(next.frames))
      .catch((error: unknown) => process.stderr.write(`litml kernel: could not send ${next.type}: ${String(error)}\n`))
      .then(done);
  }
}

const queues = new Map<Sendable, SendQueue>();

function queueFor(socket: Sendable): SendQueue {
  let queue = queues.get(socket);
  if (!queue) queues.set(socket, (queue = new SendQueue(socket)));
  return queue;
}

/** Restarts every socket's sending (see SendQueue.resume). */
export function resumeSending(): void {
  for (const queue of queues.values()) queue.resume();
}

function sign(key: string, parts: Buffer[]): string {
  const hmac = createHmac("sha256", key);
  for (const part of parts) hmac.update(part);
  return hmac.digest("hex");
}
