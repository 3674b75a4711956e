/** The prediction server's options and answers. Types only. */
import type { DataInput } from "../data/convert.js";

export type ServeMode = "dynamic" | "static" | "hybrid";

export interface ServeOptions {
  /** The port to listen on; 0 (the default) picks a free one. */
  readonly port?: number;
  /** The address to bind (default 127.0.0.1: only this machine can reach it). */
  readonly host?: string;
  /** dynamic: the model per request; static: a table of every prediction, computed ahead; hybrid: the table first, the model for the rest. */
  readonly mode?: ServeMode;
  /** hybrid: the rows whose predictions go into the table (e.g. the most frequent requests); default every combination when all inputs are categories. */
  readonly tableRows?: DataInput;
  /** The most rows a table may hold (default 100,000). */
  readonly maxTable?: number;
  /** What a category never seen in training gets: "reject" (a 400, the default) or "rare" (the pipeline's rare bucket, as in a notebook). */
  readonly unknownCategories?: "reject" | "rare";
  /** The largest request body in bytes (default 10 MB). */
  readonly bodyLimit?: number;
  /** The name shown in /health (e.g. "flights-delay@production"). */
  readonly name?: string;
}

/** One row's answer: the class (with its probabilities) or the number. */
export interface Prediction {
  readonly prediction: string | number | null;
  readonly probabilities?: Readonly<Record<string, number>>;
}

export interface Server {
  /** e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly port: number;
  readonly mode: ServeMode;
  /** Stops accepting connections, answers every request already accepted, then resolves with how many connections and requests it accepted and answered in all. */
  close(): Promise<{ readonly connections: number; readonly accepted: number; readonly answered: number }>;
}
