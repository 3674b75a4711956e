// @ts-nocheck
import { describe, expect, it } from "vitest";
import { Progress, quietly, setCancellationSignal, setProgressSink, type ProgressUpdate } from "../../src/runtime/context.js";

describe("progress", () => {
  it("reports after its quiet period, and not at all inside quietly(), where cancellation still works", async () => {
    const updates: ProgressUpdate[] = [];
    setProgressSink((u) => updates.push(u));
    const outer = new Progress("outer", 2, 0);
    await quietly(async () => {
      const inner = new Progress("inner", 2, 0);
      await inner.step();
      inner.finish();
    });
    await outer.step();
    outer.finish();
    expect(updates.map((u) => u.label)).toEqual(["outer", "outer"]);
    expect(updates[0].first).toBe(true);
    expect(updates[1].finished).toBe(true);

    const controller = new AbortController();
    setCancellationSignal(controller.signal);
    controller.abort();
    await expect(quietly(async () => new Progress("cancelled", 5).step())).rejects.toThrowError(/was interrupted/);
    setCancellationSignal(undefined);
  });
});
