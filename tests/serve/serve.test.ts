/**
 * The prediction server: started on a free port, it answers exactly what the registered
 * pipeline's own predict() and predictProba() give (logistic and gbdt on penguins), turns
 * every bad row into a 400 naming the field, exposes Prometheus text that a real parser
 * reads, serves from a table in static and hybrid modes with the hit rate it reports, and
 * answers every request it accepted when it is closed mid-load.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

process.env.LITML_STATE_DIR = mkdtempSync(path.join(os.tmpdir(), "litml-serve-"));

import { load, toDataset } from "../../src/data/convert.js";
import type { Dataset } from "../../src/data/dataset.js";
import { pipelineFor } from "../../src/features/default-pipeline.js";
import { type FittedPipeline, loadPipeline } from "../../src/features/pipeline.js";
import { register, setStage } from "../../src/deploy/registry/index.js";
import { serve, type Prediction, type Server } from "../../src/serve/index.js";
import { main } from "../../src/cli/main.js";
import { LitmlError } from "../../src/errors.js";
import { python } from "../helpers/python.js";

let penguins: Dataset;
let rows: Record<string, unknown>[];
const fitted: Record<string, FittedPipeline> = {};
const servers: Server[] = [];

beforeAll(async () => {
  penguins = await load("penguins");
  rows = penguins.toRecords().map(({ Species: _, ...inputs }) => inputs);
  for (const [name, model, params, options] of [
    ["penguins-logistic", "logistic", {}, {}],
    ["penguins-gbdt", "gbdt", { maxIterations: 20 }, {}],
    ["penguins-island", "logistic", {}, { features: ["Island", "Sex"] }],
  ] as const) {
    fitted[name] = await pipelineFor(model, params, options).fit(penguins, "Species");
    await register(fitted[name], { name });
    await setStage(`${name}@1`, "production");
  }
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function start(reference: string, options: Parameters<typeof serve>[1] = {}): Promise<Server> {
  const server = await serve(reference, options);
  servers.push(server);
  return server;
}

async function post(server: Server, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/predict`, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

/** What the pipeline itself says for these rows, in the server's answer shape. */
function expected(pipeline: FittedPipeline, data: Dataset): Prediction[] {
  const codes = pipeline.predict(data);
  const proba = pipeline.predictProba(data);
  const classes = pipeline.classes!;
  return Array.from(codes, (code, i) => ({ prediction: classes[code], probabilities: Object.fromEntries(classes.map((c, k) => [c, proba.data[k * data.nRows + i]])) }));
}

describe("dynamic mode", () => {
  it.each([["penguins-logistic"], ["penguins-gbdt"]])("%s@production: a batch of every row and single rows equal the pipeline's own predictions", async (name) => {
    const server = await start(`${name}@production`);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const want = expected(fitted[name], penguins);
    const batch = await post(server, rows);
    expect(batch.status).toBe(200);
    expect(batch.body).toEqual(want);
    const one = await post(server, rows[7]);
    expect(one.body).toEqual(want[7]);
  });

  it("1,000 concurrent single-row requests each get their own row's answer", async () => {
    const server = await start("penguins-gbdt@production");
    const want = expected(fitted["penguins-gbdt"], penguins);
    const answers = await Promise.all(Array.from({ length: 1000 }, (_, i) => post(server, rows[i % rows.length])));
    answers.forEach((a, i) => {
      expect(a.status).toBe(200);
      expect(a.body).toEqual(want[i % rows.length]);
    });
  });
});

describe("bad input: a 400 naming the field, and the server keeps serving", () => {
  let server: Server;
  beforeAll(async () => {
    server = await start("penguins-logistic@production");
  });
  const row = () => ({ ...rows[0] });
  it.each([
    ["a missing field", () => { const r = row(); delete r["Body Mass (g)"]; return r; }, /missing field "Body Mass \(g\)" \(a number\)/i],
    ["a wrong type", () => ({ ...row(), "Beak Length (mm)": "39.1" }), /field "Beak Length \(mm\)": expected a number, got "39.1"/i],
    ["an unknown category", () => ({ ...row(), Island: "Atlantis" }), /field "Island": unknown category "Atlantis".*"Biscoe"/i],
    ["an extra field", () => ({ ...row(), Species: "Adelie" }), /unknown field "Species"/],
    ["a row that is not an object", () => [row(), 3], /Row 1: expected an object of field values, got 3/],
    ["an empty batch", () => [], /is an empty array/],
    ["malformed JSON", () => "{\"Island\": ", /is not valid JSON/],
  ])("%s", async (_, body, pattern) => {
    const answer = await post(server, body());
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("bad-request");
    expect(answer.body.error).toMatch(pattern);
    expect((await post(server, rows[0])).status).toBe(200);
  });
  it("in a batch, the row is named", async () => {
    const answer = await post(server, [row(), { ...row(), "Flipper Length (mm)": true }]);
    expect(answer.body.error).toMatch(/^Row 1, field "Flipper Length \(mm\)": expected a number, got true/);
  });
  it("null is a missing value, which the pipeline imputes", async () => {
    const at = rows.findIndex((r) => r["Body Mass (g)"] === null && r.Sex === null);
    expect(at).toBeGreaterThanOrEqual(0);
    const answer = await post(server, rows[at]);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(expected(fitted["penguins-logistic"], penguins.take([at]))[0]);
  });
  it("an oversized body is a 413; a wrong method a 405; an unknown route a 404", async () => {
    const small = await start("penguins-logistic@production", { bodyLimit: 1000 });
    expect((await post(small, rows)).status).toBe(413);
    expect((await fetch(`${server.url}/predict`)).status).toBe(405);
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    expect((await post(small, rows[0])).status).toBe(200);
  });
  it("with unknownCategories: rare, an unseen category goes to the pipeline's rare bucket, as predict() does", async () => {
    const rare = await start("penguins-logistic@production", { unknownCategories: "rare" });
    const r = { ...row(), Island: "Atlantis" };
    const answer = await post(rare, r);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(expected(fitted["penguins-logistic"], toDataset([r]))[0]);
  });
  it("an unregistered name, a bad mode and a port in use fail as LitmlErrors", async () => {
    await expect(serve("no-such-model@production")).rejects.toThrow(/no-such-model/);
    await expect(serve("penguins-logistic@production", { mode: "fast" as never })).rejects.toThrow(/invalid mode: "fast"; expected dynamic, static or hybrid/);
    const error = await serve("penguins-logistic@production", { port: server.port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LitmlError);
    expect((error as LitmlError).message).toMatch(/the port is in use/);
  });
});

/** Prometheus text exposition: `name{labels} value` samples, keyed by name and sorted labels. */
function parsePrometheus(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels = [...(m[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map(([, k, v]) => `${k}=${v}`).sort();
    samples.set(`${m[1]}{${labels.join(",")}}`, m[3] === "NaN" ? NaN : Number(m[3]));
  }
  return samples;
}

describe("/metrics and /health", () => {
  it("counts requests by route and status, errors, latency in cumulative buckets; prometheus_client parses it the same", async () => {
    const server = await start("penguins-logistic@production");
    for (let i = 0; i < 5; i++) await post(server, rows[i]);
    await post(server, { ...rows[0], Island: 3 });
    await post(server, { ...rows[0], Island: "Atlantis" });
    await fetch(`${server.url}/health`);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const m = parsePrometheus(text);
    expect(m.get('litml_http_requests_total{route=/predict,status=200}')).toBe(5);
    expect(m.get('litml_http_requests_total{route=/predict,status=400}')).toBe(2);
    expect(m.get('litml_http_requests_total{route=/health,status=200}')).toBe(1);
    expect(m.get('litml_http_request_errors_total{kind=client,route=/predict}')).toBe(2);
    expect(m.get('litml_predictions_total{mode=dynamic}')).toBe(5);
    expect(m.get("litml_http_requests_in_flight{}")).toBe(1); // the scrape itself
    const buckets = [...m].filter(([k]) => k.startsWith("litml_http_request_duration_seconds_bucket{") && k.includes("route=/predict"));
    expect(buckets.length).toBe(15);
    const counts = buckets.map(([, v]) => v);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(m.get("litml_http_request_duration_seconds_bucket{le=+Inf,route=/predict}")).toBe(7);
    expect(m.get("litml_http_request_duration_seconds_count{route=/predict}")).toBe(7);
    // An independent reader: the Prometheus Python client's own parser.
    const parsed = python<Record<string, number>>(
      `import sys
from prometheus_client.parser import text_string_to_metric_families
out = {}
for family in text_string_to_metric_families(sys.stdin.read()):
    for s in family.samples:
        out[s.name + "{" + ",".join(f"{k}={v}" for k, v in sorted(s.labels.items())) + "}"] = s.value
emit(out)`,
      text,
    ).value;
    for (const [key, value] of m) if (!Number.isNaN(value)) expect(parsed[key], key).toBe(value);
    expect(Object.keys(parsed).length).toBe(m.size);
  });
});

describe("static and hybrid modes", () => {
  it("static serves every prediction of a model whose inputs are all categories from its table, equal to predict()", async () => {
    const server = await start("penguins-island@production", { mode: "static" });
    const inputs = penguins.toRecords().map((r) => ({ Island: r.Island, Sex: r.Sex }));
    const answer = await post(server, inputs);
    expect(answer.body).toEqual(expected(fitted["penguins-island"], penguins));
    const health = await (await fetch(`${server.url}/health`)).json();
    const levels = fitted["penguins-island"].schema!.fields.map((f) => (f.type === "category" ? f.levels.length + 1 : NaN));
    expect(health).toMatchObject({ mode: "static", tableRows: levels[0] * levels[1], hitRate: 1 });
    expect((await post(server, { Island: "Atlantis", Sex: "male" })).status).toBe(400);
  });
  it("static refuses a model with numeric inputs, naming them", async () => {
    await expect(serve("penguins-logistic@production", { mode: "static" })).rejects.toThrow(/inputs "Beak Length \(mm\)" \(number\), .* are not categories/);
    await expect(serve("penguins-island@production", { mode: "static", maxTable: 5 })).rejects.toThrow(/combinations, more than the table's limit of 5/);
  });
  it("hybrid answers the precomputed rows from the table and the rest from the model: hit rate 0.5 for half and half", async () => {
    const server = await start("penguins-logistic@production", { mode: "hybrid", tableRows: penguins.slice(0, 100) });
    const answer = await post(server, rows.slice(50, 150));
    expect(answer.body).toEqual(expected(fitted["penguins-logistic"], penguins.slice(50, 150)));
    const health = await (await fetch(`${server.url}/health`)).json();
    expect(health).toMatchObject({ mode: "hybrid", tableRows: 100, hitRate: 0.5 });
    const m = parsePrometheus(await (await fetch(`${server.url}/metrics`)).text());
    expect(m.get("litml_table_lookups_total{result=hit}")).toBe(50);
    expect(m.get("litml_table_lookups_total{result=miss}")).toBe(50);
    expect(m.get("litml_table_hit_ratio{}")).toBe(0.5);
  });
});

describe("other models", () => {
  it("a bare fitted model is served with its matrix columns as numeric inputs", async () => {
    const pipeline = fitted["penguins-logistic"];
    const X = pipeline.features(penguins);
    const server = await serve(pipeline.model);
    servers.push(server);
    const matrixRows = Array.from({ length: 5 }, (_, r) => Object.fromEntries(X.names.map((name, c) => [name, X.data[c * X.rows + r]])));
    const answer = await post(server, matrixRows);
    const codes = pipeline.model.predict(X);
    expect(answer.body.map((a: Prediction) => a.prediction)).toEqual(Array.from(codes.slice(0, 5), (c) => pipeline.classes![c]));
  });
  it("a pipeline saved without an input schema is refused with what to do", async () => {
    const { schema: _, ...old } = fitted["penguins-logistic"].toJSON();
    await expect(serve(loadPipeline(old), { name: "old@1" })).rejects.toThrow(/old@1 was fitted before litml kept a pipeline's input schema/);
  });
  it("hybrid over every combination sends a row the table lacks (an unseen category, taken as rare) to the model", async () => {
    const server = await start("penguins-island@production", { mode: "hybrid", unknownCategories: "rare" });
    const sex = fitted["penguins-island"].schema!.fields.find((f) => f.name === "Sex");
    const level = sex?.type === "category" ? sex.levels[0] : undefined;
    expect(level).toBeDefined();
    const rows2 = [{ Island: "Dream", Sex: level }, { Island: "Atlantis", Sex: level }];
    const answer = await post(server, rows2);
    expect(answer.body).toEqual(expected(fitted["penguins-island"], toDataset(rows2)));
    const health = await (await fetch(`${server.url}/health`)).json();
    expect((health as { hitRate: number }).hitRate).toBe(0.5);
  });
});

describe("graceful shutdown", () => {
  it("closed mid-load, it answers every request it accepted, correctly; the rest are refused at connection, never cut off", async () => {
    const server = await serve("penguins-gbdt@production");
    const want = expected(fitted["penguins-gbdt"], penguins);
    let closing: Promise<{ connections: number; accepted: number; answered: number }> | undefined;
    let answeredBeforeClose = 0;
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, () =>
        post(server, rows).then(
          (a) => {
            if (closing === undefined) {
              answeredBeforeClose++;
              if (answeredBeforeClose === 2) closing = server.close();
            }
            return a;
          },
          (e: unknown) => e as Error & { cause?: { code?: string } },
        ),
      ),
    );
    const { connections, accepted, answered } = await closing!;
    const ok = outcomes.filter((o): o is { status: number; body: any } => !(o instanceof Error));
    // Requests were still in progress when close() was called, and each was answered in full.
    expect(accepted).toBeGreaterThan(answeredBeforeClose);
    expect(answered).toBe(accepted);
    expect(accepted).toBe(connections);
    expect(ok.length).toBe(accepted);
    for (const o of ok) {
      expect(o.status).toBe(200);
      expect(o.body).toEqual(want);
    }
    // Connections the server never accepted are refused or reset by the operating system (a client retries them).
    for (const e of outcomes.filter((o): o is Error & { cause?: { code?: string } } => o instanceof Error)) expect(["ECONNREFUSED", "ECONNRESET"]).toContain(e.cause?.code);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});

describe("litml serve", () => {
  it("serves NAME@STAGE on 127.0.0.1 until SIGTERM, then exits 0", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const status = main(["serve", "penguins-gbdt@production", "--port", "0", "--mode", "dynamic"]);
      await vi.waitFor(() => expect(log).toHaveBeenCalled());
      const url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(String(log.mock.calls[0][0]))![1];
      const health = await (await fetch(`${url}/health`)).json();
      expect(health).toMatchObject({ status: "ok", model: "penguins-gbdt@production", mode: "dynamic" });
      process.emit("SIGTERM");
      expect(await status).toBe(0);
      expect(err.mock.calls.map((c) => String(c[0])).join("\n")).toMatch(/stopped after 1 requests/);
      await expect(fetch(`${url}/health`)).rejects.toThrow();
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  });
  it("a bad --mode or --port is a usage error (status 2); static on numeric inputs fails (status 1) saying why", async () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await main(["serve", "penguins-gbdt@production", "--mode", "fast"])).toBe(2);
      expect(await main(["serve", "penguins-gbdt@production", "--port", "http"])).toBe(2);
      expect(await main(["serve", "penguins-gbdt@production", "--port", "0", "--mode", "static"])).toBe(1);
      expect(err.mock.calls.map((c) => String(c[0])).join("\n")).toMatch(/--mode static precomputes every prediction/);
    } finally {
      err.mockRestore();
    }
  });
});
