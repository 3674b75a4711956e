/**
 * litml's Jupyter server: tslab's ZmqServer (socket setup and receive loops) with the
 * message handling litml needs. Shell requests run one at a time in arrival order, each
 * between its own busy and idle status, as ipykernel does; control requests (interrupt,
 * shutdown) are answered at once.
 *
 * stop_on_error: when a cell fails, requests that were already sent are aborted, and
 * nothing sent after the client saw the error is. tslab instead refused everything for
 * 200 ms, which also dropped a request sent right after the failure.
 */
import { createRequire } from "node:module";
import type { ZmqServer as TslabServer } from "tslab/dist/jupyter.js";
import { comms } from "./comms.js";
import type { Bundle } from "./display-value.js";
import type { CellError } from "./errors.js";
import type { CellIO, LitmlKernel } from "./kernel.js";
import { StreamBatch } from "./stream-batch.js";
import { WireMessage } from "./wire.js";

const require = createRequire(import.meta.url);
const { ZmqServer } = require("tslab/dist/jupyter.js") as { ZmqServer: typeof TslabServer };

type Socket = TslabServer["shell"];

interface Queued {
  readonly socket: Socket;
  readonly message: WireMessage;
  readonly sequence: number;
}

/** Long enough for zeromq to hand over requests that were already on the wire when a cell failed. */
const DRAIN_MS = 10;

export class LitmlServer extends ZmqServer {
  private readonly queue: Queued[] = [];
  private running = false;
  private received = 0;
  private abortThrough = 0;
  /** The shell request being handled (or last handled): kernel-sent comm messages are published in its name. */
  private current: WireMessage | undefined;

  constructor(
    private readonly kernel: LitmlKernel,
    configPath: string,
  ) {
    super(
      {
        handleKernel: () => kernel.kernelInfo() as never,
        handleExecute: () => Promise.reject(new Error("litml executes through LitmlServer.execute")),
        handleIsComplete: (req) => kernel.isComplete(req.code) as never,
        handleInspect: (req) => kernel.inspect(req.code, req.cursor_pos) as never,
        handleComplete: (req) => kernel.complete(req.code, req.cursor_pos) as never,
        handleShutdown: (req) => ({ restart: Boolean(req.restart) }),
        close: () => kernel.close(),
      },
      configPath,
    );
    comms().attach(
      (type, content) => {
        if (!this.current) throw new Error("no request to answer yet: comms open from cells");
        const message = this.current.createReply(type);
        message.content = content;
        message.signAndSend(this.connInfo.key, this.iopub);
      },
      (text) => kernel.log(text),
    );
  }

  override async handleShellMessage(socket: Socket, ...frames: Buffer[]): Promise<void> {
    let message: WireMessage;
    try {
      message = WireMessage.fromRaw(this.connInfo.key, frames);
    } catch (error) {
      this.kernel.log(`litml kernel: dropped a malformed message: ${String(error)}`);
      return;
    }
    if (socket === this.control) return this.handle(socket, message);
    this.queue.push({ socket, message, sequence: ++this.received });
    if (this.running) return;
    this.running = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        await this.handle(next.socket, next.message, next.sequence);
      }
    } finally {
      this.running = false;
    }
  }

  private async handle(socket: Socket, message: WireMessage, sequence = 0): Promise<void> {
    const parent = message as never;
    if (socket !== this.control) this.current = message;
    this.publishStatus("busy", parent);
    try {
      switch (message.header.msg_type) {
        case "execute_request":
          await this.execute(socket, message, sequence);
          break;
        case "kernel_info_request":
          this.handleKernelInfo(socket, parent);
          setImmediate(() => void this.kernel.warmUp());
          break;
        // The TypeScript language service can take a second: long enough for the watchdog to step in.
        case "is_complete_request":
          this.kernel.protect(() => this.handleIsComplete(socket, parent));
          break;
        case "inspect_request":
          this.kernel.protect(() => this.handleInspect(socket, parent));
          break;
        case "complete_request":
          this.kernel.protect(() => this.handleComplete(socket, parent));
          break;
        case "comm_info_request":
          this.reply(socket, message, "comm_info_reply", { status: "ok", comms: comms().info(message.content.target_name) });
          break;
        // From the front end, while no cell runs (a widget's clicks): handled here in order, each in busy/idle; the registry catches handler errors.
        case "comm_open":
          await comms().handleOpen(message.content);
          break;
        case "comm_msg":
          await comms().handleMessage(message.content);
          break;
        case "comm_close":
          comms().handleClose(message.content);
          break;
        case "history_request":
          this.reply(socket, message, "history_reply", { status: "ok", history: [] });
          break;
        case "interrupt_request":
          this.kernel.interrupt();
          this.reply(socket, message, "interrupt_reply", { status: "ok" });
          break;
        case "shutdown_request":
          this.reply(socket, message, "shutdown_reply", { status: "ok", restart: Boolean(message.content.restart) });
          setTimeout(() => {
            this.close();
            process.exit(0);
          }, 50);
          break;
        default:
          this.kernel.log(`litml kernel: ignoring unknown message type ${message.header.msg_type}`);
      }
    } catch (error) {
      this.kernel.log(`litml kernel: failed to handle ${message.header.msg_type}: ${String(error)}`);
    } finally {
      this.publishStatus("idle", parent);
    }
  }

  private async execute(socket: Socket, request: WireMessage, sequence: number): Promise<void> {
    if (sequence <= this.abortThrough) {
      this.reply(socket, request, "execute_reply", { status: "aborted", execution_count: null });
      return;
    }
    const io = this.cellIO(request);
    const outcome = await this.kernel.execute(request.content as never, io);
    io.flush();
    if (outcome.status === "ok") {
      this.reply(socket, request, "execute_reply", {
        status: "ok",
        execution_count: outcome.count,
        payload: [],
        user_expressions: {},
      });
      return;
    }
    if (request.content.stop_on_error !== false) {
      await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
      this.abortThrough = this.received;
    }
    this.reply(socket, request, "execute_reply", { status: "error", execution_count: outcome.count, ...outcome.error });
  }

  private cellIO(request: WireMessage): CellIO & { flush(): void } {
    const send = (type: string, content: Record<string, unknown>) => {
      const message = request.createReply(type);
      message.content = content;
      message.signAndSend(this.connInfo.key, this.iopub);
    };
    const streams = new StreamBatch((name, text) => send("stream", { name, text }));
    const publish = (type: string, content: Record<string, unknown>) => {
      streams.flush();
      send(type, content);
    };
    return {
      flush: () => streams.flush(),
      stream: (name, text) => streams.write(name, text),
      display: (bundle: Bundle, displayId?: string, update = false) =>
        publish(update ? "update_display_data" : "display_data", {
          data: bundle,
          metadata: {},
          transient: displayId === undefined ? {} : { display_id: displayId },
        }),
      executeInput: (code, count) => publish("execute_input", { code, execution_count: count }),
      executeResult: (bundle, count) => publish("execute_result", { data: bundle, metadata: {}, execution_count: count }),
      error: (error: CellError) => publish("error", { ...error }),
    };
  }

  private reply(socket: Socket, request: WireMessage, type: string, content: Record<string, unknown>): void {
    const reply = request.createReply(type);
    reply.content = content;
    reply.signAndSend(this.connInfo.key, socket);
  }
}
