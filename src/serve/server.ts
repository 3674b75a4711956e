/**
 * The HTTP side (node:http; Fastify is not a dependency yet): routes, body limits, the
 * answers, and a graceful close that stops accepting, answers every request it accepted,
 * and then lets go of the port.
 *
 * The listening socket is a net.Server of its own that hands connections to the HTTP
 * server: http.Server.close() also drops every connection without a request in progress,
 * including one just accepted whose request is still in its buffer, which loses a request
 * the server had accepted. Here close() stops listening, lets an accepted connection bring
 * its request (DRAIN_MS), answers it with "Connection: close", and ends the rest.
 */
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { LitmlError } from "../errors.js";
import { message } from "../messages.js";
import { ServerMetrics } from "./metrics.js";
import type { Predictor } from "./predictor.js";
import { checkRows } from "./rows.js";
import type { PredictionTable } from "./table.js";
import type { Prediction, Server, ServeMode } from "./types.js";

export interface ServerConfig {
  readonly predictor: Predictor;
  readonly table: PredictionTable | undefined;
  readonly mode: ServeMode;
  readonly rare: boolean;
  readonly bodyLimit: number;
  readonly name: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.error));
  }
}

/** How long, after close(), an accepted connection without a request may still bring one. */
const DRAIN_MS = 250;

const errorBody = (e: LitmlError) => ({ error: e.message, code: e.code });

export async function startServer(config: ServerConfig, host: string, port: number): Promise<Server> {
  const metrics = new ServerMetrics();
  const started = Date.now();
  let closing = false;
  let answered = 0;
  let accepted = 0;

  const predict = (body: unknown): unknown => {
    const batch = Array.isArray(body);
    const rows = batch ? body : [body];
    if (batch && rows.length === 0) throw new HttpError(400, errorBody(message.badRequestBody("is an empty array")));
    const checked = checkRows(config.predictor.schema, rows, batch, config.rare && config.mode !== "static");
    let answers: Prediction[];
    if (config.table === undefined) answers = config.predictor.predict(checked.data);
    else {
      answers = new Array(rows.length);
      const missed: number[] = [];
      checked.keys.forEach((key, i) => {
        const hit = config.table!.get(key);
        if (hit) answers[i] = hit;
        else missed.push(i);
      });
      metrics.hits += rows.length - missed.length;
      metrics.misses += missed.length;
      // Static: every valid row is in the table; a miss can only be an unknown category taken as rare, which static refuses above.
      if (missed.length > 0) {
        const computed = config.predictor.predict(checked.data.take(missed));
        missed.forEach((row, j) => (answers[row] = computed[j]));
      }
    }
    metrics.rows += rows.length;
    return batch ? answers : answers[0];
  };

  const health = () => ({
    status: closing ? "closing" : "ok",
    model: config.name,
    mode: config.mode,
    task: config.predictor.task,
    inputs: config.predictor.schema.fields,
    tableRows: config.table?.size ?? 0,
    hitRate: metrics.hitRate,
    predictions: metrics.rows,
    inFlight: metrics.inFlight,
    uptimeSeconds: (Date.now() - started) / 1000,
  });

  const route = (req: http.IncomingMessage): string => {
    const path = (req.url ?? "/").split("?")[0];
    return path === "/predict" || path === "/health" || path === "/metrics" ? path : "(other)";
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<{ status: number; body: string; type: string }> => {
    const json = (status: number, value: unknown) => ({ status, body: JSON.stringify(value), type: "application/json; charset=utf-8" });
    const allow = (method: string) => {
      if (req.method !== method) {
        res.setHeader("Allow", method);
        throw new HttpError(405, { error: `${path} takes ${method} requests, not ${req.method}.`, code: "method-not-allowed" });
      }
    };
    if (path === "/health") return allow("GET"), json(200, health());
    if (path === "/metrics") return allow("GET"), { status: 200, body: metrics.text(config.mode, config.table?.size ?? 0), type: "text/plain; version=0.0.4; charset=utf-8" };
    if (path !== "/predict") throw new HttpError(404, { error: `No route ${req.url}; the routes are POST /predict, GET /health and GET /metrics.`, code: "not-found" });
    allow("POST");
    const text = await readBody(req, config.bodyLimit);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, errorBody(message.badRequestBody(text.trim() === "" ? "is empty" : "is not valid JSON")));
    }
    return json(200, predict(body));
  };

  /** Open connections and how many requests each has in progress. */
  const sockets = new Map<net.Socket, number>();
  let connections = 0;
  const server = http.createServer((req, res) => {
    const t0 = process.hrtime.bigint();
    const path = route(req);
    const socket = req.socket;
    sockets.set(socket, (sockets.get(socket) ?? 0) + 1);
    res.once("close", () => sockets.has(socket) && sockets.set(socket, sockets.get(socket)! - 1));
    metrics.inFlight++;
    accepted++;
    handle(req, res, path)
      .catch((error: unknown) => {
        if (error instanceof HttpError) return { status: error.status, body: JSON.stringify(error.body), type: "application/json; charset=utf-8" };
        if (error instanceof LitmlError && error.code === "request-too-large") return { status: 413, body: JSON.stringify(errorBody(error)), type: "application/json; charset=utf-8" };
        if (error instanceof LitmlError && error.code === "bad-request") return { status: 400, body: JSON.stringify(errorBody(error)), type: "application/json; charset=utf-8" };
        const text = error instanceof Error ? error.message : String(error);
        return { status: 500, body: JSON.stringify({ error: `The model failed on this request: ${text}`, code: "internal" }), type: "application/json; charset=utf-8" };
      })
      .then(({ status, body, type }) => {
        if (closing) res.setHeader("Connection", "close");
        res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
        res.end(body);
        metrics.inFlight--;
        answered++;
        metrics.record(path, status, Number(process.hrtime.bigint() - t0) / 1e9);
      });
  });
  server.keepAliveTimeout = 5000;
  const listener = net.createServer((socket) => {
    connections++;
    sockets.set(socket, 0);
    socket.once("close", () => sockets.delete(socket));
    server.emit("connection", socket);
  });

  await new Promise<void>((resolve, reject) => {
    listener.once("error", (e: NodeJS.ErrnoException) => reject(message.serveFailed(host, port, e.code === "EADDRINUSE" ? "the port is in use" : e.message)));
    listener.listen(port, host, () => resolve());
  });
  const address = listener.address() as AddressInfo;
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closed: Promise<{ connections: number; accepted: number; answered: number }> | undefined;

  return {
    url: `http://${shown}:${address.port}`,
    port: address.port,
    mode: config.mode,
    close() {
      closed ??= new Promise((resolve) => {
        closing = true;
        let listening = true;
        const done = () => !listening && sockets.size === 0 && (clearInterval(reaper), resolve({ connections, accepted, answered }));
        // One more turn of the event loop first, so connections already waiting in the backlog are accepted (and answered), not reset.
        setImmediate(() => listener.close(() => ((listening = false), done())));
        // Busy connections close after their answer ("Connection: close"); idle ones get DRAIN_MS to bring a request.
        const idleSince = new Map<net.Socket, number>();
        const reaper = setInterval(() => {
          const now = Date.now();
          for (const [socket, busy] of sockets) {
            if (busy > 0) idleSince.delete(socket);
            else if (!idleSince.has(socket)) idleSince.set(socket, now);
            else if (now - idleSince.get(socket)! >= DRAIN_MS) socket.destroy();
          }
          done();
        }, 25);
      });
      return closed;
    },
  };
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (declared > limit) {
      req.resume();
      return reject(message.requestTooLarge(limit));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(message.requestTooLarge(limit));
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
