// @ts-nocheck
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// danfojs-node brings tfjs 3, which must not share a process with litml's tfjs 4: the
// check runs in a child process that loads danfo and litml only.
const script = `
const dfd = require("danfojs-node");
(async () => {
  const litml = await import(${JSON.stringify(path.resolve("dist", "src", "index.js"))});
  const frame = new dfd.DataFrame({ city: ["Oslo", "Lima", "Oslo", null], temp: [3.5, 19, null, 7], rain: [1, 0, 1, 1] });
  const data = litml.toDataset(frame);
  const result = await litml.profile(frame, { target: "rain" });
  console.log(JSON.stringify({
    names: data.names, rows: data.nRows, types: data.names.map((n) => data.column(n).type),
    missing: result.data.columnProfiles.map((c) => c.missing), tfjs: Object.keys(require.cache).some((k) => k.includes("tfjs-backend-wasm")),
  }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe("a danfo DataFrame as DATA", () => {
  it("converts and profiles (real danfojs-node, in its own process)", () => {
    const out = execFileSync(process.execPath, ["--disable-warning=ExperimentalWarning", "-e", script], { encoding: "utf8" });
    const got = JSON.parse(out.trim().split("\n").pop()!);
    expect(got.names).toEqual(["city", "temp", "rain"]);
    expect(got.rows).toBe(4);
    expect(got.types).toEqual(["category", "number", "number"]);
    expect(got.missing).toEqual([1, 1, 0]);
    expect(got.tfjs).toBe(false);
  }, 60_000);
});
