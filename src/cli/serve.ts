/** `litml serve NAME@STAGE`: a registered model as a prediction server until SIGTERM or Ctrl-C. */
import { serve } from "../serve/index.js";
import type { ServeMode } from "../serve/types.js";
import { message } from "../messages.js";
import { stringOption, type Command, type ParsedArguments } from "./command.js";

export const serveCommand: Command = {
  name: "serve",
  args: "NAME@STAGE",
  summary: "serve a registered model over HTTP: POST /predict, GET /health, GET /metrics",
  details: [
    "NAME@STAGE is a registered model: flights-delay@production, @staging or a version, @3.",
    "Modes: dynamic computes each request; static serves every prediction from a table computed",
    "at start (only when every input is a category with few values); hybrid looks rows up in the",
    "table first (--table DATA: the rows to precompute) and asks the model for the rest.",
    "SIGTERM or Ctrl-C stops accepting, answers every accepted request, then exits.",
  ],
  options: {
    port: { type: "string", value: "PORT", help: "the port (default 8080; 0 picks a free one)" },
    host: { type: "string", value: "HOST", help: "the address to bind (default 127.0.0.1: this machine only; 0.0.0.0 for every network)" },
    mode: { type: "string", value: "MODE", help: "dynamic (default), static or hybrid" },
    table: { type: "string", value: "DATA", help: "hybrid: a data set or file whose rows are precomputed" },
    "unknown-categories": { type: "string", value: "POLICY", help: "reject (a 400, default) or rare (the pipeline's rare bucket)" },
  },
  positionals: { min: 1, max: 1 },
  run,
};

async function run(args: ParsedArguments): Promise<number> {
  const reference = args.positionals[0]!;
  const portText = stringOption(args, "port") ?? "8080";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw message.badArguments("serve", `--port needs a whole number from 0 to 65535, got "${portText}"`);
  const mode = stringOption(args, "mode") ?? "dynamic";
  if (!["dynamic", "static", "hybrid"].includes(mode)) throw message.badArguments("serve", `--mode is dynamic, static or hybrid, not "${mode}"`);
  const unknown = stringOption(args, "unknown-categories") ?? "reject";
  if (unknown !== "reject" && unknown !== "rare") throw message.badArguments("serve", `--unknown-categories is reject or rare, not "${unknown}"`);
  const server = await serve(reference, {
    port,
    host: stringOption(args, "host"),
    mode: mode as ServeMode,
    tableRows: stringOption(args, "table"),
    unknownCategories: unknown,
    name: reference,
  });
  console.log(`litml: serving ${reference} (${server.mode}) at ${server.url}  POST /predict · GET /health · GET /metrics`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.error(`litml: ${signal}: answering the requests in flight, then stopping`);
      void server.close().then(({ answered }) => {
        console.error(`litml: stopped after ${answered} requests`);
        resolve();
      });
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
  return 0;
}
