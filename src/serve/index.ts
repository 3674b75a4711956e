/**
 * The prediction server (issue 14, "a real prediction server"): `serve(model, options)`
 * serves a fitted pipeline, or a registered one by reference ("flights-delay@production"),
 * over HTTP: POST /predict (one row or a batch, checked against the pipeline's input
 * schema), GET /health and GET /metrics (Prometheus text). `litml serve` calls it.
 */
import type { FittedPipeline } from "../features/pipeline.js";
import { message } from "../messages.js";
import type { FittedModel } from "../models/contract.js";
import { loadRegistered } from "../deploy/registry/index.js";
import { predictorOf } from "./predictor.js";
import { startServer } from "./server.js";
import { buildTable } from "./table.js";
import type { Server, ServeMode, ServeOptions } from "./types.js";

export type { Prediction, Server, ServeMode, ServeOptions } from "./types.js";
export type { InputField, InputSchema } from "../features/input-schema.js";

const MODES: readonly ServeMode[] = ["dynamic", "static", "hybrid"];

export async function serve(model: FittedPipeline | FittedModel | string, options: ServeOptions = {}): Promise<Server> {
  const mode = options.mode ?? "dynamic";
  if (!MODES.includes(mode)) throw message.badOption("serve", "mode", mode, "dynamic, static or hybrid");
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw message.badOption("serve", "port", port, "a whole number from 0 (any free port) to 65535");
  const host = options.host ?? "127.0.0.1";
  if (typeof host !== "string" || host === "") throw message.badOption("serve", "host", host, "an address such as 127.0.0.1 or 0.0.0.0");
  const maxTable = options.maxTable ?? 100_000;
  if (!Number.isInteger(maxTable) || maxTable < 1) throw message.badOption("serve", "maxTable", maxTable, "a whole number of rows, at least 1");
  const bodyLimit = options.bodyLimit ?? 10 * 1024 * 1024;
  if (!Number.isInteger(bodyLimit) || bodyLimit < 1) throw message.badOption("serve", "bodyLimit", bodyLimit, "a whole number of bytes, at least 1");
  const unknown = options.unknownCategories ?? "reject";
  if (unknown !== "reject" && unknown !== "rare") throw message.badOption("serve", "unknownCategories", unknown, `"reject" or "rare"`);
  if (options.tableRows !== undefined && mode !== "hybrid") throw message.badOption("serve", "tableRows", "(rows)", "only with mode hybrid");
  const name = options.name ?? (typeof model === "string" ? model : "the model");
  const fitted = typeof model === "string" ? loadRegistered(model) : model;
  const predictor = predictorOf(fitted, name);
  const table = mode === "dynamic" ? undefined : await buildTable(predictor, mode, { tableRows: options.tableRows, maxTable });
  return startServer({ predictor, table, mode, rare: unknown === "rare", bodyLimit, name }, host, port);
}
