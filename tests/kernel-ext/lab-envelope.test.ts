import { describe, expect, it } from "vitest";
import { readEnvelope } from "../../kernel-ext/lab/src/envelope.js";
import { profile } from "../../src/frame/profile/index.js";

describe("the lab renderer's reading of a result", () => {
  it("reads a real result whole, with nothing to explain", async () => {
    const json = JSON.parse(JSON.stringify((await profile("penguins")).toJSON()));
    const { envelope, problems } = readEnvelope(json);
    expect(problems).toEqual([]);
    expect(envelope).toMatchObject({ kind: "profile", version: 1, title: 'Profile of "penguins"', verdict: json.verdict });
    expect(envelope!.table!.rows).toEqual(json.table.rows);
    expect(envelope!.chart).toEqual(json.chart);
  });

  it.each([
    ["not an object", "a string", /not a litml result/],
    ["no kind", { version: 1, verdict: { level: "ok", text: "x" } }, /no kind/],
    ["version 0", { kind: "profile", version: 0, verdict: { level: "ok", text: "x" } }, /no valid schema version/],
    ["an unknown level", { kind: "profile", version: 1, verdict: { level: "great", text: "x" } }, /no verdict/],
  ])("explains a result with %s and shows no parts", (_, payload, problem) => {
    const { envelope, problems } = readEnvelope(payload);
    expect(envelope).toBeUndefined();
    expect(problems.join(" ")).toMatch(problem);
  });

  it("keeps the readable parts of a damaged result and names the rest", () => {
    const { envelope, problems } = readEnvelope({
      kind: "slices",
      version: 1,
      verdict: { level: "warn", text: "one slice is worse" },
      table: { columns: ["slice"], rows: [["a"], [{ nested: true }]] },
      chart: "not a spec",
      notes: ["kept", 3],
    });
    expect(envelope).toMatchObject({ kind: "slices", title: "slices", notes: ["kept"], table: undefined, chart: undefined });
    expect(problems).toEqual([
      "The chart is not a Vega-Lite specification, so it is not drawn.",
      "Table row 2 is not a list of plain values, so the table is not shown.",
    ]);
  });

  it("reads a newer schema of a known kind but says the extension is older, and accepts kinds it does not know", () => {
    const newer = readEnvelope({ kind: "drift", version: 3, verdict: { level: "ok", text: "x" }, provenance: { litml: "9.0.0" } });
    expect(newer.envelope).toBeDefined();
    expect(newer.problems[0]).toMatch(/schema version 3 \(litml 9\.0\.0\); this extension reads version 1/);
    const unknown = readEnvelope({ kind: "from-the-future", version: 1, verdict: { level: "fail", text: "x" } });
    expect(unknown).toEqual({ envelope: expect.objectContaining({ kind: "from-the-future" }), problems: [] });
  });
});

describe("the Workflow panel's steps", () => {
  it("judges a step by its worst result, and leaves Backtest out when the card says the rows are not in time order", async () => {
    const { stepStatuses } = await import("../../kernel-ext/lab/src/steps.js");
    const statuses = stepStatuses([
      { cellIndex: 0, kind: "framing-card", level: "warn", time: "none (independent applicants)" },
      { cellIndex: 2, kind: "slices", level: "fail" },
      { cellIndex: 5, kind: "slices", level: "ok" },
      { cellIndex: 6, kind: "leakage", level: "warn" },
      { cellIndex: 7, kind: "leakage", level: "warn" },
    ]);
    const of = (id: string) => statuses.find((s) => s.step.id === id)!;
    expect(of("slices").worst).toEqual({ cellIndex: 2, kind: "slices", level: "fail" });
    expect(of("leakage").worst?.cellIndex).toBe(7);
    expect(of("backtest").notNeeded).toMatch(/not ordered in time/);
    expect(of("drift").notNeeded).toBeUndefined();
    const timed = stepStatuses([{ cellIndex: 0, kind: "framing-card", level: "ok", time: "date" }]);
    expect(timed.find((s) => s.step.id === "backtest")!.notNeeded).toBeUndefined();
  });
});
